import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";
import type { JobInfo_Serialize } from "../bindings.gen.ts";
import { Button } from "../components/Button.tsx";
import { JobProgress } from "../components/JobProgress.tsx";
import { useToast } from "../components/Toast.tsx";
import { useJobs } from "../hooks/useJobs.ts";
import { useResumeJob } from "../hooks/useResumeJob.ts";
import { useRouteFlag } from "../hooks/useRouteFlag.ts";
import { useSaveJobReport } from "../hooks/useSaveJobReport.ts";
import { toAppError } from "../ipc.ts";
import { ACTIVE_STATES, jobKindLabel, jobStateLabel, PAUSED_STATES, reportCounts } from "./jobLabels.ts";

/** How many finished jobs the panel lists (newest first). */
export const RECENT_FINISHED = 5;

/**
 * "Background jobs" in the header: how many run or wait to be resumed, and a panel (a
 * disclosure: Enter/Space opens it, Esc closes it and returns to the button) listing them
 * with progress, Resume for paused ones, Cancel for running ones, and Save report for the
 * ones that finished. Hidden while the profile has no jobs, unless opened by the deep link
 * `?jobs=1` on any page (the command palette's "Background jobs"), which focuses the panel.
 */
export function JobsIndicator() {
  const { data: jobs = [] } = useJobs();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const panelRef = useRef<HTMLDivElement>(null);
  // Opened by the deep link: the panel takes the focus once it is there.
  const focusPanel = useRef(false);
  useRouteFlag("jobs", () => {
    if (open) {
      panelRef.current?.focus();
    } else {
      focusPanel.current = true;
      setOpen(true);
    }
  });
  useEffect(() => {
    if (open && focusPanel.current) {
      focusPanel.current = false;
      panelRef.current?.focus();
    }
  }, [open]);

  const running = jobs.filter((job) => ACTIVE_STATES.has(job.state));
  const paused = jobs.filter((job) => PAUSED_STATES.has(job.state));
  const finished = jobs.filter((job) => !ACTIVE_STATES.has(job.state) && !PAUSED_STATES.has(job.state)).slice(0, RECENT_FINISHED);
  if (jobs.length === 0 && !open) return null;

  const summary = [
    running.length > 0 ? `${running.length} running` : null,
    paused.length > 0 ? `${paused.length} paused` : null,
  ].filter(Boolean);

  function onPanelKey(event: KeyboardEvent<HTMLDivElement>) {
    if (event.key === "Escape") {
      event.preventDefault();
      setOpen(false);
      buttonRef.current?.focus();
    }
  }

  return (
    <div className="jobs-indicator" data-testid="jobs-indicator" data-busy={running.length > 0 ? "true" : "false"}>
      <button
        ref={buttonRef}
        type="button"
        className="jobs-indicator__button"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((was) => !was)}
        data-testid="jobs-indicator-button"
      >
        {running.length > 0 && <span className="jobs-indicator__spinner" aria-hidden="true" />}
        <span>Background jobs</span>
        <span className="jobs-indicator__summary" data-testid="jobs-indicator-summary">
          {summary.length > 0 ? summary.join(", ") : "none running"}
        </span>
      </button>
      {open && (
        <div ref={panelRef} tabIndex={-1} id={panelId} className="jobs-panel" role="region" aria-label="Background jobs" data-testid="jobs-panel" onKeyDown={onPanelKey}>
          {running.length === 0 && paused.length === 0 && <p className="muted">Nothing is running right now.</p>}
          <ul className="jobs-panel__list">
            {[...running, ...paused].map((job) => (
              <JobItem key={job.id} job={job} />
            ))}
          </ul>
          {finished.length > 0 && (
            <>
              <h2 className="jobs-panel__heading">Recently finished</h2>
              <ul className="jobs-panel__list">
                {finished.map((job) => (
                  <JobItem key={job.id} job={job} />
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}

function JobItem({ job }: { job: JobInfo_Serialize }) {
  const title = jobKindLabel(job.kind);
  const resume = useResumeJob();
  const save = useSaveJobReport();
  const toast = useToast();
  const active = ACTIVE_STATES.has(job.state);
  const paused = PAUSED_STATES.has(job.state);

  async function onResume() {
    try {
      await resume.mutateAsync(job.id);
      toast.show({ tone: "info", title: "Continuing", body: `${title} goes on from where it stopped.` });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't continue it", body: toAppError(error).message });
    }
  }

  async function onSaveReport() {
    try {
      const saved = await save.mutateAsync(job.id);
      if (saved) toast.show({ tone: "success", title: "Report saved", body: saved });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't save the report", body: toAppError(error).message });
    }
  }

  const counts = reportCounts(job);
  return (
    <li className="jobs-panel__item" data-testid="job-item" data-kind={job.kind} data-state={job.state}>
      {active || paused ? (
        <JobProgress
          jobId={job.id}
          title={title}
          testId="job-item-progress"
          cancelTestId="job-item-cancel"
          cancelQuestion={`Stop ${title.toLowerCase()}?`}
        />
      ) : (
        <div className="jobs-panel__head">
          <span className="jobs-panel__title">{title}</span>
        </div>
      )}
      <p className="jobs-panel__state" data-testid="job-item-state">
        {jobStateLabel(job.state)}
        {paused && " — it stopped before the end and can go on from there."}
        {job.error && !active ? ` ${job.error.message}` : ""}
      </p>
      {counts.length > 0 && (
        <p className="jobs-panel__counts" data-testid="job-item-counts">
          {counts.join(" · ")}
        </p>
      )}
      <div className="jobs-panel__actions">
        {paused && (
          <Button size="sm" variant="primary" busy={resume.isPending} onClick={() => void onResume()} data-testid="job-item-resume" aria-label={`Resume ${title.toLowerCase()}`}>
            Resume
          </Button>
        )}
        {job.report?.report_csv && (
          <Button size="sm" busy={save.isPending} onClick={() => void onSaveReport()} data-testid="job-item-save-report" aria-label={`Save report: ${title.toLowerCase()}`}>
            Save report
          </Button>
        )}
      </div>
    </li>
  );
}
