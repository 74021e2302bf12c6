import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/**
 * How the live activity is connected. Read once from the backend (for a page opened after the
 * last change); from then on `activity` events keep the cache (see events.ts).
 */
export function useActivityConnection() {
  return useQuery({
    queryKey: queryKeys.activityConnection(),
    queryFn: () => unwrap(commands.activityConnectionState()),
    staleTime: Infinity,
  });
}
