import { useMemo, useState, type FormEvent } from "react";
import type { MessageRecord_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useMessagePages } from "../../hooks/useMessagePages.ts";
import { hrefFor, navigate } from "../../router.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import { useContactName } from "./ContactName.tsx";
import { HISTORY_PATH, clockTime, conversationPath, dayKey, formatTime, previewText } from "./words.ts";

/** How many recent messages the list of conversations is built from. */
export const RECENT_MESSAGES = 200;
const FIRST_PAGE = [0] as const;
const NO_FILTER = {};

function ConversationLink({ latest, current }: { latest: MessageRecord_Serialize; current: boolean }) {
  const name = useContactName(latest.number);
  const today = dayKey(latest.date_sent) === dayKey(new Date().toISOString());
  const text = previewText(latest.content, latest.media_url);
  return (
    <li>
      <a
        className={`conv-link${current ? " conv-link--current" : ""}`}
        href={hrefFor(conversationPath(latest.number))}
        aria-current={current ? "page" : undefined}
        data-testid="conversation-link"
        data-number={latest.number}
      >
        <span className="conv-link__who">{name ?? <span className="mono">{latest.number}</span>}</span>
        <time className="conv-link__time muted" dateTime={latest.date_sent} title={formatTime(latest.date_sent)}>
          {today ? clockTime(latest.date_sent) : new Date(latest.date_sent).toLocaleDateString()}
        </time>
        <span className="conv-link__preview muted">
          {latest.is_outbound ? "You: " : ""}
          {text || "No text"}
        </span>
      </a>
    </li>
  );
}

/** The contacts with recent messages, newest first, and a way to open anyone's conversation. */
export function ConversationList({ current }: { current: string | null }) {
  const [page] = useMessagePages(NO_FILTER, FIRST_PAGE, RECENT_MESSAGES);
  const [typed, setTyped] = useState("");
  const [error, setError] = useState<string | null>(null);

  const latestByContact = useMemo(() => {
    const seen = new Map<string, MessageRecord_Serialize>();
    for (const m of page?.data?.data ?? []) {
      if (!m.number || (m.group_id ?? "") !== "" || seen.has(m.number)) continue;
      seen.set(m.number, m);
    }
    return [...seen.values()];
  }, [page?.data]);

  const phone = usePhoneRules();

  function onOpen(event: FormEvent) {
    event.preventDefault();
    const number = phone.toE164(typed);
    if (!number) {
      setError(phone.error(typed) ?? "Enter a phone number.");
      return;
    }
    setError(null);
    setTyped("");
    navigate(conversationPath(number));
  }

  return (
    <nav className="conv-list" aria-label="Conversations" data-testid="conversation-list">
      <form className="conv-list__open" onSubmit={onOpen} noValidate>
        <Input
          label="Open a conversation with"
          type="tel"
          placeholder="(415) 555-0123"
          value={typed}
          onChange={(e) => {
            setTyped(e.target.value);
            setError(null);
          }}
          error={error}
          testId="conversation-open-number"
        />
        <Button type="submit" size="sm" data-testid="conversation-open">
          Open
        </Button>
      </form>
      <h2 className="conv-list__title">Recent</h2>
      <p className="muted conv-list__note" data-testid="conversation-list-groups-note">
        Group messages aren't listed here: find them under <a href={hrefFor(HISTORY_PATH)}>History</a>.
      </p>
      {page?.error ? (
        <ErrorNotice error={page.error.appError} onRetry={() => void page.refetch()} testId="conversation-list-error" />
      ) : page?.isPending ? (
        <div aria-busy="true">
          {Array.from({ length: 5 }, (_, i) => (
            <Skeleton key={i} width="100%" height="3rem" />
          ))}
        </div>
      ) : latestByContact.length === 0 ? (
        <EmptyState title="No conversations yet" testId="conversation-list-empty">
          Messages you send and receive will show here.
        </EmptyState>
      ) : (
        <ul className="conv-list__items">
          {latestByContact.map((m) => (
            <ConversationLink key={m.number} latest={m} current={m.number === current} />
          ))}
        </ul>
      )}
    </nav>
  );
}
