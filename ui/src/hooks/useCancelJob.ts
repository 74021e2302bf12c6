import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Asks a job to stop; it ends soon with a report (its end arrives as an event). */
export function useCancelJob() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.jobsCancel(id)),
    onSuccess: () => {
      if (profileId) void queryClient.invalidateQueries({ queryKey: queryKeys.importJobs(profileId) });
    },
  });
}
