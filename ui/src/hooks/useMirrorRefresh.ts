import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Starts refreshing the mirror; progress and the end arrive as events (events.ts). */
export function useMirrorRefresh() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: () => unwrap(commands.mirrorRefresh()),
    onSuccess: (info) => {
      if (profileId) queryClient.setQueryData(queryKeys.mirrorStatus(profileId), info);
    },
  });
}
