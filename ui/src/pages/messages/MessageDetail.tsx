import { useEffect, useRef, useState, type ReactNode } from "react";
import type { MessageRecord_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useDeleteMessage } from "../../hooks/useDeleteMessage.ts";
import { useMessage } from "../../hooks/useMessage.ts";
import { toAppError } from "../../ipc.ts";
import { hrefFor } from "../../router.ts";
import { ContactLabel } from "./ContactName.tsx";
import { MediaPreview } from "./MediaPreview.tsx";
import { PlainValue, humanizeKey } from "../../components/DataList.tsx";
import { deliveryProblem } from "../compose/errors.ts";
import { conversationPath, formatTime, statusWords } from "./words.ts";

export const DELETE_EXPLANATION =
  "This removes the record from Sendblue's history. It does not unsend the message or remove it from the person's phone.";

type Value = unknown;

interface FieldView {
  label: string;
  show?: (value: Value, message: MessageRecord_Serialize) => ReactNode;
}

const yesNo = (v: Value) => (v === true ? "Yes" : v === false ? "No" : null);
const when = (v: Value) => (typeof v === "string" && v ? <time dateTime={v} title={v}>{formatTime(v)}</time> : null);
const KIND: Record<string, string> = { message: "One-to-one message", group: "Group message", location: "Shared location", carousel: "Image carousel" };

