import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { MessageRecord_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Select } from "../../components/Select.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useLines } from "../../hooks/useLines.ts";
import { useMarkRead } from "../../hooks/useMarkRead.ts";
import { useMessagePages, type MessageFilter } from "../../hooks/useMessagePages.ts";
import { useSendReaction } from "../../hooks/useSendReaction.ts";
import { useTypingContacts } from "../../hooks/useTypingContacts.ts";
import { toAppError } from "../../ipc.ts";
import { useContactName } from "./ContactName.tsx";
import { MediaPreview } from "./MediaPreview.tsx";
import { ReplyBox } from "./ReplyBox.tsx";
import { TAPBACKS, TapbackMenu, type TapbackType } from "./TapbackMenu.tsx";
import { deliveryProblem } from "../compose/errors.ts";
import { clockTime, dayKey, dayLabel, formatTime, previewText, statusWords } from "./words.ts";

/** Messages fetched per page of a conversation (newest first; "Show earlier" adds a page). */
export const CONVERSATION_PAGE = 100;
/** How long a contact's "typing…" shows without news (typing events may never say "stopped"). */
const TYPING_SHOWN_MS = 60_000;
/** How near the bottom (px) still counts as "at the bottom" for following new messages. */
const BOTTOM_SLACK = 48;

function time(m: MessageRecord_Serialize): number {
  const t = new Date(m.date_sent).getTime();
  return Number.isNaN(t) ? 0 : t;
}

/** Whether the contact is typing now, from the activity events (expires on its own). */
function useContactTyping(number: string): boolean {
  const since = useTypingContacts()[number];
  const [expired, setExpired] = useState<number | null>(null);
  useEffect(() => {
    if (since === undefined) return;
    const left = Math.max(0, since + TYPING_SHOWN_MS - Date.now());
    const timer = window.setTimeout(() => setExpired(since), left);
    return () => window.clearTimeout(timer);
  }, [since]);
  return since !== undefined && expired !== since;
}

