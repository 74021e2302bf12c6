// Contacts from the local mirror as the compose page needs them: suggestions for what is typed,
// and the contact behind one number (its name, its assigned line, whether it opted out).
import { useMemo } from "react";
import type { Contact_Serialize } from "../../bindings.gen.ts";
import { useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";
import { contactName } from "../../format/contact.ts";

const FIRST_PAGE = [0];

function filterFor(text: string | null): ContactFilter {
  return { text, tag: null, opted_out: null, verified: null, sendblue_number: null, sort: "name", direction: "asc" };
}

/** A contact's name, or null when it has none (shared: format/contact.ts). */
export { contactName };

/** What to search the mirror for: the digits of a number being typed, or the words of a name. */
export function searchText(typed: string): string | null {
  const trimmed = typed.trim();
  if (trimmed === "") return null;
  if (/^[\d\s()+.-]+$/.test(trimmed)) {
    const digits = trimmed.replace(/\D/g, "");
    return digits === "" ? null : digits;
  }
  return trimmed;
}

/** Contacts matching what is typed (none while nothing is). */
export function useContactSuggestions(typed: string, limit: number): { contacts: Contact_Serialize[]; loading: boolean } {
  const text = searchText(typed);
  const filter = useMemo(() => filterFor(text), [text]);
  const [page] = useMirrorPages(filter, FIRST_PAGE);
  const contacts = useMemo(() => (text === null ? [] : (page?.data?.rows ?? []).slice(0, limit)), [page?.data, text, limit]);
  return { contacts, loading: text !== null && page?.isPending === true };
}

/** The mirror's contact for one E.164 number, when it has one. */
export function useContactFor(number: string | null): Contact_Serialize | null {
  const text = number ? number.replace(/\D/g, "") : null;
  const filter = useMemo(() => filterFor(text), [text]);
  const [page] = useMirrorPages(filter, FIRST_PAGE);
  if (!number) return null;
  return page?.data?.rows.find((c) => c.phone === number) ?? null;
}
