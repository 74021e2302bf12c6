import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** Where a line's inbound calls are forwarded (`forwarding_number` null: nowhere). */
export function useCallForwarding(number: string) {
  return useAccountQuery((id) => queryKeys.callForwarding(id, number), () => commands.linesCallForwarding(number));
}
