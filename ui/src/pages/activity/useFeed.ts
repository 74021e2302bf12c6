// The live feed and the names behind its numbers, as the activity page reads them.
import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { FeedItem } from "../../events.ts";
import { useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";
import { queryKeys } from "../../queryKeys.ts";

const NO_PAGES: number[] = [];
const FIRST_PAGE = [0];

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

/** The saved contact's name for `number` (from the local mirror), when it has one. */
export function useContactName(number: string | null): string | null {
  const digits = number ? number.replace(/\D/g, "") : "";
  const filter = useMemo<ContactFilter>(
    () => ({ text: digits, tag: null, opted_out: null, verified: null, sendblue_number: null, sort: "name", direction: "asc" }),
    [digits],
  );
  const [page] = useMirrorPages(filter, digits ? FIRST_PAGE : NO_PAGES);
  const contact = page?.data?.rows.find((c) => c.phone === number);
  if (!contact) return null;
  const name = [contact.first_name, contact.last_name].filter(Boolean).join(" ").trim();
  return name || contact.company_name || null;
}
