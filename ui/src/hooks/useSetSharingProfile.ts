import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type SharingProfileRequest_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Creates or overwrites a line's sharing profile; the answer is the new state. */
export function useSetSharingProfile() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (request: SharingProfileRequest_Deserialize) => unwrap(commands.sharingSetProfile(request)),
    onSuccess: (state, request) => {
      if (profileId) queryClient.setQueryData(queryKeys.sharingState(profileId, request.fromNumber), state);
    },
  });
}
