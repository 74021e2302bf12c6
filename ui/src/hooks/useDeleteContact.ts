import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { invalidateMirror } from "../events.ts";
import { unwrap } from "../ipc.ts";

/** Deletes one contact by its E.164 number. The mirror's reads are fetched again after it. */
export function useDeleteContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phone: string) => unwrap(commands.contactsDelete(phone)),
    onSuccess: () => invalidateMirror(queryClient),
  });
}
