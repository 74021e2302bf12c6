import { useQuery } from "@tanstack/react-query";
import type { JobView } from "../events.ts";
import { queryKeys } from "../queryKeys.ts";

/** A job's latest progress as job events left it in the cache (never fetched). */
export function useJob(jobId: string | null) {
  return useQuery<JobView | null>({
    queryKey: queryKeys.job(jobId ?? "none"),
    queryFn: () => null,
    enabled: false,
    staleTime: Infinity,
  });
}
