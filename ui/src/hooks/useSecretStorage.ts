import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Where API secrets are kept: the OS keychain, or (flagged as a warning) an owner-only file. */
export function useSecretStorage() {
  return useQuery({
    queryKey: queryKeys.secretStorage(),
    queryFn: () => unwrap(commands.profilesSecretStorage()),
    staleTime: Infinity,
  });
}
