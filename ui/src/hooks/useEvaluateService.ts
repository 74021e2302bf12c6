import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** Whether `number` is reachable on iMessage (`messages_evaluate_service`); idle while null. */
export function useEvaluateService(number: string | null) {
  return useAccountQuery(
    (profileId) => queryKeys.evaluateService(profileId, number ?? ""),
    () => commands.messagesEvaluateService(number ?? ""),
    { enabled: number !== null },
  );
}
