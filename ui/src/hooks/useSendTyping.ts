import { useMutation } from "@tanstack/react-query";
import { commands, type TypingIndicator_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

/** Shows (or stops) the typing bubble on the contact's phone (`reactions_typing`); best effort. */
export function useSendTyping() {
  return useMutation({
    mutationFn: (indicator: TypingIndicator_Deserialize) => unwrap(commands.reactionsTyping(indicator)),
  });
}
