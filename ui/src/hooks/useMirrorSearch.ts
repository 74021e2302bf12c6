import { useQueries } from "@tanstack/react-query";
import { commands, type ContactQuery_Serialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** The filter, text and sort of the contacts table (everything but the page). */
export type ContactFilter = Omit<ContactQuery_Serialize, "offset" | "limit">;

/** Rows per page fetched from the mirror (the command returns at most 500). */
export const MIRROR_PAGE = 200;

/** The pages of `filter` at the given page indexes (`mirror_search` with offset/limit). */
export function useMirrorPages(filter: ContactFilter, pageIndexes: readonly number[]) {
  const profileId = useActiveProfileId();
  return useQueries({
    queries: pageIndexes.map((page) => {
      const query: ContactQuery_Serialize = { ...filter, offset: page * MIRROR_PAGE, limit: MIRROR_PAGE };
      return {
        queryKey: profileId === undefined ? ["account", "pending"] : queryKeys.mirrorSearch(profileId, query),
        queryFn: () => unwrap(commands.mirrorSearch(query)),
        enabled: profileId !== undefined,
        placeholderData: (previous: unknown) => previous as never,
      };
    }),
  });
}
