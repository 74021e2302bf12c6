import type { AuditEntry_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { PlainValue } from "../../components/DataList.tsx";
import { dateTime } from "../../format/time.ts";
import { actionLabel } from "./actions.ts";

/** The details as a labelled list when they are a JSON object; as text otherwise (always inert). */
function Details({ details }: { details: string }) {
  let parsed: unknown = details;
  try {
    parsed = JSON.parse(details);
  } catch {
    // Not JSON: shown as it is.
  }
  return (
    <div className="audit-detail__details" data-testid="audit-detail-details">
      <PlainValue value={parsed} />
    </div>
  );
}

/** Every field of one audit entry. */
export function AuditDetail({ entry, onClose }: { entry: AuditEntry_Serialize; onClose: () => void }) {
  return (
    <Dialog
      open
      onClose={onClose}
      title={actionLabel(entry.action)}
      testId="audit-detail"
      footer={<Button onClick={onClose}>Close</Button>}
    >
      <dl className="audit-detail">
        <dt>When</dt>
        <dd>
          <time dateTime={entry.at}>{dateTime(entry.at)}</time>
        </dd>
        <dt>What</dt>
        <dd>
          {actionLabel(entry.action)}
        </dd>
        <dt>To what</dt>
        <dd data-testid="audit-detail-target">{entry.target || "—"}</dd>
        <dt>Result</dt>
        <dd data-testid="audit-detail-result">{entry.ok ? "Worked" : `Failed: ${entry.error_message ?? "no reason given"}`}</dd>
        <dt>Profile</dt>
        <dd>{entry.profile_name}</dd>
        <dt>Details</dt>
        <dd>
          {entry.details ? <Details details={entry.details} /> : "None recorded"}
        </dd>
      </dl>
      <details className="audit-detail__technical">
        <summary>Technical details</summary>
        <p>
          Action code: <code className="audit-detail__code">{entry.action}</code>
        </p>
      </details>
    </Dialog>
  );
}
