// The live feed and the names behind its numbers, as the activity page reads them.
import { useQuery } from "@tanstack/react-query";
import type { FeedItem } from "../../events.ts";
import { queryKeys } from "../../queryKeys.ts";


/** The feed events.ts keeps, newest first (never fetched: only events fill it). */
export function useFeed(): FeedItem[] {
  const feed = useQuery<FeedItem[]>({
    queryKey: queryKeys.activityFeed(),
    queryFn: () => Promise.resolve([]),
    initialData: [],
    enabled: false,
    staleTime: Infinity,
    // Kept while the app runs, also when the page isn't open.
    gcTime: Infinity,
  });
  return feed.data;
}

export { useContactName } from "../../hooks/useContactName.ts";
