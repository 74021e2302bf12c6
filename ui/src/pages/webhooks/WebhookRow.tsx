import { useState } from "react";
import type { AppError_Serialize, WebhookTestResult } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { useSendWebhookTest } from "../../hooks/useSendWebhookTest.ts";
import { toAppError } from "../../ipc.ts";
import { useRevealed } from "./useRevealed.ts";
import { MASK, statusText, type WebhookItem } from "./webhookModel.ts";

export interface WebhookRowProps {
  item: WebhookItem;
  /** The account-wide secret applies when the webhook has none of its own. */
  hasGlobalSecret: boolean;
  onEdit: (item: WebhookItem) => void;
  onDelete: (item: WebhookItem) => void;
}

type TestOutcome = { result: WebhookTestResult } | { error: AppError_Serialize };

/** One webhook: its address, its secret (masked until revealed), test, edit and delete. */
export function WebhookRow({ item, hasGlobalSecret, onEdit, onDelete }: WebhookRowProps) {
  const [revealed, toggleRevealed] = useRevealed();
  const [outcome, setOutcome] = useState<TestOutcome | null>(null);
  const test = useSendWebhookTest();

  async function onTest() {
    setOutcome(null);
    try {
      setOutcome({ result: await test.mutateAsync({ type: item.type, url: item.url }) });
    } catch (error) {
      setOutcome({ error: toAppError(error) });
    }
  }

  return (
    <li className="webhook-row" data-testid="webhook-row" data-url={item.url} data-type={item.type}>
      <div className="webhook-row__main">
        <span className="webhook-row__url mono">{item.url}</span>
        {item.lines.length > 0 && <span className="muted webhook-row__lines">Only for messages to {item.lines.join(", ")}</span>}
        <div className="webhook-row__secret">
          {item.secret ? (
            <>
              <span className="muted">Signing secret:</span>{" "}
              <span className="mono" data-testid="webhook-secret">
                {revealed ? item.secret : MASK}
              </span>
              <Button
                size="sm"
                variant="ghost"
                aria-pressed={revealed}
                aria-label={`${revealed ? "Hide" : "Reveal"} the signing secret of ${item.url}`}
                onClick={toggleRevealed}
                data-testid="webhook-secret-reveal"
              >
                {revealed ? "Hide" : "Reveal"}
              </Button>
            </>
          ) : (
            <span className="muted">{hasGlobalSecret ? "Signed with the account-wide secret" : "No signing secret"}</span>
          )}
        </div>
      </div>
      <div className="webhook-row__actions">
        <Button size="sm" busy={test.isPending} onClick={() => void onTest()} data-testid="webhook-test" aria-label={`Send test event to ${item.url}`}>
          Send test event
        </Button>
        <Button size="sm" onClick={() => onEdit(item)} data-testid="webhook-edit" aria-label={`Edit ${item.url}`}>
          Edit
        </Button>
        <Button size="sm" variant="danger" onClick={() => onDelete(item)} data-testid="webhook-delete" aria-label={`Delete ${item.url}`}>
          Delete
        </Button>
      </div>
      {outcome && <TestResult outcome={outcome} />}
    </li>
  );
}

function TestResult({ outcome }: { outcome: TestOutcome }) {
  if ("error" in outcome) {
    return (
      <div className="webhook-test webhook-test--failed" role="status" data-testid="webhook-test-result" data-ok="false">
        <p className="webhook-test__headline">
          <span aria-hidden="true">✗ </span>
          Test event not delivered. {outcome.error.message}
        </p>
      </div>
    );
  }
  const { result } = outcome;
  return (
    <div
      className={`webhook-test webhook-test--${result.ok ? "ok" : "failed"}`}
      role="status"
      data-testid="webhook-test-result"
      data-ok={String(result.ok)}
      data-status={result.status}
    >
      <p className="webhook-test__headline">
        <span aria-hidden="true">{result.ok ? "✓ " : "✗ "}</span>
        {result.ok ? "Delivered." : "Not accepted."} The address answered{" "}
        <strong data-testid="webhook-test-status">{statusText(result.status)}</strong> in{" "}
        <strong data-testid="webhook-test-time">{result.elapsed_ms.toLocaleString()} ms</strong>.
      </p>
      {!result.ok && (
        <p className="muted">Sendblue counts any answer other than 2xx as a failure and sends the event again, so fix the receiver first.</p>
      )}
      <p className="muted">{result.signed ? "Sent with the signing secret, as Sendblue would." : "Sent without a signing secret."}</p>
      {result.excerpt !== "" ? (
        <>
          <p className="webhook-test__label">What it answered{result.truncated ? " (the beginning)" : ""}:</p>
          <pre className="webhook-test__excerpt" data-testid="webhook-test-excerpt">
            {result.excerpt}
          </pre>
        </>
      ) : (
        <p className="muted">It answered with an empty body.</p>
      )}
    </div>
  );
}
