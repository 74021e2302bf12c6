import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { jobViewOf, type JobView } from "../events.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Starts the import the last dry run planned, as a job; progress arrives as events. */
export function useStartImport() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (importId: string) => unwrap(commands.importsStart(importId)),
    onSuccess: (info) => {
      // Events may already have moved the job on; keep theirs.
      if (!queryClient.getQueryData<JobView>(queryKeys.job(info.id))) {
        queryClient.setQueryData(queryKeys.job(info.id), jobViewOf(info));
      }
      if (profileId) void queryClient.invalidateQueries({ queryKey: queryKeys.importJobs(profileId) });
    },
  });
}
