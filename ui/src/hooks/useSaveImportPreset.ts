import { useMutation } from "@tanstack/react-query";
import { commands, type ColumnMapping } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Saves a column mapping as a named preset of the active profile (replacing one of that name). */
export function useSaveImportPreset() {
  return useMutation({
    mutationFn: ({ name, mapping }: { name: string; mapping: ColumnMapping }) => unwrap(commands.importsSavePreset(name, mapping)),
  });
}
