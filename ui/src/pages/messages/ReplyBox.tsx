import { useRef, useState, type FormEvent, type KeyboardEvent } from "react";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { Field } from "../../components/Field.tsx";
import { useSendMessage } from "../../hooks/useSendMessage.ts";
import { useLiveConfirmedSend } from "../../hooks/useLiveConfirmedSend.ts";
import { useSendTyping } from "../../hooks/useSendTyping.ts";
import { humanError } from "../compose/errors.ts";
import { MAX_CONTENT_CHARS } from "../compose/segments.ts";

/** At most one typing indicator per this many ms while the person keeps typing. */
export const TYPING_EVERY_MS = 4000;
/** The longest the phone shows our typing bubble after one indicator (the API's default is 60 s). */
const TYPING_SHOWS_MS = 15_000;

export interface ReplyBoxProps {
  /** The contact (E.164). */
  number: string;
  /** The line the reply goes from; `null` when the account has none to choose. */
  line: string | null;
  /** Says who the reply goes to, for the box's label. */
  to: string;
}

/** Types and sends a reply in the conversation; the contact sees "…" while the person types. */
export function ReplyBox({ number, line, to }: ReplyBoxProps) {
  const [text, setText] = useState("");
  const [error, setError] = useState<string | null>(null);
  const lastTyping = useRef(0);
  const send = useSendMessage();
  const typing = useSendTyping();

  function onChange(value: string) {
    setText(value);
    if (error) setError(null);
    if (!line) return;
    const now = Date.now();
    if (value.trim() === "") {
      // They cleared the box: take the bubble down if ours may still be showing.
      if (lastTyping.current && now - lastTyping.current < TYPING_SHOWS_MS) {
        typing.mutate({ number, from_number: line, state: "stop" }, { onError: () => undefined });
      }
      lastTyping.current = 0;
      return;
    }
    if (now - lastTyping.current < TYPING_EVERY_MS) return;
    lastTyping.current = now;
    // Best effort: a typing bubble that didn't show is nothing to bother the person with.
    typing.mutate({ number, from_number: line, state: "start", max_duration_ms: TYPING_SHOWS_MS }, { onError: () => undefined });
  }

  const sender = useLiveConfirmedSend<string>(
    async (content, confirmLive) => {
      if (!line) return;
      await send.mutateAsync({ message: { number, from_number: line, content }, confirmLive });
      setText("");
      lastTyping.current = 0;
    },
    (appError) => {
      const human = humanError(appError);
      setError(`${human.title}. ${human.body}`);
    },
  );

  async function onSubmit(event?: FormEvent) {
    event?.preventDefault();
    if (send.isPending) return;
    if (!line) {
      setError("This account has no line to send from.");
      return;
    }
    const content = text.trim();
    if (content === "") {
      setError("Type a message first.");
      return;
    }
    const length = Array.from(content).length;
    if (length > MAX_CONTENT_CHARS) {
      setError(`This message is too long: at most ${MAX_CONTENT_CHARS.toLocaleString()} characters.`);
      return;
    }
    await sender.start(content);
  }

  function onKeyDown(event: KeyboardEvent<HTMLTextAreaElement>) {
    // Enter sends; Shift+Enter starts a new line.
    if (event.key === "Enter" && !event.shiftKey && !event.nativeEvent.isComposing) {
      event.preventDefault();
      void onSubmit();
    }
  }

  return (
    <form className="reply-box" onSubmit={(e) => void onSubmit(e)} noValidate>
      <Field label={`Reply to ${to}`} error={error} testId="conversation-reply" hint={line ? `From your line ${line}. Enter sends, Shift+Enter adds a line.` : undefined}>
        {(control) => (
          <textarea
            className="input reply-box__text"
            rows={2}
            value={text}
            onChange={(e) => onChange(e.target.value)}
            onKeyDown={onKeyDown}
            placeholder="Type a message"
            {...control}
          />
        )}
      </Field>
      <Button type="submit" variant="primary" busy={send.isPending} data-testid="conversation-send">
        Send
      </Button>
      <Dialog
        open={sender.confirming !== null}
        onClose={sender.cancel}
        title="Send to a real phone?"
        description="This is a Live account: this message goes to a real phone. Send it?"
        testId="conversation-live-confirm"
        footer={
          <>
            <Button onClick={sender.cancel}>Cancel</Button>
            <Button variant="primary" busy={send.isPending} onClick={() => void sender.confirm()} data-testid="conversation-live-confirm-send">
              Send it
            </Button>
          </>
        }
      />
    </form>
  );
}
