import { useMutation } from "@tanstack/react-query";
import { commands, type SendReaction_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Sends an iMessage tapback (`reactions_send`). History doesn't change, so nothing is refetched. */
export function useSendReaction() {
  return useMutation({
    mutationFn: (reaction: SendReaction_Deserialize) => unwrap(commands.reactionsSend(reaction)),
  });
}