/** Every documented field of a stored message (§3.2), in reading order, with plain labels. */
const FIELDS: Array<[keyof MessageRecord_Serialize & string, FieldView]> = [
  ["content", { label: "Text" }],
  ["status", { label: "Status", show: (v) => { const w = statusWords(v as string); return <><Badge tone={w.tone}>{w.label}</Badge> <span className="muted">{w.help}</span></>; } }],
  ["is_outbound", { label: "Direction", show: (v) => (v ? "Sent from the console or the account" : "Received from the person") }],
  ["number", { label: "Contact", show: (v) => (typeof v === "string" && v ? <ContactLabel number={v} /> : null) }],
  ["from_number", { label: "From" }],
  ["to_number", { label: "To" }],
  ["sendblue_number", { label: "Your line" }],
  ["date_sent", { label: "Sent or created", show: when }],
  ["date_updated", { label: "Last updated", show: when }],
  ["service", { label: "Sent as", show: (v) => (v === "SMS" ? "SMS (green bubble)" : v === "iMessage" ? "iMessage (blue bubble)" : (v as string | null)) }],
  ["was_downgraded", { label: "Switched to SMS because iMessage wasn't available", show: yesNo }],
  ["media_url", { label: "Attachment" }],
  ["message_type", { label: "Kind", show: (v) => (typeof v === "string" ? KIND[v] ?? v : null) }],
  ["send_style", { label: "Effect" }],
  [
    "error_code",
    {
      label: "What went wrong",
      show: (v, m) =>
        v === null || v === undefined ? null : (
          <>
            {deliveryProblem("ERROR", typeof v === "number" ? v : null, m.error_message ?? null, m.opted_out ?? null)}{" "}
            <span className="muted">(Sendblue's code {String(v)}, for their support)</span>
          </>
        ),
    },
  ],
  ["error_message", { label: "Error" }],
  ["error_reason", { label: "Error reason" }],
  ["error_detail", { label: "Error detail" }],
  ["opted_out", { label: "The person opted out", show: yesNo }],
  ["group_id", { label: "Group ID" }],
  ["group_display_name", { label: "Group name" }],
  ["participants", { label: "People in the chat", show: (v) => (Array.isArray(v) && v.length ? v.join(", ") : null) }],
  ["reply_to", { label: "In reply to" }],
  ["thread_originator", { label: "Thread started by" }],
  ["location", { label: "Location" }],
  ["seat_id", { label: "Seat" }],
  ["sender_email", { label: "Sent by (seat email)" }],
  ["accountEmail", { label: "Account" }],
  ["plan", { label: "Plan" }],
  ["message_handle", { label: "Message ID" }],
];
const KNOWN = new Set<string>(FIELDS.map(([key]) => key));
// Spellings of known fields the API also uses; never repeated under "More details".
for (const alias of ["account_email", "date_created"]) KNOWN.add(alias);

/** Any value as inert text: strings as they are, objects as labelled lists (never raw JSON). */
function plain(value: Value): ReactNode {
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  return <PlainValue value={value} />;
}

const humanize = humanizeKey;

export interface MessageDetailProps {
  handle: string;
  /** The row as the list had it, shown until the full message arrives. */
  initial?: MessageRecord_Serialize;
  onClose: () => void;
}

/** A message with every field, its media, and Delete (with a plain warning of what it does). */
export function MessageDetail({ handle, initial, onClose }: MessageDetailProps) {
  const query = useMessage(handle);
  const remove = useDeleteMessage();
  const toast = useToast();
  const [confirming, setConfirming] = useState(false);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const message = query.data ?? initial;

  // The panel is announced and reachable at once: focus moves to its heading when it opens.
  useEffect(() => headingRef.current?.focus(), [handle]);

  async function onDelete() {
    try {
      await remove.mutateAsync(handle);
      toast.show({ tone: "success", title: "Message record deleted", body: "It no longer appears in the history." });
      setConfirming(false);
      onClose();
    } catch (error) {
      setConfirming(false);
      toast.show({ tone: "error", title: "Couldn't delete the message record", body: toAppError(error).message });
    }
  }

  const extras = message ? Object.entries(message).filter(([key]) => !KNOWN.has(key)) : [];

  return (
    <aside
      className="msg-detail"
      aria-labelledby="msg-detail-title"
      data-testid="message-detail"
      onKeyDown={(e) => {
        if (e.key === "Escape" && !confirming) onClose();
      }}
    >
      <header className="msg-detail__header">
        <h2 id="msg-detail-title" ref={headingRef} tabIndex={-1}>
          Message details
        </h2>
        <Button size="sm" variant="ghost" onClick={onClose} aria-label="Close message details" data-testid="message-detail-close">
          Close
        </Button>
      </header>

      {query.error && !message ? (
        <ErrorNotice error={query.error.appError} onRetry={() => void query.refetch()} testId="message-detail-error" />
      ) : !message ? (
        <div aria-busy="true">
          {Array.from({ length: 8 }, (_, i) => (
            <Skeleton key={i} width="100%" height="1.25rem" />
          ))}
        </div>
      ) : (
        <>
          {query.error && <ErrorNotice error={query.error.appError} onRetry={() => void query.refetch()} testId="message-detail-error" />}
          <MediaPreview url={message.media_url} testId="message-detail-media" />
          <dl className="msg-detail__fields">
            {FIELDS.map(([key, view]) => {
              const value = (message as Record<string, Value>)[key];
              const shown = view.show ? view.show(value, message) : undefined;
              return (
                <div className="msg-detail__field" key={key} data-field={key}>
                  <dt>{view.label}</dt>
                  <dd>{shown === undefined || shown === null ? plain(value) : shown}</dd>
                </div>
              );
            })}
          </dl>
          {extras.length > 0 && (
            <details className="msg-detail__more" data-testid="message-detail-more">
              <summary>More details</summary>
              <dl className="msg-detail__fields">
                {extras.map(([key, value]) => (
                  <div className="msg-detail__field" key={key} data-field={key}>
                    <dt>{humanize(key)}</dt>
                    <dd>{plain(value)}</dd>
                  </div>
                ))}
              </dl>
            </details>
          )}
          <div className="msg-detail__actions">
            {message.number && (
              <a className="btn btn--secondary btn--sm" href={hrefFor(conversationPath(message.number))} data-testid="message-detail-conversation">
                Open conversation
              </a>
            )}
            <Button size="sm" variant="danger" onClick={() => setConfirming(true)} data-testid="message-delete">
              Delete record…
            </Button>
          </div>
        </>
      )}

      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void onDelete()}
        title="Delete this message record?"
        description={DELETE_EXPLANATION}
        testId="message-delete-dialog"
        confirmLabel="Delete record"
        busy={remove.isPending}
        confirmTestId="message-delete-confirm"
      />
    </aside>
  );
}
