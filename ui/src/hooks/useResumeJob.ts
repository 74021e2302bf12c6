import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { jobViewOf } from "../events.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";
import { useActiveProfileId } from "./useActiveProfile.ts";

/** Continues an interrupted job from where it stopped; progress arrives as events. */
export function useResumeJob() {
  const queryClient = useQueryClient();
  const profileId = useActiveProfileId();
  return useMutation({
    mutationFn: (id: string) => unwrap(commands.jobsResume(id)),
    onSuccess: (info) => {
      queryClient.setQueryData(queryKeys.job(info.id), jobViewOf(info));
      if (profileId) void queryClient.invalidateQueries({ queryKey: queryKeys.importJobs(profileId) });
    },
  });
}
