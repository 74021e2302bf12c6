import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks where to save, then writes the diagnostics report: its path, or `null` when cancelled. */
export function useExportDiagnostics() {
  return useMutation({
    mutationFn: () => unwrap(commands.diagnosticsExport()),
  });
}
