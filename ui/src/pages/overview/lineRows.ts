import type { LineState_Serialize } from "../../bindings.gen.ts";
import type { BadgeTone } from "../../components/Badge.tsx";
import { lineAssignmentWords, lineHealthWords } from "../../format/words.ts";

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

/** How the line belongs to the account, in words (shared: format/words.ts). */
export function assignmentText(row: LineRow): string | null {
  return lineAssignmentWords(row.assignment, row.effectiveUntil);
}

export type StatusTone = BadgeTone;

export function statusTone(status: string | null): StatusTone {
  return lineHealthWords(status).tone;
}
