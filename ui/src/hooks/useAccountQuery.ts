import { useQuery } from "@tanstack/react-query";
import type { AppError_Serialize } from "../bindings.gen.ts";
import { unwrap, type Result } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

export interface AccountQueryOptions {
  enabled?: boolean;
}

/**
 * A query that reads from the active profile's account. `keyFor` builds its key from the active
 * profile id (a `queryKeys` entry under `account(id)`), so a profile switch refetches it and a
 * profile change event can invalidate every account read at once. Waits until the active profile
 * is known.
 */
export function useAccountQuery<T>(
  keyFor: (profileId: string) => readonly unknown[],
  run: () => Promise<Result<T, AppError_Serialize>>,
  options: AccountQueryOptions = {},
) {
  const profileId = useActiveProfileId();
  return useQuery({
    queryKey: profileId === undefined ? [...queryKeys.accountAll(), "pending"] : keyFor(profileId),
    queryFn: () => unwrap(run()),
    enabled: profileId !== undefined && (options.enabled ?? true),
  });
}
