import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** The profile in use, as the list shows it (`null` when none is selected). */
export function useActiveProfile() {
  return useQuery({
    queryKey: queryKeys.activeProfile(),
    queryFn: () => unwrap(commands.profilesActive()),
  });
}

/** The id every account query is keyed by; `undefined` until known. */
export function useActiveProfileId(): string | undefined {
  return useActiveProfile().data?.profile.id;
}
