import { useQueries } from "@tanstack/react-query";
import { commands, type ListMessages_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** The filters and order of a history read (everything but the page). */
export type MessageFilter = Omit<ListMessages_Deserialize, "offset" | "limit">;

/**
 * Pages of message history (`messages_list` with offset/limit) for one filter. Every page sits
 * under `queryKeys.messages`, so a message event refetches them all.
 */
export function useMessagePages(filter: MessageFilter, pageIndexes: readonly number[], pageSize: number, options: { enabled?: boolean } = {}) {
  const profileId = useActiveProfileId();
  return useQueries({
    queries: pageIndexes.map((page) => {
      const params: ListMessages_Deserialize = { ...filter, limit: pageSize, offset: page * pageSize };
      return {
        queryKey: profileId === undefined ? ["account", "pending"] : queryKeys.messagesList(profileId, params),
        queryFn: () => unwrap(commands.messagesList(params)),
        enabled: profileId !== undefined && (options.enabled ?? true),
        placeholderData: (previous: unknown) => previous as never,
      };
    }),
  });
}
