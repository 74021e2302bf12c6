import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type UpdateContact_Deserialize } from "../bindings.gen.ts";
import { invalidateMirror } from "../events.ts";
import { unwrap } from "../ipc.ts";

export interface UpdateContactInput {
  phone: string;
  changes: UpdateContact_Deserialize;
}

/** Changes a contact's fields. The mirror's reads are fetched again after it. */
export function useUpdateContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ phone, changes }: UpdateContactInput) => unwrap(commands.contactsUpdate(phone, changes)),
    onSuccess: () => invalidateMirror(queryClient),
  });
}
