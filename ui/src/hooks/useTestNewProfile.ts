import { useMutation } from "@tanstack/react-query";
import { commands, type NewProfile } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { secretMutationKey } from "../queryClient.ts";

/** Tries a profile before it is saved; resolves with the account's contact count. */
export function useTestNewProfile() {
  return useMutation({
    // Its variables hold a secret: the cache forgets them once it settles (queryClient.ts).
    mutationKey: secretMutationKey("testNewProfile"),
    mutationFn: (input: NewProfile) => unwrap(commands.profilesTestNew(input)),
  });
}
