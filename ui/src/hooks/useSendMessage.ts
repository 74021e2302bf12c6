import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type SendMessage_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { afterSend } from "./sendCache.ts";

export interface SendMessageInput {
  message: SendMessage_Deserialize;
  /** The person confirmed sending from a Live profile. */
  confirmLive: boolean;
}

/** Sends a 1:1 message (`messages_send`); its status is cached for the live status card. */
export function useSendMessage() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: ({ message, confirmLive }: SendMessageInput) => unwrap(commands.messagesSend(message, confirmLive)),
    onSuccess: (sent) => afterSend(queryClient, profileId, sent),
  });
}
