import { useMutation } from "@tanstack/react-query";
import { commands, type ImportChoices } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Checks the whole chosen file with a mapping, default country and duplicate policy; sends nothing. */
export function useImportDryRun() {
  return useMutation({
    mutationFn: ({ importId, choices }: { importId: string; choices: ImportChoices }) => unwrap(commands.importsDryRun(importId, choices)),
  });
}
