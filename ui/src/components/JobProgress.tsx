import { useState } from "react";
import { useCancelJob } from "../hooks/useCancelJob.ts";
import { useJob } from "../hooks/useJob.ts";
import { toAppError } from "../ipc.ts";
import { Button } from "./Button.tsx";
import { ConfirmDialog } from "./ConfirmDialog.tsx";
import { useToast } from "./Toast.tsx";

/** A moment of a job's progress: rows done and when the page learned it (ms). */
export interface ProgressSample {
  done: number;
  at: number;
}

/**
 * Seconds left, from the rate between the first sample this page saw and the latest one;
 * `null` until there is a rate (nothing moved yet, or no time passed).
 */
export function estimateSecondsLeft(first: ProgressSample, latest: ProgressSample, total: number): number | null {
  const moved = latest.done - first.done;
  const elapsedMs = latest.at - first.at;
  if (moved <= 0 || elapsedMs <= 0 || total <= 0) return null;
  const perMs = moved / elapsedMs;
  return Math.max(0, Math.ceil((total - latest.done) / perMs / 1000));
}

/** "About 3 minutes left", in words. */
export function timeLeftText(seconds: number | null): string {
  if (seconds === null) return "Working out the time left…";
  if (seconds < 5) return "Almost done";
  if (seconds < 60) return `About ${seconds} seconds left`;
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `About ${minutes} ${minutes === 1 ? "minute" : "minutes"} left`;
  const hours = Math.floor(minutes / 60);
  const rest = minutes % 60;
  const h = `${hours} ${hours === 1 ? "hour" : "hours"}`;
  return rest === 0 ? `About ${h} left` : `About ${h} ${rest} min left`;
}

export interface JobProgressProps {
  /** The job whose events fill the `queryKeys.job(id)` cache. */
  jobId: string;
  /** What the job does, e.g. "Importing contacts" (also the bar's accessible name). */
  title: string;
  /** The confirmation's question and what stopping means, in plain words. */
  cancelQuestion?: string;
  cancelDescription?: string;
  /** `data-testid` of the root; the Cancel button is `cancelTestId` and its confirm `<cancelTestId>-confirm`. */
  testId?: string;
  cancelTestId?: string;
}

const RUNNING = new Set(["pending", "running"]);

/**
 * A running job: a progress bar (role="progressbar"), done of total, failures, the time left from
 * the rate seen here, and Cancel (after a confirmation). Progress comes from job events only.
 */
export function JobProgress({
  jobId,
  title,
  cancelQuestion = "Stop this job?",
  cancelDescription = "What is already done stays done. The report lists what wasn't.",
  testId,
  cancelTestId = "job-cancel",
}: JobProgressProps) {
  const query = useJob(jobId);
  const job = query.data ?? null;
  const latest: ProgressSample = { done: job?.done ?? 0, at: query.dataUpdatedAt };
  // The first sample of this job (or of this run, if the count went back): the rate is measured from it.
  const [first, setFirst] = useState<{ jobId: string; sample: ProgressSample } | null>(null);
  if (job && (first === null || first.jobId !== jobId || latest.done < first.sample.done)) {
    setFirst({ jobId, sample: latest });
  }
  const [confirming, setConfirming] = useState(false);
  const cancel = useCancelJob();
  const toast = useToast();

  if (!job) return null;
  const running = RUNNING.has(job.state);
  const total = Math.max(job.total, job.done);
  const percent = total > 0 ? Math.min(100, Math.round((job.done / total) * 100)) : 0;
  const secondsLeft = first && first.jobId === jobId ? estimateSecondsLeft(first.sample, latest, total) : null;
  const countText = total > 0 ? `${job.done.toLocaleString()} of ${total.toLocaleString()}` : `${job.done.toLocaleString()} so far`;

  async function onConfirmCancel() {
    try {
      await cancel.mutateAsync(jobId);
      setConfirming(false);
      toast.show({ tone: "info", title: "Stopping…", body: "It ends in a moment with a report." });
    } catch (error) {
      setConfirming(false);
      toast.show({ tone: "error", title: "Couldn't stop it", body: toAppError(error).message });
    }
  }

  return (
    <div className="job-meter" data-testid={testId} data-state={job.state}>
      <div className="job-meter__head">
        <span className="job-meter__title">{title}</span>
        <span className="job-meter__count" data-testid={testId ? `${testId}-count` : undefined}>
          {countText}
        </span>
      </div>
      <div
        className="job-meter__track"
        role="progressbar"
        aria-label={title}
        aria-valuemin={0}
        aria-valuemax={total}
        aria-valuenow={job.done}
        aria-valuetext={`${countText} (${percent}%)`}
      >
        <div className="job-meter__bar" style={{ width: `${percent}%` }} />
      </div>
      <div className="job-meter__foot">
        <span data-testid={testId ? `${testId}-failed` : undefined}>
          {job.failed > 0 ? `${job.failed.toLocaleString()} failed` : "None failed"}
        </span>
        {running && <span data-testid={testId ? `${testId}-eta` : undefined}>{timeLeftText(secondsLeft)}</span>}
        {running && (
          <Button size="sm" variant="danger" onClick={() => setConfirming(true)} busy={cancel.isPending} data-testid={cancelTestId}>
            {cancel.isPending ? "Stopping…" : "Cancel"}
          </Button>
        )}
      </div>
      <ConfirmDialog
        open={confirming}
        onCancel={() => setConfirming(false)}
        onConfirm={() => void onConfirmCancel()}
        title={cancelQuestion}
        description={cancelDescription}
        testId={`${cancelTestId}-dialog`}
        cancelLabel="Keep going"
        confirmLabel="Stop"
        busy={cancel.isPending}
        confirmTestId={`${cancelTestId}-confirm`}
      />
    </div>
  );
}
