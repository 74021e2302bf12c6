import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type CreateContact_Deserialize } from "../bindings.gen.ts";
import { invalidateMirror } from "../events.ts";
import { unwrap } from "../ipc.ts";

/** Creates a contact on the account. The mirror's reads are fetched again after it. */
export function useCreateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (contact: CreateContact_Deserialize) => unwrap(commands.contactsCreate(contact)),
    onSuccess: () => invalidateMirror(queryClient),
  });
}
