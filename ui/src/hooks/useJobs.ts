import { useQuery, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { jobViewOf, type JobView } from "../events.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/**
 * Every job of the active profile, newest first (`jobs_list`), including ones started before
 * a restart or on another page. Job events keep it fresh (events.ts); each job's progress
 * cache (`queryKeys.job`, read by `JobProgress`) is seeded from it when events haven't yet.
 */
export function useJobs() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useQuery({
    queryKey: profileId === undefined ? [...queryKeys.accountAll(), "pending"] : queryKeys.jobs(profileId),
    queryFn: async () => {
      const jobs = await unwrap(commands.jobsList());
      for (const info of jobs) {
        const known = queryClient.getQueryData<JobView>(queryKeys.job(info.id));
        if (!known || (!known.info?.report && info.report)) queryClient.setQueryData(queryKeys.job(info.id), jobViewOf(info));
      }
      return jobs;
    },
    enabled: profileId !== undefined,
  });
}
