import { useMutation } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";

export interface WebhookTestInput {
  type: string;
  url: string;
}

/** Posts a sample event of the webhook's type to its address, from this computer. */
export function useSendWebhookTest() {
  return useMutation({
    mutationFn: ({ type, url }: WebhookTestInput) => unwrap(commands.webhooksSendTest(type, url)),
  });
}
