import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type WebhookSet_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { secretMutationKey } from "../queryClient.ts";

/** Replaces every webhook with `set` (types left out end up empty); the list is read again. */
export function useReplaceWebhooks() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    // Its variables hold a secret: the cache forgets them once it settles (queryClient.ts).
    mutationKey: secretMutationKey("replaceWebhooks"),
    mutationFn: (set: WebhookSet_Deserialize) => unwrap(commands.webhooksReplace(set)),
    onSuccess: () => profileId && queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(profileId) }),
  });
}
