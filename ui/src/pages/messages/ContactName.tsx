import { useMemo } from "react";
import { useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";

const FIRST_PAGE = [0] as const;

/** The contact's name from the local mirror, or `null` when the number isn't a named contact. */
export function useContactName(number: string | null | undefined): string | null {
  const digits = (number ?? "").replace(/\D/g, "");
  const filter: ContactFilter = useMemo(
    () => ({ text: digits || null, tag: null, opted_out: null, verified: null, sendblue_number: null, sort: "phone", direction: "asc" }),
    [digits],
  );
  const [page] = useMirrorPages(filter, FIRST_PAGE);
  if (!number || !digits) return null;
  const found = page?.data?.rows.find((c) => c.phone === number);
  if (!found) return null;
  const name = [found.first_name, found.last_name].filter(Boolean).join(" ").trim();
  return name || found.company_name || null;
}

/** "Ada Lovelace" over the number when the mirror knows them; the number alone otherwise. */
export function ContactLabel({ number, compact = false }: { number: string; compact?: boolean }) {
  const name = useContactName(number);
  if (!name) return <span className="mono">{number || "Unknown number"}</span>;
  return (
    <span className={compact ? "msg-contact msg-contact--compact" : "msg-contact"}>
      <span className="msg-contact__name">{name}</span> <span className="msg-contact__number mono">{number}</span>
    </span>
  );
}
