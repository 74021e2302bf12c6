import { Badge } from "../../components/Badge.tsx";
import { Card } from "../../components/Card.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useMessagePages } from "../../hooks/useMessagePages.ts";
import { hrefFor } from "../../router.ts";
import { ContactLabel } from "../messages/ContactName.tsx";
import { conversationPath, directionWords, previewText, shortTime, statusWords } from "../messages/words.ts";

// The API lists newest first by default.
const NEWEST = {};
const FIRST_PAGE = [0] as const;
export const RECENT_COUNT = 5;

/** The account's latest messages, each opening its conversation. */
export function RecentMessagesCard() {
  const [page] = useMessagePages(NEWEST, FIRST_PAGE, RECENT_COUNT);
  const messages = page?.data?.data.slice(0, RECENT_COUNT);
  return (
    <Card title="Recent messages" className="recent-card">
      {messages ? (
        messages.length === 0 ? (
          <EmptyState title="No messages yet">Messages you send or receive appear here.</EmptyState>
        ) : (
          <ul className="recent-list" data-testid="overview-messages">
            {messages.map((m) => {
              const status = statusWords(m.status);
              return (
                <li key={m.message_handle} className="recent-list__item" data-testid="overview-message">
                  <a className="recent-list__link" href={m.number ? hrefFor(conversationPath(m.number)) : hrefFor("/messages")}>
                    <span className="recent-list__who">
                      {m.number ? <ContactLabel number={m.number} compact /> : "Group"}
                      <span className="muted"> · {directionWords(m.is_outbound)}</span>
                    </span>
                    <span className="recent-list__text">{previewText(m.content, m.media_url)}</span>
                  </a>
                  <span className="recent-list__meta muted">{shortTime(m.date_sent)}</span>
                  <Badge tone={status.tone}>{status.label}</Badge>
                </li>
              );
            })}
          </ul>
        )
      ) : page?.isError ? (
        <p className="muted">Recent messages couldn't be loaded.</p>
      ) : (
        <Skeleton width="100%" height="6rem" label="Loading recent messages…" />
      )}
      <a className="btn btn--ghost btn--sm" href={hrefFor("/messages")}>
        All messages
      </a>
    </Card>
  );
}
