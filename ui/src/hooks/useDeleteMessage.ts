import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { queryKeys } from "../queryKeys.ts";

/** Removes a message record from Sendblue's history (nothing is unsent); history is read again. */
export function useDeleteMessage() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (handle: string) => unwrap(commands.messagesDelete(handle)),
    onSuccess: (_data, handle) => {
      if (profileId === undefined) return;
      queryClient.removeQueries({ queryKey: queryKeys.message(profileId, handle) });
      return queryClient.invalidateQueries({ queryKey: queryKeys.messages(profileId) });
    },
  });
}
