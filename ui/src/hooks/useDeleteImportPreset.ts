import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Deletes a saved column mapping (`false` when it was already gone). */
export function useDeleteImportPreset() {
  return useMutation({
    mutationFn: (name: string) => unwrap(commands.importsDeletePreset(name)),
  });
}
