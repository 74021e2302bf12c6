import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** Every webhook of the account by type, and the account-wide signing secret. */
export function useWebhooks() {
  return useAccountQuery(queryKeys.webhooks, () => commands.webhooksList());
}
