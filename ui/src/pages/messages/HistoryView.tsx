import { useCallback, useId, useMemo, useRef, useState } from "react";
import type { MessageRecord_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useLines } from "../../hooks/useLines.ts";
import { useMessagePages, type MessageFilter } from "../../hooks/useMessagePages.ts";
import { useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import { MessageDetail } from "./MessageDetail.tsx";
import { MessagesTable } from "./MessagesTable.tsx";
import { FILTER_STATUSES, statusWords } from "./words.ts";
import { useDebounced } from "../../hooks/useDebounced.ts";
import { contactName } from "../../format/contact.ts";

/** Rows per history page (the API allows up to 1000; 100 is its default). */
export const HISTORY_PAGE = 100;
const TYPING_PAUSE_MS = 300;
const FIRST_PAGE = [0] as const;

type Direction = "" | "in" | "out";

/** The start of a local day (`2025-03-01`) as an ISO instant, or the end of it. */
function dayBound(day: string, end: boolean): string | null {
  if (!day) return null;
  const when = new Date(`${day}T${end ? "23:59:59.999" : "00:00:00"}`);
  return Number.isNaN(when.getTime()) ? null : when.toISOString();
}

/** Contacts from the mirror whose name, number or company start with the typed words. */
function useContactSuggestions(text: string) {
  const words = text.trim();
  const looksLikeNumber = /^[+\d\s().-]*$/.test(words);
  const filter: ContactFilter = useMemo(
    () => ({ text: words, tag: null, opted_out: null, verified: null, sendblue_number: null, sort: "name", direction: "asc" }),
    [words],
  );
  const [page] = useMirrorPages(filter, FIRST_PAGE);
  // One letter is too little to search by; a number is used as it is.
  if (words.length < 2 || looksLikeNumber) return { rows: [], settled: !(words.length < 2 && !looksLikeNumber) };
  // Rows of an earlier text may stand in while these load: not settled until this text's answer.
  return { rows: (page?.data?.rows ?? []).slice(0, 20), settled: page !== undefined && !page.isPlaceholderData && !page.isFetching };
}

/** Every message of the account, newest first, with filters and a side panel for one message. */
export function HistoryView() {
  const [numberText, setNumberText] = useState("");
  const [line, setLine] = useState("");
  const [direction, setDirection] = useState<Direction>("");
  const [status, setStatus] = useState("");
  const [from, setFrom] = useState("");
  const [to, setTo] = useState("");
  const [range, setRange] = useState<[number, number]>([0, 0]);
  const [open, setOpen] = useState<MessageRecord_Serialize | null>(null);
  const suggestionsId = useId();
  // Closing the panel puts focus back where it was opened from.
  const opener = useRef<HTMLElement | null>(null);
  const onOpen = useCallback((m: MessageRecord_Serialize) => {
    opener.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
    setOpen(m);
  }, []);
  const onClose = useCallback(() => {
    setOpen(null);
    const back = opener.current;
    window.setTimeout(() => {
      if (back?.isConnected) back.focus();
    }, 0);
  }, []);

  const typedNumber = useDebounced(numberText, TYPING_PAUSE_MS);
  const { rows: suggestions, settled } = useContactSuggestions(typedNumber);
  const phone = usePhoneRules();
  const number = typedNumber.trim() ? phone.toE164(typedNumber) : null;
  const numberError =
    typedNumber.trim() && !number && settled
      ? suggestions.length > 0
        ? "Pick a contact from the suggestions, or type a whole phone number."
        : `No contact matches. Type a whole phone number (${phone.hint.replace(/\.$/, "")}).`
      : null;
  const rangeError = from && to && from > to ? "The end date is before the start date." : null;

  const lines = useLines();

  const filter: MessageFilter = useMemo(() => {
    const f: MessageFilter = {};
    if (number) f.number = number;
    if (line) f.sendblue_number = line;
    if (direction) f.is_outbound = direction === "out";
    if (status) f.status = status;
    if (!rangeError) {
      const gte = dayBound(from, false);
      const lte = dayBound(to, true);
      if (gte) f.created_at_gte = gte;
      if (lte) f.created_at_lte = lte;
    }
    return f;
  }, [number, line, direction, status, from, to, rangeError]);
  const filtered = Object.keys(filter).length > 0;

  // A new filter starts at the top.
  const filterKey = JSON.stringify(filter);
  const [rangeFilter, setRangeFilter] = useState(filterKey);
  if (rangeFilter !== filterKey) {
    setRangeFilter(filterKey);
    setRange([0, 0]);
  }

  const pageIndexes = useMemo(() => {
    const pages = new Set([0]);
    for (let p = Math.floor(range[0] / HISTORY_PAGE); p <= Math.floor(range[1] / HISTORY_PAGE); p++) pages.add(p);
    return [...pages];
  }, [range]);
  const pages = useMessagePages(filter, pageIndexes, HISTORY_PAGE);
  const firstPage = pages[0];
  const total = firstPage?.data?.pagination?.total ?? firstPage?.data?.data.length ?? 0;
  const rowAt = useCallback(
    (index: number) => {
      const slot = pageIndexes.indexOf(Math.floor(index / HISTORY_PAGE));
      const page = slot >= 0 ? pages[slot]?.data : undefined;
      if (!page) return undefined;
      const offset = page.pagination?.offset ?? pageIndexes[slot]! * HISTORY_PAGE;
      return page.data[index - offset];
    },
    [pages, pageIndexes],
  );
  const onRangeChange = useCallback((start: number, end: number) => {
    setRange((old) => (old[0] === start && old[1] === end ? old : [start, end]));
  }, []);

  function clearFilters() {
    setNumberText("");
    setLine("");
    setDirection("");
    setStatus("");
    setFrom("");
    setTo("");
  }

  const lineOptions = [...(lines.data ?? [])];
  if (line && !lineOptions.includes(line)) lineOptions.push(line);

  return (
    <div className={open ? "msg-history msg-history--with-detail" : "msg-history"}>
      <div className="msg-history__main">
        <div className="msg-filters" role="search" aria-label="Filter messages">
          <Input
            label="Number or contact"
            type="search"
            placeholder="Name or (415) 555-0123"
            value={numberText}
            onChange={(e) => setNumberText(e.target.value)}
            list={suggestionsId}
            autoComplete="off"
            testId="messages-filter-number"
            error={numberError}
          />
          <datalist id={suggestionsId}>
            {suggestions.map((c) => (
              <option key={c.phone} value={c.phone}>
                {contactName(c) ?? c.phone}
              </option>
            ))}
          </datalist>
          <Select
            label="Line"
            value={line}
            onChange={(e) => setLine(e.target.value)}
            testId="messages-filter-line"
            options={[{ value: "", label: "Any line" }, ...lineOptions.map((l) => ({ value: l, label: l }))]}
          />
          <Select
            label="Direction"
            value={direction}
            onChange={(e) => setDirection(e.target.value as Direction)}
            testId="messages-filter-direction"
            options={[
              { value: "", label: "Both" },
              { value: "in", label: "Received (in)" },
              { value: "out", label: "Sent (out)" },
            ]}
          />
          <Select
            label="Status"
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            testId="messages-filter-status"
            options={[{ value: "", label: "Any status" }, ...FILTER_STATUSES.map((s) => ({ value: s, label: statusWords(s).label }))]}
          />
          <Input label="From date" type="date" value={from} onChange={(e) => setFrom(e.target.value)} testId="messages-filter-from" />
          <Input label="To date" type="date" value={to} onChange={(e) => setTo(e.target.value)} testId="messages-filter-to" error={rangeError} />
        </div>

        <div className="msg-history__summary">
          <span className="muted" data-testid="messages-total" aria-live="polite">
            {firstPage?.data ? `${total.toLocaleString()} ${total === 1 ? "message" : "messages"}` : ""}
          </span>
          {(filtered || numberText) && (
            <Button size="sm" variant="ghost" onClick={clearFilters} data-testid="messages-clear-filters">
              Clear filters
            </Button>
          )}
        </div>

        {firstPage?.error ? (
          <ErrorNotice error={firstPage.error.appError} onRetry={() => void firstPage.refetch()} testId="messages-error" />
        ) : firstPage?.isPending ? (
          <div data-testid="messages-loading" aria-busy="true">
            {Array.from({ length: 6 }, (_, i) => (
              <Skeleton key={i} width="100%" height="2rem" />
            ))}
          </div>
        ) : total === 0 ? (
          <EmptyState testId="messages-empty" title={filtered ? "No messages match" : "No messages yet"}>
            {filtered ? "Try other filters, or clear them." : "Messages you send and receive will show here."}
          </EmptyState>
        ) : (
          <MessagesTable total={total} rowAt={rowAt} onRangeChange={onRangeChange} selected={open?.message_handle ?? null} onOpen={onOpen} />
        )}
      </div>
      {open && <MessageDetail key={open.message_handle} handle={open.message_handle} initial={open} onClose={onClose} />}
    </div>
  );
}
