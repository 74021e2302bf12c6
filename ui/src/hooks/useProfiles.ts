import { useQuery } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Every saved profile, the active one marked. */
export function useProfiles() {
  return useQuery({
    queryKey: queryKeys.profiles(),
    queryFn: () => unwrap(commands.profilesList()),
  });
}
