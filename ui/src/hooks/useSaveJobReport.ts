import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Asks where to save a finished job's row-by-row report and copies it there (`null`: cancelled). */
export function useSaveJobReport() {
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.jobsSaveReport(id)),
  });
}
