import { useMutation } from "@tanstack/react-query";
import { commands, type ContactQuery_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks where to save, then exports the contacts the filter matches (`null`: cancelled). */
export function useExportContacts() {
  return useMutation({
    mutationFn: (filter: ContactQuery_Deserialize) => unwrap(commands.jobsExportContacts(filter)),
  });
}
