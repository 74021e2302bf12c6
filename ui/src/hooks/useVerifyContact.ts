import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { invalidateMirror } from "../events.ts";
import { unwrap } from "../ipc.ts";

/** Asks Sendblue to verify a contact's number. The mirror's reads are fetched again after it. */
export function useVerifyContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => unwrap(commands.contactsVerify(phone)),
    onSuccess: () => invalidateMirror(queryClient),
  });
}
