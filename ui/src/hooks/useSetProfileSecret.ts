import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { secretMutationKey } from "../queryClient.ts";

export interface SetProfileSecretInput {
  profileId: string;
  secret: string;
}

/** Replaces a saved profile's API secret; the account's data is read again with it. */
export function useSetProfileSecret() {
  const queryClient = useQueryClient();
  return useMutation({
    // Its variables hold a secret: the cache forgets them once it settles (queryClient.ts).
    mutationKey: secretMutationKey("setProfileSecret"),
    mutationFn: ({ profileId, secret }: SetProfileSecretInput) =>
      unwrap(commands.profilesSetSecret(profileId, secret)),
    onSuccess: async (_, { profileId }) => {
      await Promise.all([
        queryClient.invalidateQueries({ queryKey: queryKeys.profiles() }),
        queryClient.invalidateQueries({ queryKey: queryKeys.account(profileId) }),
      ]);
    },
  });
}
