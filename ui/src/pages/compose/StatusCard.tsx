import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { Card } from "../../components/Card.tsx";
import { useMessageStatus } from "../../hooks/useMessageStatus.ts";
import { deliveryProblem } from "./errors.ts";
import { STEPS, statusView } from "./status.ts";

export interface SentMessage {
  handle: string;
  /** Who it went to, as the person sees them. */
  to: string;
  kind: "message" | "carousel" | "group";
}

function timeOf(iso: string | null): string | null {
  if (!iso) return null;
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? null : when.toLocaleTimeString();
}

/** The sent message's status, kept current by message events (QUEUED → SENT → DELIVERED). */
export function StatusCard({ sent, onNew }: { sent: SentMessage; onNew: () => void }) {
  const status = useMessageStatus(sent.handle);
  const message = status.data;
  const code = message?.status ?? "QUEUED";
  const view = statusView(code);
  const problem = message ? deliveryProblem(code, message.error_code, message.error_message ?? message.error_detail, message.opted_out) : null;
  const at = timeOf(message?.date_updated ?? message?.date_created ?? null);
  const what = sent.kind === "carousel" ? "Carousel" : sent.kind === "group" ? "Group message" : "Message";

  return (
    <Card
      title={`${what} to ${sent.to}`}
      className="compose-status"
      testId="compose-status-card"
    >
      <div className="compose-status__now" aria-live="polite">
        <Badge tone={view.tone} data-testid="compose-status" data-status={code}>
          {code}
        </Badge>
        <span className="compose-status__label" data-testid="compose-status-label">
          {view.label}
          {at ? ` · ${at}` : ""}
        </span>
      </div>
      {view.description && <p className="muted">{view.description}</p>}
      <ol className="compose-steps" aria-label="Progress">
        {STEPS.map((step, i) => {
          const state = view.step < 0 ? "failed" : i < view.step ? "done" : i === view.step ? "current" : "todo";
          return (
            <li key={step} className={`compose-step compose-step--${state}`} aria-current={state === "current" ? "step" : undefined}>
              <span aria-hidden="true">{state === "done" || (state === "current" && view.final) ? "✓" : state === "failed" ? "✕" : "•"}</span> {step}
            </li>
          );
        })}
      </ol>
      {problem && (
        <p className="field__error" role="alert" data-testid="compose-status-problem">
          {problem}
        </p>
      )}
      {status.error && <p className="muted">The latest status couldn't be read: {status.error.message}</p>}
      <div className="compose-status__actions">
        <Button size="sm" variant="ghost" busy={status.isFetching} onClick={() => void status.refetch()} data-testid="compose-status-refresh">
          Check again
        </Button>
        <Button size="sm" onClick={onNew} data-testid="compose-new">
          New message
        </Button>
      </div>
    </Card>
  );
}
