import { useMemo } from "react";
import { contactName } from "../format/contact.ts";
import { useMirrorPages, type ContactFilter } from "./useMirrorSearch.ts";

const FIRST_PAGE = [0] as const;
const NO_PAGES: readonly number[] = [];

/** The saved contact's name for `number` (E.164, from the local mirror); `null` when it has none. */
export function useContactName(number: string | null | undefined): string | null {
  const digits = (number ?? "").replace(/\D/g, "");
  const filter: ContactFilter = useMemo(
    () => ({ text: digits || null, tag: null, opted_out: null, verified: null, sendblue_number: null, sort: "name", direction: "asc" }),
    [digits],
  );
  const [page] = useMirrorPages(filter, digits ? FIRST_PAGE : NO_PAGES);
  if (!number || !digits) return null;
  const found = page?.data?.rows.find((c) => c.phone === number);
  return found ? contactName(found) : null;
}
