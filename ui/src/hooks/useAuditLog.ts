import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { commands, type AuditQuery_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** One page of the active profile's audit log (newest first) for `filter`. */
export function useAuditLog(filter: AuditQuery_Deserialize) {
  const profileId = useActiveProfileId();
  return useQuery({
    queryKey: profileId === undefined ? [...queryKeys.accountAll(), "pending"] : queryKeys.auditLog(profileId, filter),
    queryFn: () => unwrap(commands.auditQuery(filter)),
    enabled: profileId !== undefined,
    // Paging and filtering keep the rows on screen until the next page is in.
    placeholderData: keepPreviousData,
  });
}
