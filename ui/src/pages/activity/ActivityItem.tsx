import type { Activity_Serialize } from "../../bindings.gen.ts";
import type { FeedItem } from "../../events.ts";
import { useMessage } from "../../hooks/useMessage.ts";
import { hrefFor } from "../../router.ts";
import { kindOf, numberOf, occurredAt, relativeTime, sentence, type ActivityKind } from "./describe.ts";
import { useContactName } from "./useFeed.ts";
import { conversationPath } from "../messages/words.ts";

const ICONS: Record<ActivityKind, { glyph: string; label: string }> = {
  in: { glyph: "↙", label: "Message in" },
  out: { glyph: "↗", label: "Message out" },
  contacts: { glyph: "👤", label: "Contact" },
  typing: { glyph: "…", label: "Typing" },
  lines: { glyph: "☎", label: "Line" },
  other: { glyph: "•", label: "Other" },
};

/** One item of the feed: what happened in a sentence, when, and links to the people involved. */
export function ActivityItem({ item, now }: { item: FeedItem; now: number }) {
  const activity = useWithText(item.activity);
  const kind = kindOf(activity) ?? "other";
  const number = numberOf(activity);
  const name = useContactName(number);
  const at = occurredAt(activity);
  const parsed = at ? Date.parse(at) : Number.NaN;
  const when = Number.isNaN(parsed) ? item.receivedAt : parsed;
  const icon = ICONS[kind];
  const isContact = activity.kind === "contact_created" || name !== null;
  return (
    <li className={`activity-item activity-item--${kind}`} data-testid="activity-item" data-kind={kind}>
      <span className="activity-item__icon" aria-hidden="true">
        {icon.glyph}
      </span>
      <div className="activity-item__main">
        <p className="activity-item__text">
          <span className="visually-hidden">{icon.label}: </span>
          {sentence(activity, name)}
        </p>
        <p className="activity-item__meta">
          <time dateTime={new Date(when).toISOString()} title={new Date(when).toLocaleString()}>
            {relativeTime(when, now)}
          </time>
          {number && (
            <>
              <a href={hrefFor(conversationPath(number))} data-testid="activity-item-conversation">
                Open conversation
              </a>
              {isContact && (
                <a href={hrefFor(`/contacts?number=${encodeURIComponent(number)}`)} data-testid="activity-item-contact">
                  View contact
                </a>
              )}
            </>
          )}
        </p>
      </div>
    </li>
  );
}

/**
 * Live events carry no message text: an inbound message's text is read from the message
 * itself (`messages_get`), so the feed can say what was sent.
 */
function useWithText(activity: Activity_Serialize): Activity_Serialize {
  const missing =
    activity.kind === "message_received" && activity.data.content == null && activity.data.message_handle !== ""
      ? activity.data.message_handle
      : null;
  const message = useMessage(missing);
  const content = message.data?.content;
  if (activity.kind !== "message_received" || missing === null || !content) return activity;
  return { ...activity, data: { ...activity.data, content } };
}
