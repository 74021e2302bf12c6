import type { JobView } from "../../events.ts";
import { Button } from "../../components/Button.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useSaveJobReport } from "../../hooks/useSaveJobReport.ts";
import { toAppError } from "../../ipc.ts";
import { hrefFor } from "../../router.ts";

export interface ReportStepProps {
  job: JobView;
  fileName: string;
  onAgain: () => void;
}

const HEADINGS: Record<string, string> = {
  completed: "Import finished",
  cancelled: "Import cancelled",
  failed: "Import stopped",
};

/** Step 5: what became of every row, and the row-by-row report to save. */
export function ReportStep({ job, fileName, onAgain }: ReportStepProps) {
  const toast = useToast();
  const save = useSaveJobReport();
  const report = job.info?.report ?? null;
  const count = (key: string) => report?.counts[key] ?? 0;
  const lines: Array<[testId: string, label: string, value: number]> = [
    ["import-report-created", "Added", count("imported")],
    ["import-report-updated", "Updated", count("updated")],
    ["import-report-existing", "Skipped: already contacts", count("skipped-existing")],
    ["import-report-duplicates", "Skipped: repeated in the file", count("skipped-duplicate-in-file")],
    ["import-report-invalid", "Couldn't be imported", count("invalid")],
    ["import-report-failed", "Failed or not sent", count("failed")],
  ];

  async function onSave() {
    try {
      const path = await save.mutateAsync(job.id);
      if (path) toast.show({ tone: "success", title: "Report saved", body: path });
    } catch (e) {
      toast.show({ tone: "error", title: "Couldn't save the report", body: toAppError(e).message });
    }
  }

  return (
    <div className="import-report" data-testid="import-report" data-state={job.state}>
      <p className="import-report__state" data-testid="import-report-state">
        {HEADINGS[job.state] ?? "Import ended"}
        {fileName ? ` — ${fileName}` : ""}. {(report?.total ?? 0).toLocaleString()} rows in all.
      </p>
      {job.info?.error && (
        <p className="field__error" role="alert" data-testid="import-report-error">
          {job.info.error.message}
        </p>
      )}
      <dl className="import-totals">
        {lines.map(([testId, label, value]) => (
          <div key={testId} className="import-totals__item">
            <dt>{label}</dt>
            <dd data-testid={testId}>{value}</dd>
          </div>
        ))}
      </dl>
      <p className="muted">The report lists every row of the file with what happened to it and why.</p>
      <div className="import-actions">
        <Button variant="primary" onClick={() => void onSave()} busy={save.isPending} disabled={!report?.report_csv} data-testid="import-save-report">
          Save report…
        </Button>
        <a className="btn btn--secondary" href={hrefFor("/contacts")} data-testid="import-view-contacts">
          View contacts
        </a>
        <Button variant="ghost" onClick={onAgain} data-testid="import-again">
          Import another file
        </Button>
      </div>
    </div>
  );
}
