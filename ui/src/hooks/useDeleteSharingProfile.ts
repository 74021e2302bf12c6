import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Turns sharing off for a line and removes its profile; the state is read again. */
export function useDeleteSharingProfile() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (fromNumber: string) => unwrap(commands.sharingDeleteProfile(fromNumber)),
    onSuccess: (_, fromNumber) =>
      profileId && queryClient.invalidateQueries({ queryKey: queryKeys.sharingState(profileId, fromNumber) }),
  });
}