/** One contact's messages as chat bubbles, live: replies appear, typing shows, and you can answer. */
export function ConversationView({ number }: { number: string }) {
  const [pageCount, setPageCount] = useState(1);
  const filter: MessageFilter = useMemo(() => ({ number }), [number]);
  const pageIndexes = useMemo(() => Array.from({ length: pageCount }, (_, i) => i), [pageCount]);
  const pages = useMessagePages(filter, pageIndexes, CONVERSATION_PAGE);
  const first = pages[0];
  const name = useContactName(number);
  const who = name ?? number;
  const typing = useContactTyping(number);
  const lines = useLines();
  const reaction = useSendReaction();
  const markRead = useMarkRead();
  const toast = useToast();

  // Oldest first, each once; group chats have their own place.
  const messages = useMemo(() => {
    const seen = new Set<string>();
    const rows: MessageRecord_Serialize[] = [];
    for (const page of pages) {
      for (const m of page.data?.data ?? []) {
        if (seen.has(m.message_handle) || (m.group_id ?? "") !== "") continue;
        seen.add(m.message_handle);
        rows.push(m);
      }
    }
    return rows.map((m, i) => ({ m, i })).sort((a, b) => time(a.m) - time(b.m) || b.i - a.i).map(({ m }) => m);
  }, [pages]);
  const total = first?.data?.pagination?.total ?? 0;
  const hasEarlier = pages[pages.length - 1]?.data?.pagination?.hasMore === true;

  // The reply goes from the line of the latest message unless the person picks another.
  const latestLine = [...messages].reverse().find((m) => m.sendblue_number)?.sendblue_number ?? null;
  const [pickedLine, setPickedLine] = useState<string | null>(null);
  const line = pickedLine ?? latestLine ?? lines.data?.[0] ?? null;
  const lineOptions = [...new Set([...(lines.data ?? []), ...(latestLine ? [latestLine] : [])])];

  // Follow new messages while the person is at the bottom; announce new ones from the contact.
  const scrollRef = useRef<HTMLDivElement>(null);
  const atBottom = useRef(true);
  const known = useRef<Set<string> | null>(null);
  const [announcement, setAnnouncement] = useState("");
  const [unseenBelow, setUnseenBelow] = useState(false);
  const newest = messages[messages.length - 1]?.message_handle;

  useLayoutEffect(() => {
    const box = scrollRef.current;
    if (!box || !newest) return;
    if (atBottom.current) box.scrollTop = box.scrollHeight;
    else setUnseenBelow(true);
  }, [newest]);

  // Images and late layout grow the list after the jump to the bottom: keep following it.
  const contentRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const content = contentRef.current;
    if (!content || typeof ResizeObserver === "undefined") return;
    const observer = new ResizeObserver(() => {
      const box = scrollRef.current;
      if (box && atBottom.current) box.scrollTop = box.scrollHeight;
    });
    observer.observe(content);
    return () => observer.disconnect();
  }, []);

  useEffect(() => {
    if (first?.data === undefined) return;
    if (known.current === null) {
      known.current = new Set(messages.map((m) => m.message_handle));
      return;
    }
    const fresh = messages.filter((m) => !known.current!.has(m.message_handle));
    for (const m of fresh) known.current.add(m.message_handle);
    const incoming = fresh.filter((m) => !m.is_outbound);
    if (incoming.length > 0) {
      const last = incoming[incoming.length - 1]!;
      setAnnouncement(`New message from ${who}: ${previewText(last.content, last.media_url) || "no text"}`);
    }
  }, [messages, first?.data, who]);

  function onScroll() {
    const box = scrollRef.current;
    if (!box) return;
    atBottom.current = box.scrollHeight - box.scrollTop - box.clientHeight <= BOTTOM_SLACK;
    if (atBottom.current) setUnseenBelow(false);
  }

  function jumpToNewest() {
    const box = scrollRef.current;
    if (box) box.scrollTop = box.scrollHeight;
    atBottom.current = true;
    setUnseenBelow(false);
  }

  async function onReact(m: MessageRecord_Serialize, type: TapbackType) {
    const from = m.sendblue_number || line;
    if (!from) return;
    const label = TAPBACKS.find((t) => t.type === type)?.label ?? type;
    try {
      await reaction.mutateAsync({ from_number: from, message_handle: m.message_handle, reaction: type });
      toast.show({ tone: "success", title: `Reaction sent: ${label}` });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't send the reaction", body: toAppError(error).message });
    }
  }

  async function onMarkRead() {
    if (!line) return;
    try {
      await markRead.mutateAsync({ number, from_number: line });
      toast.show({ tone: "success", title: "Marked as read", body: `${who} will see that you read their messages.` });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't mark as read", body: toAppError(error).message });
    }
  }

  const lastOutbound = [...messages].reverse().find((m) => m.is_outbound)?.message_handle;

  return (
    <section className="conversation" aria-labelledby="conversation-title" data-testid="conversation" data-number={number}>
      <header className="conversation__header">
        <div>
          <h2 id="conversation-title" className="conversation__title">
            {who}
          </h2>
          {name && <p className="muted mono conversation__number">{number}</p>}
        </div>
        <div className="conversation__actions">
          {lineOptions.length > 1 && (
            <Select
              label="Your line"
              value={line ?? ""}
              onChange={(e) => setPickedLine(e.target.value)}
              options={lineOptions.map((l) => ({ value: l, label: l }))}
              testId="conversation-line"
            />
          )}
          <Button size="sm" onClick={() => void onMarkRead()} busy={markRead.isPending} disabled={!line} data-testid="conversation-mark-read">
            Mark as read
          </Button>
        </div>
      </header>

      <div className="conversation__scroll" ref={scrollRef} onScroll={onScroll} tabIndex={0} aria-label={`Messages with ${who}`}>
        <div ref={contentRef}>
          {first?.error && !first.data ? (
            <ErrorNotice error={first.error.appError} onRetry={() => void first.refetch()} testId="conversation-error" />
          ) : first?.isPending ? (
            <div className="conversation__loading" aria-busy="true" data-testid="conversation-loading">
              {Array.from({ length: 5 }, (_, i) => (
                <Skeleton key={i} width={i % 2 ? "45%" : "60%"} height="2.25rem" className={i % 2 ? "skeleton--right" : undefined} />
              ))}
            </div>
          ) : messages.length === 0 ? (
            <EmptyState testId="conversation-empty" title="No messages yet">
              Write the first one below.
            </EmptyState>
          ) : (
            <>
              {hasEarlier && (
                <div className="conversation__earlier">
                  <Button size="sm" variant="ghost" onClick={() => setPageCount((n) => n + 1)} data-testid="conversation-earlier">
                    Show earlier messages ({(total - messages.length).toLocaleString()} more)
                  </Button>
                </div>
              )}
              <ol className="conversation__list">
                {messages.map((m, i) => {
                  const day = dayKey(m.date_sent);
                  const newDay = i === 0 || dayKey(messages[i - 1]!.date_sent) !== day;
                  const text = previewText(m.content, m.media_url);
                  const status = statusWords(m.status);
                  const failed = m.status === "ERROR" || m.status === "DECLINED";
                  return (
                    <li key={m.message_handle} className="conversation__item">
                      {newDay && (
                        <h3 className="conversation__day" data-testid="conversation-day">
                          {dayLabel(m.date_sent)}
                        </h3>
                      )}
                      <div
                        className={`bubble bubble--${m.is_outbound ? "out" : "in"}${m.service === "SMS" ? " bubble--sms" : ""}${failed ? " bubble--failed" : ""}`}
                        data-testid="conversation-bubble"
                        data-direction={m.is_outbound ? "out" : "in"}
                        data-handle={m.message_handle}
                      >
                        <span className="visually-hidden">{m.is_outbound ? "You" : who}: </span>
                        {m.content && <p className="bubble__text">{m.content}</p>}
                        <MediaPreview url={m.media_url} testId="conversation-media" />
                        <div className="bubble__meta">
                          <time dateTime={m.date_sent} title={formatTime(m.date_sent)}>
                            {clockTime(m.date_sent)}
                          </time>
                          {m.service === "SMS" && <span> · SMS</span>}
                          {failed && <span className="bubble__failed"> · {status.label}</span>}
                          {m.service !== "SMS" && (
                            <TapbackMenu about={text || "this message"} busy={reaction.isPending} onPick={(type) => void onReact(m, type)} />
                          )}
                        </div>
                      </div>
                      {m.message_handle === lastOutbound && !failed && (
                        <p className="conversation__status" data-testid="conversation-status" title={status.help}>
                          {status.label}
                        </p>
                      )}
                      {failed && (
                        <p className="conversation__error">
                          {deliveryProblem(m.status ?? "ERROR", m.error_code ?? null, m.error_message ?? null, m.opted_out ?? null)}
                        </p>
                      )}
                    </li>
                  );
                })}
              </ol>
            </>
          )}
          {typing && (
            <p className="conversation__typing" data-testid="conversation-typing">
              <span className="typing-dots" aria-hidden="true">
                <span />
                <span />
                <span />
              </span>
              {who} is typing…
            </p>
          )}
        </div>
      </div>
      {unseenBelow && (
        <Button size="sm" className="conversation__jump" onClick={jumpToNewest} data-testid="conversation-jump">
          New messages below
        </Button>
      )}
      <div className="visually-hidden" aria-live="polite" data-testid="conversation-announcer">
        {announcement}
        {typing ? ` ${who} is typing.` : ""}
      </div>
      <ReplyBox key={number} number={number} line={line} to={who} />
    </section>
  );
}
