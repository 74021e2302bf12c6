import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks for a file to import in the native dialog and reads it (`null`: the person cancelled). */
export function useChooseImportFile() {
  return useMutation({
    mutationFn: () => unwrap(commands.importsChooseFile()),
  });
}
