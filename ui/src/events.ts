// The one place that listens to the backend's typed events and turns them into cache updates.
// Caches follow events, not polling. Later events (job progress, account activity) join here.
import type { QueryClient } from "@tanstack/react-query";
import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { events, type ProfileChanged_Serialize } from "./bindings.gen.ts";
import { queryKeys } from "./queryKeys.ts";

type Unlisten = () => void;

/** Starts listening; the returned function stops every listener (even ones still starting). */
export function listenToBackendEvents(queryClient: QueryClient): Unlisten {
  const pending = [
    events.profileChanged.listen(({ payload }) => applyProfileChange(queryClient, payload)),
  ].map(orNothing);
  return () => {
    for (const unlisten of pending) {
      // Stopping can fail only when the window is going away; nothing is left to clean then.
      unlisten.then((stop) => stop()).catch(() => undefined);
    }
  };
}

// A listener that failed to start leaves the page working on mutations' own invalidations.
function orNothing(listening: Promise<Unlisten>): Promise<Unlisten> {
  return listening.catch((error: unknown) => {
    console.warn("Couldn't listen to the console's events:", error);
    return () => undefined;
  });
}

/** Keeps the caches in step with the backend while the app is mounted. */
export function useBackendEvents(): void {
  const queryClient = useQueryClient();
  useEffect(() => listenToBackendEvents(queryClient), [queryClient]);
}

/**
 * A profile was added, switched, deleted or given a new secret. The event carries the whole list,
 * so the profile caches are set from it; the active account's reads are refetched because its
 * client may have changed (a new secret), and a switch re-keys them anyway.
 */
export function applyProfileChange(queryClient: QueryClient, change: ProfileChanged_Serialize): void {
  queryClient.setQueryData(queryKeys.profiles(), change.profiles);
  const active = change.profiles.find((view) => view.active) ?? null;
  queryClient.setQueryData(queryKeys.activeProfile(), active);
  if (active) void queryClient.invalidateQueries({ queryKey: queryKeys.account(active.profile.id) });
}
