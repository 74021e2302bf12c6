import { useMutation } from "@tanstack/react-query";
import { commands, type NewProfile } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Tries a profile before it is saved; resolves with the account's contact count. */
export function useTestNewProfile() {
  return useMutation({
    mutationFn: (input: NewProfile) => unwrap(commands.profilesTestNew(input)),
  });
}
