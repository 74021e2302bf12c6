import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** How many contacts the active account has (`GET /api/v2/contacts/count`). */
export function useContactCount() {
  return useAccountQuery(queryKeys.contactCount, () => commands.contactsCount());
}
