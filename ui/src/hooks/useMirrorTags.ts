import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** Every tag in the mirror with how many contacts carry it. */
export function useMirrorTags() {
  return useAccountQuery(queryKeys.mirrorTags, () => commands.mirrorTags());
}
