import { commands } from "../bindings.gen.ts";
import { queryKeys } from "../queryKeys.ts";
import { useAccountQuery } from "./useAccountQuery.ts";

/** A line's contact-sharing profile (name, display name, whether it has a photo). */
export function useSharingState(number: string | null) {
  return useAccountQuery(
    (id) => queryKeys.sharingState(id, number ?? ""),
    () => commands.sharingState(number ?? ""),
    { enabled: number !== null },
  );
}
