import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Buys the previewed line: charges the card on file. The line lists are read again. */
export function useProvisioningConfirm() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (previewToken: string) => unwrap(commands.provisioningConfirm(previewToken)),
    onSuccess: async () => {
      if (!profileId) return;
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.lines(profileId) }),
        queryClient.invalidateQueries({ queryKey: queryKeys.lineState(profileId) }),
      ]);
    },
  });
}
