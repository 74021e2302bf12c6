import type { AppError_Serialize, DuplicatePolicy, ImportPreview_Serialize, PreviewRow_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Select } from "../../components/Select.tsx";
import { outcomeText, outcomeTone } from "./mapping.ts";

export interface PreviewStepProps {
  preview: ImportPreview_Serialize;
  duplicates: DuplicatePolicy;
  onDuplicatesChange: (policy: DuplicatePolicy) => void;
  /** A new dry run is under way (after the duplicate policy changed). */
  checking: boolean;
  checkError: AppError_Serialize | null;
  startError: AppError_Serialize | null;
  /** Why the import can't start (nothing to send). */
  stepError: string | null;
}

/** Step 3: what the dry run found, row by row for the first rows, before anything is sent. */
export function PreviewStep({ preview, duplicates, onDuplicatesChange, checking, checkError, startError, stepError }: PreviewStepProps) {
  const s = preview.summary;
  const totals: Array<[key: string, label: string, value: number]> = [
    ["rows", "Rows in the file", s.rows],
    ["valid", "Valid", s.rows - s.invalid],
    ["fixed", "Fixed automatically", s.fixed],
    ["invalid", "Can't be imported", s.invalid],
    ["duplicates", "Repeated in the file", s.duplicates_in_file],
    ["existing", "Already in the account", s.skipped_existing + s.update],
    ["create", "Will be added", s.new],
    ["update", "Will be updated", s.update],
  ];
  const problems = s.problems.filter((p) => !preview.first_rows.some((r) => r.row === p.row));
  return (
    <div className="import-preview" aria-busy={checking || undefined}>
      <p className="muted">Nothing has been sent yet. Check what will happen, then start the import.</p>
      <dl className="import-totals" data-testid="import-dry-run-summary">
        {totals.map(([key, label, value]) => (
          <div key={key} className="import-totals__item">
            <dt>{label}</dt>
            <dd data-testid={`import-total-${key}`}>{value.toLocaleString()}</dd>
          </div>
        ))}
      </dl>

      <Select
        label="Numbers that are already contacts"
        value={duplicates}
        onChange={(e) => onDuplicatesChange(e.target.value as DuplicatePolicy)}
        disabled={checking}
        options={[
          { value: "skip", label: "Leave them as they are (skip)" },
          { value: "update", label: "Update them with the file's details" },
        ]}
        testId="import-duplicates"
        hint={checking ? "Checking the file again…" : "Changing this checks the file again."}
      />
      {checkError && <ErrorNotice error={checkError} testId="import-check-error" />}

      <h3 className="import-subtitle">First rows</h3>
      <PreviewTable rows={preview.first_rows} testId="import-preview-rows" label="First rows and what will happen to them" />

      {problems.length > 0 && (
        <>
          <h3 className="import-subtitle">More rows with problems</h3>
          <PreviewTable rows={problems} testId="import-problem-rows" label="Rows that can't be imported or are skipped" />
        </>
      )}

      {stepError && (
        <p className="field__error" role="alert" data-testid="import-start-blocked">
          {stepError}
        </p>
      )}
      {startError && <ErrorNotice error={startError} testId="import-start-error" />}
    </div>
  );
}

function PreviewTable({ rows, testId, label }: { rows: PreviewRow_Serialize[]; testId: string; label: string }) {
  return (
    <div className="import-table-wrap" tabIndex={0} role="region" aria-label={label}>
      <table className="import-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">Row</th>
            <th scope="col">Phone in the file</th>
            <th scope="col">Other cells</th>
            <th scope="col">Becomes</th>
            <th scope="col">What happens</th>
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.row} data-testid="import-preview-row" data-outcome={r.outcome}>
              <td>{r.row}</td>
              <td>{r.phone || <span className="muted">(empty)</span>}</td>
              <td>{otherCells(r)}</td>
              <td>{r.normalized ?? "—"}</td>
              <td>
                <Badge tone={outcomeTone(r.outcome)}>{outcomeText(r.outcome)}</Badge>
              </td>
              <td className="import-table__reason">{r.reason ? sentence(r.reason) : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The row's cells other than the phone, as plain text ("Ada · Lovelace · vip"). */
function otherCells(r: PreviewRow_Serialize): string {
  const phoneAt = r.values.indexOf(r.phone);
  return r.values.filter((v, i) => i !== phoneAt && v.trim() !== "").slice(0, 4).join(" · ");
}

/** "added country code +1; removed spaces" → "Added country code +1; removed spaces." */
function sentence(text: string): string {
  const t = text.trim();
  const first = t.charAt(0).toUpperCase() + t.slice(1);
  return /[.!?]$/.test(first) ? first : `${first}.`;
}
