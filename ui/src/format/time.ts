// One place for how times read in the console. Every function takes an ISO 8601 string (or
// nothing) and gives "" for nothing; a text that isn't a date is shown as it came.

function parse(iso: string | null | undefined): Date | null {
  if (!iso) return null;
  const when = new Date(iso);
  return Number.isNaN(when.getTime()) ? null : when;
}

/** The full local date and time: "3/1/2026, 8:00:00 AM". */
export function dateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return parse(iso)?.toLocaleString() ?? iso;
}

/** A date and time for a table cell: "Mar 1, 2026, 8:00 AM". */
export function shortDateTime(iso: string | null | undefined): string {
  if (!iso) return "";
  return parse(iso)?.toLocaleString(undefined, { dateStyle: "medium", timeStyle: "short" }) ?? iso;
}

/** The time of day only: "8:00 AM" ("" when it isn't a date). */
export function clockTime(iso: string | null | undefined): string {
  return parse(iso)?.toLocaleTimeString(undefined, { hour: "numeric", minute: "2-digit" }) ?? "";
}

/** "just now", "5 min ago", "3 h ago", "yesterday", "2 days ago" (`at` in ms). */
export function relativeTime(at: number, now = Date.now()): string {
  const seconds = Math.round((now - at) / 1000);
  if (seconds < 45) return "just now";
  const minutes = Math.round(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 24) return `${hours} h ago`;
  const days = Math.round(hours / 24);
  return days === 1 ? "yesterday" : `${days} days ago`;
}
