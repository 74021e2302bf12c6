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
  forgetSecretMutations(client);
  return client;
}

/**
 * The key prefix of every mutation whose variables carry a secret (an API secret, a webhook
 * signing secret): `mutationKey: secretMutationKey("addProfile")`.
 */
export const SECRET_MUTATIONS = "secret-carrying";
export function secretMutationKey(name: string): readonly [typeof SECRET_MUTATIONS, string] {
  return [SECRET_MUTATIONS, name] as const;
}

/**
 * A mutation's variables stay in the mutation cache until it is garbage-collected (5 minutes
 * by default, and never while its form is still mounted). Secret-carrying ones are dropped
 * from the cache as soon as they settle (the form keeps its result through its observer),
 * and `gcTime: 0` covers any path that skips the settle event.
 */
function forgetSecretMutations(client: QueryClient): void {
  client.setMutationDefaults([SECRET_MUTATIONS], { gcTime: 0 });
  const cache = client.getMutationCache();
  cache.subscribe((event) => {
    if (event.type !== "updated") return;
    const { mutation } = event;
    if (mutation.options.mutationKey?.[0] !== SECRET_MUTATIONS) return;
    if (mutation.state.status === "success" || mutation.state.status === "error") cache.remove(mutation);
  });
}
