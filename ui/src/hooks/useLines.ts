import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery, type AccountQueryOptions } from "./useAccountQuery.ts";

/** The active account's line numbers (the plain list, without health). */
export function useLines(options?: AccountQueryOptions) {
  return useAccountQuery(queryKeys.lines, () => commands.linesList(), options);
}
