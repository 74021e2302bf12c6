import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type OptOut_Deserialize } from "../bindings.gen.ts";
import { invalidateMirror } from "../events.ts";
import { unwrap } from "../ipc.ts";

/** Opts a number out of (or back into) SMS. The mirror's reads are fetched again after it. */
export function useOptOutContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (request: OptOut_Deserialize) => unwrap(commands.contactsOptOut(request)),
    onSuccess: () => invalidateMirror(queryClient),
  });
}
