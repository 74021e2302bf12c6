import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Tests a saved profile's connection; resolves with its contact count. */
export function useTestProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (profileId: string) => unwrap(commands.profilesTest(profileId)),
    // The test reads the same number the overview shows: keep that one current too.
    onSuccess: (count, profileId) => queryClient.setQueryData(queryKeys.contactCount(profileId), count),
  });
}
