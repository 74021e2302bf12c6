// Plain words for what the messages API sends: statuses, directions, channels, times, fields.
import { clockTime, dateTime, shortDateTime } from "../../format/time.ts";
import { messageStatusWords } from "../../format/words.ts";
import { pathQuery } from "../../router.ts";

export type { MessageStatusWords as StatusWords } from "../../format/words.ts";

/** The status in plain words with a badge tone (shared with every page: format/words.ts). */
export const statusWords = messageStatusWords;

/** The statuses the filter offers, in the order a message goes through them. */
export const FILTER_STATUSES = ["QUEUED", "SENT", "DELIVERED", "READ", "RECEIVED", "DECLINED", "ERROR", "REGISTERED", "PENDING", "ACCEPTED"] as const;

export function directionWords(isOutbound: boolean | null | undefined): string {
  return isOutbound ? "Sent" : "Received";
}

/** A timestamp as the person's clock shows it (the raw text when it isn't a date). */
export const formatTime = dateTime;

/** A timestamp in a table cell: "Mar 1, 2025, 6:05 PM". */
export const shortTime = shortDateTime;

/** "Today", "Yesterday" or the date, for the separators between days in a conversation. */
export function dayLabel(iso: string | null | undefined, now: Date = new Date()): string {
  if (!iso) return "Unknown date";
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return "Unknown date";
  const startOf = (d: Date) => new Date(d.getFullYear(), d.getMonth(), d.getDate()).getTime();
  const days = Math.round((startOf(now) - startOf(when)) / 86_400_000);
  if (days === 0) return "Today";
  if (days === 1) return "Yesterday";
  return when.toLocaleDateString(undefined, { weekday: "long", year: "numeric", month: "long", day: "numeric" });
}

/** The local calendar day of a timestamp, to group a conversation's bubbles. */
export function dayKey(iso: string | null | undefined): string {
  if (!iso) return "";
  const when = new Date(iso);
  if (Number.isNaN(when.getTime())) return "";
  return `${when.getFullYear()}-${when.getMonth()}-${when.getDate()}`;
}

export { clockTime };

/** A media URL the page may load or link to: only web addresses, never `javascript:` or files. */
export function safeMediaUrl(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === "https:" || parsed.protocol === "http:" ? parsed.href : null;
  } catch {
    return null;
  }
}

const IMAGE = /\.(jpe?g|png|gif|webp|heic|heif|bmp|avif)$/i;

export function isImageUrl(url: string): boolean {
  try {
    return IMAGE.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

/** The file name at the end of a media URL, for the link's text. */
export function fileNameOf(url: string): string {
  try {
    const last = new URL(url).pathname.split("/").filter(Boolean).pop();
    return last ? decodeURIComponent(last) : "attachment";
  } catch {
    return "attachment";
  }
}

/** What the contact typed or was sent, in one line (the media said in words when there's no text). */
export function previewText(content: string | null | undefined, mediaUrl: string | null | undefined): string {
  const text = (content ?? "").replace(/\s+/g, " ").trim();
  if (text) return text;
  return mediaUrl ? "Attachment" : "";
}

/** The query part of a hash path: `/messages?number=+1415…` → { number: "+1415…" }. */
export function queryOf(path: string): Record<string, string> {
  return Object.fromEntries(pathQuery(path));
}

/** The path of a contact's conversation (the "+" kept as typed; it is safe in a hash). */
export function conversationPath(number: string): string {
  return `/messages?number=${encodeURIComponent(number).replace(/%2B/gi, "+")}`;
}

export const HISTORY_PATH = "/messages";
export const CONVERSATIONS_PATH = "/messages?view=conversations";
