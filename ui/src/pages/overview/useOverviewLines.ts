import { useAccountLines, type AccountLines } from "../../hooks/useAccountLines.ts";
import type { LineRow } from "./lineRows.ts";

export interface OverviewLines extends Omit<AccountLines, "lines"> {
  rows: LineRow[] | undefined;
}

/**
 * The lines with their health from the state snapshot; when that read fails (an older account
 * or plan without it), the plain list of numbers instead (`useAccountLines`).
 */
export function useOverviewLines(): OverviewLines {
  const { lines, ...rest } = useAccountLines();
  return {
    ...rest,
    rows: lines?.map((line) => ({
      number: line.number,
      status: line.status,
      assignment: line.state?.assignment ?? null,
      effectiveUntil: line.state?.effective_until ?? null,
    })),
  };
}
