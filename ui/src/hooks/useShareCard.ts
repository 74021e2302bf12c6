import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

export interface ShareCardInput {
  fromNumber: string;
  toNumber: string;
}

/** Pushes a line's contact card into its 1:1 iMessage chat with a contact. */
export function useShareCard() {
  return useMutation({
    mutationFn: ({ fromNumber, toNumber }: ShareCardInput) => unwrap(commands.sharingShare(fromNumber, toNumber)),
  });
}
