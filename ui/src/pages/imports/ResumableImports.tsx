import type { ImportJob_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Card } from "../../components/Card.tsx";
import { useImportJobs } from "../../hooks/useImportJobs.ts";

export interface ResumableImportsProps {
  onResume: (job: ImportJob_Serialize) => void;
  onShow: (job: ImportJob_Serialize) => void;
  resumingId: string | null;
}

const UNFINISHED = new Set(["pending", "running", "interrupted"]);

/** Imports that haven't finished (a crash, a quit, a lost connection): resume or watch them. */
export function ResumableImports({ onResume, onShow, resumingId }: ResumableImportsProps) {
  const jobs = useImportJobs();
  const open = (jobs.data ?? []).filter((j) => UNFINISHED.has(j.job.state));
  if (open.length === 0) return null;
  return (
    <Card title="Unfinished imports" testId="import-resumable">
      <ul className="import-resumable">
        {open.map((j) => {
          const running = j.job.state === "running";
          return (
            <li key={j.job.id} className="import-resumable__row" data-testid="import-resumable-row" data-job-id={j.job.id}>
              <span>
                <strong>{j.file_name || "An import"}</strong>{" "}
                <span className="muted">
                  {running ? "running" : "paused"} — {j.job.done.toLocaleString()} of {(j.to_send || j.job.total).toLocaleString()} sent
                  {j.job.error ? `. ${j.job.error.message}` : ""}
                </span>
              </span>
              {running ? (
                <Button size="sm" onClick={() => onShow(j)} data-testid="import-show-progress">
                  Show progress
                </Button>
              ) : (
                <Button size="sm" variant="primary" onClick={() => onResume(j)} busy={resumingId === j.job.id} data-testid="import-resume">
                  Resume
                </Button>
              )}
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
