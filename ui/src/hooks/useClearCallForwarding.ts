import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Stops forwarding a line's calls. */
export function useClearCallForwarding() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (number: string) => unwrap(commands.linesClearCallForwarding(number)),
    onSuccess: (answer, number) => {
      if (profileId) queryClient.setQueryData(queryKeys.callForwarding(profileId, number), answer);
    },
  });
}
