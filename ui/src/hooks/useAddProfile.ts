import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type NewProfile } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { secretMutationKey } from "../queryClient.ts";

/** Saves a new profile (its secret goes to the keychain); it does not switch to it. */
export function useAddProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    // Its variables hold a secret: the cache forgets them once it settles (queryClient.ts).
    mutationKey: secretMutationKey("addProfile"),
    mutationFn: (input: NewProfile) => unwrap(commands.profilesAdd(input)),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.profiles() }),
  });
}
