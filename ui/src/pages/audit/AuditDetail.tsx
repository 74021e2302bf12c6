import type { AuditEntry_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { actionLabel } from "./actions.ts";

/** The details, pretty-printed when they are JSON (always shown as text). */
function prettyDetails(details: string): string {
  try {
    return JSON.stringify(JSON.parse(details), null, 2);
  } catch {
    return details;
  }
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
          <time dateTime={entry.at}>{new Date(entry.at).toLocaleString()}</time>
        </dd>
        <dt>What</dt>
        <dd>
          {actionLabel(entry.action)} <code className="audit-detail__code">{entry.action}</code>
        </dd>
        <dt>To what</dt>
        <dd data-testid="audit-detail-target">{entry.target || "—"}</dd>
        <dt>Result</dt>
        <dd data-testid="audit-detail-result">{entry.ok ? "Worked" : `Failed: ${entry.error_message ?? "no reason given"}`}</dd>
        <dt>Profile</dt>
        <dd>{entry.profile_name}</dd>
        <dt>Details</dt>
        <dd>
          {entry.details ? (
            <pre className="audit-detail__json" data-testid="audit-detail-details">
              {prettyDetails(entry.details)}
            </pre>
          ) : (
            "None recorded"
          )}
        </dd>
      </dl>
    </Dialog>
  );
}
