// The account's lines for "Send from": their health in words, and which one to pick first.
import { lineHealthWords } from "../../format/words.ts";
import { useAccountLines } from "../../hooks/useAccountLines.ts";

export interface SendLine {
  number: string;
  /** ONLINE, DEGRADED, OFFLINE, or null when not reported. */
  status: string | null;
}

export function lineStatusText(status: string | null): string {
  return lineHealthWords(status).text;
}

/** The contact's own line when the account has it; else the first online line; else the first. */
export function defaultLine(lines: readonly SendLine[], contactLine: string | null): string {
  if (contactLine && lines.some((l) => l.number === contactLine)) return contactLine;
  return (lines.find((l) => l.status === "ONLINE") ?? lines[0])?.number ?? "";
}

/** The lines that can send, with their health; the plain list when health isn't available. */
export function useSendLines(): { lines: SendLine[] | undefined; loading: boolean; failed: boolean } {
  const account = useAccountLines();
  const lines = account.lines?.filter((l) => l.hasNumber).map((l) => ({ number: l.number, status: l.status }));
  return { lines, loading: account.isPending && !account.isError, failed: account.isError };
}
