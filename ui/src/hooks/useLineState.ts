import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** Each line's number, assignment and health (`GET /api/v2/lines/state`). */
export function useLineState() {
  return useAccountQuery(queryKeys.lineState, () => commands.linesState());
}
