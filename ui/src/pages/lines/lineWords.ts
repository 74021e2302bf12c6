// Lines in plain words: health, how a line belongs to the account, since when; and the
// provisioning offer's price and time left.
import type { LineState_Serialize, ProvisionPreview_Serialize } from "../../bindings.gen.ts";
import { dateTime } from "../../format/time.ts";
import { mergeLines } from "../../hooks/useAccountLines.ts";
import { lineAssignmentWords, lineHealthWords, type LineHealthWords } from "../../format/words.ts";

export interface LineView {
  number: string;
  state: LineState_Serialize | null;
}

/** Every line: the plain list and the state snapshot merged (either may be missing). */
export function linesOf(numbers: readonly string[] | undefined, states: readonly LineState_Serialize[] | undefined): LineView[] {
  return mergeLines(numbers, states);
}

/** A line's health in plain words (shared with every page: format/words.ts). */
export function healthWords(status: string | null | undefined): LineHealthWords {
  return lineHealthWords(status);
}

export function assignmentWords(state: LineState_Serialize | null): string | null {
  return lineAssignmentWords(state?.assignment, state?.effective_until);
}

/** "since 3/1/2026, 8:00 AM" for the health, when Sendblue says. */
export function sinceWords(state: LineState_Serialize | null): string | null {
  const at = state?.status === "DEGRADED" ? (state.degraded_since ?? state.status_changed_at) : state?.status_changed_at;
  return at ? `since ${when(at)}` : null;
}

export const when = dateTime;

/** "9:58" left until `expiresAt`, or `null` once it has passed. */
export function timeLeft(expiresAt: string | null, now: number): string | null {
  if (!expiresAt) return "";
  const end = new Date(expiresAt).getTime();
  if (Number.isNaN(end)) return "";
  const seconds = Math.floor((end - now) / 1000);
  if (seconds <= 0) return null;
  return `${Math.floor(seconds / 60)}:${String(seconds % 60).padStart(2, "0")}`;
}

const PRICE_KEYS = ["price", "amount", "cost", "charge", "monthly_price", "price_per_month", "total"];

/** What Sendblue says the line costs, when the offer carries it (the reference has no field). */
export function priceWords(preview: ProvisionPreview_Serialize): string | null {
  const extra = preview as Record<string, unknown>;
  const currency = typeof extra.currency === "string" ? extra.currency.toUpperCase() : "";
  for (const key of PRICE_KEYS) {
    const value = extra[key];
    if (typeof value === "number") return currency ? `${value.toFixed(2)} ${currency}` : `$${value.toFixed(2)}`;
    if (typeof value === "string" && value.trim() !== "") return currency ? `${value} ${currency}` : value;
  }
  return null;
}

export function ticketWords(status: string, fulfilledNumber: string | null): string {
  switch (status) {
    case "OPEN":
      return "Waiting for Sendblue's team to set up the line.";
    case "FULFILLED":
      return fulfilledNumber ? `Done — your new line is ${fulfilledNumber}.` : "Done — your new line is ready.";
    case "CANCELLED":
      return "This request was cancelled.";
    default:
      return "Sendblue's team is working on this request.";
  }
}

/** Why a desired area code can't be used (`null`: it can; empty means any). */
export function areaCodeError(raw: string): string | null {
  const text = raw.trim();
  if (text === "" || /^\d{3}$/.test(text) || /^\d{5}$/.test(text)) return null;
  return "Type a 3-digit area code (like 415) or a 5-digit ZIP code, or leave it empty.";
}
