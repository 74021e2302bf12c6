import { QueryClient } from "@tanstack/react-query";
import type { AppErrorThrown } from "./ipc.ts";

// Every query and mutation fails with the backend's AppError (see ipc.ts `unwrap`).
declare module "@tanstack/react-query" {
  interface Register {
    defaultError: AppErrorThrown;
  }
}

export function createQueryClient(): QueryClient {
  const client = new QueryClient({
    defaultOptions: {
      queries: {
        // The Rust client already retries reads with backoff; retrying here again would only
        // delay the plain-words error the person needs to see.
        retry: false,
        // Backend events keep the caches fresh (events.ts); no refetch on focus, no polling.
        refetchOnWindowFocus: false,
        staleTime: 30_000,
      },
      mutations: { retry: false },
    },
  });
  // The live feed, connection state and typing exist only as events built them: nothing can
  // fetch them again, so they are never garbage-collected while the app runs.
  client.setQueryDefaults(["activity"], { gcTime: Infinity, staleTime: Infinity });
  return client;
}
