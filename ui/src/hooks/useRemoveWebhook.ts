import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type RemoveWebhooks } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Removes URLs from one webhook type; the list is read again after it. */
export function useRemoveWebhook() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (request: RemoveWebhooks) => unwrap(commands.webhooksRemove(request)),
    onSuccess: () => profileId && queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(profileId) }),
  });
}
