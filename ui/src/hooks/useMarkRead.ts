import { useMutation } from "@tanstack/react-query";
import { commands, type MarkRead } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Sends a read receipt for a 1:1 conversation (`reactions_mark_read`). */
export function useMarkRead() {
  return useMutation({
    mutationFn: (request: MarkRead) => unwrap(commands.reactionsMarkRead(request)),
  });
}
