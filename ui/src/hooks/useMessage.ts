import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** One stored message by its handle (`messages_get`), or nothing while `handle` is null. */
export function useMessage(handle: string | null) {
  return useAccountQuery(
    (profileId) => queryKeys.message(profileId, handle ?? ""),
    () => commands.messagesGet(handle ?? ""),
    { enabled: handle !== null },
  );
}
