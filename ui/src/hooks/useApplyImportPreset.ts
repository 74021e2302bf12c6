import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** The mapping a saved preset gives the chosen file's columns. */
export function useApplyImportPreset() {
  return useMutation({
    mutationFn: ({ importId, name }: { importId: string; name: string }) => unwrap(commands.importsApplyPreset(importId, name)),
  });
}
