import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** The mirror's contact count, last sync and any refresh under way (kept fresh by events). */
export function useMirrorStatus() {
  return useAccountQuery(queryKeys.mirrorStatus, () => commands.mirrorStatus());
}
