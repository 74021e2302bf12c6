import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

export interface SetCallForwardingInput {
  number: string;
  forwardTo: string;
}

/** Forwards a line's inbound calls to another number (E.164). */
export function useSetCallForwarding() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: ({ number, forwardTo }: SetCallForwardingInput) => unwrap(commands.linesSetCallForwarding(number, forwardTo)),
    onSuccess: (answer, { number }) => {
      if (profileId) queryClient.setQueryData(queryKeys.callForwarding(profileId, number), answer);
    },
  });
}
