import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** A line-request ticket; line events refetch it (its key sits under the line state). */
export function useLineRequest(ticketId: number | null) {
  return useAccountQuery(
    (id) => queryKeys.lineTicket(id, ticketId ?? -1),
    () => commands.provisioningLineRequest(ticketId ?? -1),
    { enabled: ticketId !== null },
  );
}
