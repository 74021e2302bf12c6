import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type SendCarousel_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";
import { afterSend } from "./sendCache.ts";

export interface SendCarouselInput {
  carousel: SendCarousel_Deserialize;
  confirmLive: boolean;
}

/** Sends 2–20 pictures as one carousel (`messages_send_carousel`). */
export function useSendCarousel() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: ({ carousel, confirmLive }: SendCarouselInput) => unwrap(commands.messagesSendCarousel(carousel, confirmLive)),
    onSuccess: (sent) => afterSend(queryClient, profileId, sent),
  });
}
