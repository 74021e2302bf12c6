// The account's lines for "Send from": their health in words, and which one to pick first.
import { lineHealthWords } from "../../format/words.ts";
import { useLines } from "../../hooks/useLines.ts";
import { useLineState } from "../../hooks/useLineState.ts";

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

/** The lines with their health; the plain list when health isn't available. */
export function useSendLines(): { lines: SendLine[] | undefined; loading: boolean; failed: boolean } {
  const state = useLineState();
  const plain = useLines({ enabled: state.isError });
  if (state.data) {
    const lines = state.data.data
      .filter((l) => l.sendblue_number)
      .map((l) => ({ number: l.sendblue_number!, status: l.status && l.status !== "UNKNOWN" ? l.status : null }));
    return { lines, loading: false, failed: false };
  }
  if (!state.isError) return { lines: undefined, loading: true, failed: false };
  if (plain.data) return { lines: plain.data.map((number) => ({ number, status: null })), loading: false, failed: false };
  return { lines: undefined, loading: plain.isPending, failed: plain.isError };
}
