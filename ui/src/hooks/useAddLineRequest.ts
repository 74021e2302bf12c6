import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands, type AddLineRequest_Deserialize } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Opens a line-request ticket with Sendblue (the older flow; staff fulfil it). */
export function useAddLineRequest() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (request: AddLineRequest_Deserialize) => unwrap(commands.provisioningAddLine(request)),
    onSuccess: (ticket) => {
      if (profileId) queryClient.setQueryData(queryKeys.lineTicket(profileId, ticket.id), ticket);
    },
  });
}
