import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type SendGroupMessage_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { afterSend } from "./sendCache.ts";

export interface SendGroupMessageInput {
  message: SendGroupMessage_Deserialize;
  confirmLive: boolean;
}

/** Sends one message to several people as a group chat (`groups_send`). */
export function useSendGroupMessage() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: ({ message, confirmLive }: SendGroupMessageInput) => unwrap(commands.groupsSend(message, confirmLive)),
    onSuccess: (sent) => afterSend(queryClient, profileId, sent),
  });
}
