import { useMutation } from "@tanstack/react-query";
import { commands, type AuditQuery_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks where to save, then writes the audit entries `filter` matches as CSV (`null`: cancelled). */
export function useExportAudit() {
  return useMutation({
    mutationFn: (filter: AuditQuery_Deserialize) => unwrap(commands.auditExport(filter)),
  });
}
