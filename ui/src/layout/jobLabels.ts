// Plain words for background jobs: what they do, where they stand, and their report's counts.
import type { JobInfo_Serialize, JobKind, JobState } from "../bindings.gen.ts";

const KIND: Record<JobKind, string> = {
  bulk_delete: "Deleting contacts",
  export_contacts: "Exporting contacts",
  export_messages: "Exporting messages",
  import_contacts: "Importing contacts",
};

/** "Deleting contacts", or a readable form of a kind this page doesn't know yet. */
export function jobKindLabel(kind: JobKind | string): string {
  return (KIND as Record<string, string>)[kind] ?? readable(kind);
}

const STATE: Record<JobState, string> = {
  pending: "Starting",
  running: "Running",
  interrupted: "Paused",
  completed: "Finished",
  cancelled: "Stopped",
  failed: "Failed",
};

export function jobStateLabel(state: JobState): string {
  return STATE[state] ?? readable(state);
}

/** Report counts by outcome, as "12 deleted". Outcomes the page doesn't know read as words. */
const COUNT: Record<string, string> = {
  deleted: "deleted",
  not_found: "weren't found",
  failed: "failed",
  skipped: "skipped",
  exported: "exported",
  not_saved: "weren't saved",
  imported: "added",
  updated: "updated",
  invalid: "couldn't be imported",
  "skipped-existing": "skipped (already contacts)",
  "skipped-duplicate-in-file": "skipped (repeated in the file)",
};

export function countLabel(outcome: string): string {
  return COUNT[outcome] ?? readable(outcome);
}

/** The report's non-zero counts in words, e.g. ["12 deleted", "2 weren't found"]. */
export function reportCounts(info: JobInfo_Serialize): string[] {
  const counts = info.report?.counts ?? {};
  return Object.entries(counts)
    .filter(([, n]) => n > 0)
    .map(([outcome, n]) => `${n.toLocaleString()} ${countLabel(outcome)}`);
}

function readable(code: string): string {
  const words = code.replace(/[_:-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const ACTIVE_STATES: ReadonlySet<JobState> = new Set(["pending", "running"]);
export const PAUSED_STATES: ReadonlySet<JobState> = new Set(["interrupted"]);
