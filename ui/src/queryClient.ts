import { QueryClient } from "@tanstack/react-query";
import type { AppErrorThrown } from "./ipc.ts";

// Every query and mutation fails with the backend's AppError (see ipc.ts `unwrap`).
declare module "@tanstack/react-query" {
  interface Register {
    defaultError: AppErrorThrown;
  }
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
}
