import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type AddWebhooks_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { queryKeys } from "../queryKeys.ts";
import { secretMutationKey } from "../queryClient.ts";

/** Appends webhooks to one type; the list is read again after it. */
export function useAddWebhook() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    // Its variables hold a secret: the cache forgets them once it settles (queryClient.ts).
    mutationKey: secretMutationKey("addWebhook"),
    mutationFn: (request: AddWebhooks_Deserialize) => unwrap(commands.webhooksAdd(request)),
    onSuccess: () => profileId && queryClient.invalidateQueries({ queryKey: queryKeys.webhooks(profileId) }),
  });
}
