import { hrefFor, usePath } from "../../router.ts";
import { ConversationList } from "./ConversationList.tsx";
import { ConversationView } from "./ConversationView.tsx";
import { HistoryView } from "./HistoryView.tsx";
import { CONVERSATIONS_PATH, HISTORY_PATH, queryOf } from "./words.ts";

/**
 * Messages: the whole history with filters (`#/messages`), and conversations per contact
 * (`#/messages?view=conversations`, one contact at `#/messages?number=+1…`).
 */
export function MessagesPage() {
  const query = queryOf(usePath());
  const number = query.number?.trim() || null;
  const conversations = number !== null || query.view === "conversations";

  return (
    <div className="page page--wide messages-page" data-testid="messages-page">
      <header className="page__header">
        <h1>Messages</h1>
        <nav className="messages-tabs" aria-label="Messages views">
          <a className="messages-tabs__tab" href={hrefFor(CONVERSATIONS_PATH)} aria-current={conversations ? "page" : undefined} data-testid="messages-tab-conversations">
            Conversations
          </a>
          <a className="messages-tabs__tab" href={hrefFor(HISTORY_PATH)} aria-current={conversations ? undefined : "page"} data-testid="messages-tab-history">
            History
          </a>
        </nav>
      </header>
      {conversations ? (
        <div className="messages-chat">
          <ConversationList current={number} />
          {number ? (
            <ConversationView key={number} number={number} />
          ) : (
            <div className="messages-chat__none">
              <p className="empty-state__title">Choose a conversation</p>
              <p className="muted">Pick someone on the left, or type a number to open their conversation.</p>
            </div>
          )}
        </div>
      ) : (
        <HistoryView />
      )}
    </div>
  );
}
