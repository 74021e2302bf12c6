import { Button } from "../../components/Button.tsx";
import { JobProgress } from "../../components/JobProgress.tsx";
import { useJob } from "../../hooks/useJob.ts";

export interface RunStepProps {
  jobId: string;
  fileName: string;
  onResume: () => void;
  resuming: boolean;
}

/** Step 4: the import running, from its job events; cancellable; resumable when it stopped early. */
export function RunStep({ jobId, fileName, onResume, resuming }: RunStepProps) {
  const job = useJob(jobId).data ?? null;
  const interrupted = job?.state === "interrupted";
  return (
    <div className="import-run">
      <p className="muted">
        Importing {fileName ? `“${fileName}”` : "the file"}. You can leave this page: the import keeps going, and if the console closes it
        continues from where it stopped.
      </p>
      <JobProgress
        jobId={jobId}
        title="Importing contacts"
        cancelQuestion="Stop this import?"
        cancelDescription="Contacts already sent stay in the account. The rest are listed as not imported in the report."
        testId="import-progress"
        cancelTestId="import-cancel"
      />
      {!job && <p className="muted">Starting…</p>}
      {interrupted && (
        <div className="error-notice" role="alert" data-testid="import-interrupted">
          <p className="error-notice__message">
            The import paused before the end{job.info?.error ? `: ${job.info.error.message}` : "."} Nothing is lost — resume it to continue from
            where it stopped.
          </p>
          <div className="error-notice__actions">
            <Button variant="primary" size="sm" onClick={onResume} busy={resuming} data-testid="import-resume-current">
              Resume
            </Button>
          </div>
        </div>
      )}
    </div>
  );
}
