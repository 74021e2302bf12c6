import type { LineState_Serialize } from "../../bindings.gen.ts";

/** One line as the overview shows it, from the state snapshot or the plain list. */
export interface LineRow {
  number: string;
  /** The health as Sendblue reports it (`ONLINE`, `DEGRADED`…); null when not reported. */
  status: string | null;
  assignment: string | null;
  effectiveUntil: string | null;
}

export function rowsFromState(lines: readonly LineState_Serialize[]): LineRow[] {
  return lines.map((line) => ({
    number: line.sendblue_number ?? line.worker_id,
    status: line.status && line.status !== "UNKNOWN" ? line.status : null,
    assignment: line.assignment ?? null,
    effectiveUntil: line.effective_until ?? null,
  }));
}

export function rowsFromNumbers(numbers: readonly string[]): LineRow[] {
  return numbers.map((number) => ({ number, status: null, assignment: null, effectiveUntil: null }));
}

/** How the line belongs to the account, in words. */
export function assignmentText(row: LineRow): string | null {
  switch (row.assignment) {
    case null:
      return null;
    case "assigned":
      return "Dedicated to this account";
    case "shared":
      return "Shared with other accounts";
    case "grace_period":
      return row.effectiveUntil ? `Being released — usable until ${formatDate(row.effectiveUntil)}` : "Being released";
    default:
      return row.assignment;
  }
}

export type StatusTone = "success" | "warning" | "danger" | "neutral";

export function statusTone(status: string | null): StatusTone {
  switch (status) {
    case "ONLINE":
      return "success";
    case "DEGRADED":
      return "warning";
    case "OFFLINE":
      return "danger";
    default:
      return "neutral";
  }
}

function formatDate(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleString();
}
