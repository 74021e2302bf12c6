import { useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/**
 * Returns a check to run right before a send: true when the send needs the person's Live
 * confirmation (`profiles_send_needs_confirmation`, the first send from a Live profile per run).
 * Always read fresh: the answer changes with the first confirmed send.
 */
export function useSendNeedsConfirmation(): () => Promise<boolean> {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useCallback(
    () =>
      queryClient.fetchQuery({
        queryKey: queryKeys.sendNeedsConfirmation(profileId ?? "none"),
        queryFn: () => unwrap(commands.profilesSendNeedsConfirmation()),
        staleTime: 0,
      }),
    [queryClient, profileId],
  );
}
