import { useMutation, useQueryClient } from "@tanstack/react-query";
import { commands } from "../bindings.gen.ts";
import { jobViewOf, type JobView } from "../events.ts";
import { unwrap } from "../ipc.ts";
import { queryKeys } from "../queryKeys.ts";

/** Starts the bulk-delete job (it writes a CSV backup first); progress arrives as events. */
export function useBulkDelete() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (phones: string[]) => unwrap(commands.jobsBulkDelete(phones)),
    onSuccess: (info) => {
      // Events may already have moved the job on; keep theirs.
      if (!queryClient.getQueryData<JobView>(queryKeys.job(info.id))) {
        queryClient.setQueryData(queryKeys.job(info.id), jobViewOf(info));
      }
    },
  });
}
