import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/**
 * A sent message's current state (`messages_status`). It sits under `messages`, so every
 * message event refetches it: the status follows events, not polling.
 */
export function useMessageStatus(handle: string | null) {
  return useAccountQuery(
    (profileId) => queryKeys.messageStatus(profileId, handle ?? ""),
    () => commands.messagesStatus(handle ?? ""),
    { enabled: handle !== null },
  );
}
