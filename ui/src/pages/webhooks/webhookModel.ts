// What the Webhooks page knows about webhooks: the types in plain words, entries (a bare URL or
// an object with a secret and line filter), the address rule, and the replace-all diff.
import type { WebhookEntry_Deserialize, WebhookEntry_Serialize, WebhookSet_Deserialize, WebhookSet_Serialize } from "../../bindings.gen.ts";

export interface WebhookTypeInfo {
  id: WebhookTypeId;
  label: string;
  description: string;
}

export type WebhookTypeId =
  | "receive"
  | "outbound"
  | "typing_indicator"
  | "call_log"
  | "inbound_call"
  | "line_blocked"
  | "line_assigned"
  | "contact_created"
  | "contact_profile";

/** The nine types in the API's order (§11.1), with what each one reports. */
export const WEBHOOK_TYPES: readonly WebhookTypeInfo[] = [
  { id: "receive", label: "Incoming messages", description: "Someone texts one of your lines (also shared locations and App Card replies)." },
  { id: "outbound", label: "Message status", description: "A message you sent changes status: sent, delivered, failed…" },
  { id: "typing_indicator", label: "Typing", description: "Someone starts or stops typing to you in iMessage." },
  { id: "call_log", label: "Call records", description: "A call to or from one of your lines ended (who, how long, forwarded or not)." },
  { id: "inbound_call", label: "Incoming calls", description: "Someone is calling one of your lines." },
  { id: "line_blocked", label: "Line blocked", description: "One of your lines was blocked or went offline." },
  { id: "line_assigned", label: "Line added", description: "A new line was added to your account." },
  { id: "contact_created", label: "New contacts", description: "A contact was created on your account." },
  { id: "contact_profile", label: "Contact card published", description: "Your contact card (name and photo) finished publishing, or failed." },
];

export function typeInfo(id: string): WebhookTypeInfo {
  return WEBHOOK_TYPES.find((t) => t.id === id) ?? { id: id as WebhookTypeId, label: id, description: "" };
}

/** One configured webhook, flattened for the page. */
export interface WebhookItem {
  type: WebhookTypeId;
  url: string;
  secret: string | null;
  lines: string[];
}

type AnyEntry = WebhookEntry_Serialize | WebhookEntry_Deserialize;

export function entryUrl(entry: AnyEntry): string {
  return typeof entry === "string" ? entry : entry.url;
}

export function entrySecret(entry: AnyEntry): string | null {
  return typeof entry === "string" ? null : entry.secret || null;
}

export function entryLines(entry: AnyEntry): string[] {
  return typeof entry === "string" ? [] : (entry.sendblue_numbers ?? []);
}

/** Every webhook of the set, grouped in type order. */
export function itemsOf(set: WebhookSet_Serialize): WebhookItem[] {
  return WEBHOOK_TYPES.flatMap(({ id }) =>
    (set[id] ?? []).map((entry) => ({ type: id, url: entryUrl(entry), secret: entrySecret(entry), lines: entryLines(entry) })),
  );
}

/** The entry as the API takes it: a bare URL when there is nothing else to say. */
export function entryOf(url: string, secret: string | null, lines: string[] = []): WebhookEntry_Deserialize {
  if (!secret && lines.length === 0) return url;
  return { url, ...(secret ? { secret } : {}), ...(lines.length ? { sendblue_numbers: lines } : {}) };
}

/**
 * Why a webhook address can't be used, in plain words (`null`: it can). Sendblue takes
 * https:// only; the sandbox and the console also take plain http:// on this computer
 * (localhost or 127.0.0.1).
 */
export function webhookUrlError(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return "Enter the web address that should receive the events.";
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "That isn't a web address. It should look like https://example.com/webhooks.";
  }
  if (url.protocol === "https:" && url.hostname !== "") return null;
  if (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1")) return null;
  if (url.protocol === "http:") {
    return "The address must start with https://. Plain http:// only works for this computer (localhost or 127.0.0.1).";
  }
  return "The address must start with https://.";
}

/** A whole set with one type's entries replaced by `entries` (for edits through replace). */
export function withEntries(set: WebhookSet_Serialize, type: WebhookTypeId, entries: WebhookEntry_Deserialize[]): WebhookSet_Deserialize {
  return { ...copyOf(set), [type]: entries };
}

/** The set as the replace command takes it (every known type, and the global secret). */
export function copyOf(set: WebhookSet_Serialize): WebhookSet_Deserialize {
  const out: WebhookSet_Deserialize = {};
  for (const { id } of WEBHOOK_TYPES) out[id] = [...(set[id] ?? [])];
  if (set.globalSecret) out.globalSecret = set.globalSecret;
  return out;
}

/** What replacing everything would do, by (type, address). */
export interface ReplaceDiff {
  added: WebhookItem[];
  removed: WebhookItem[];
  kept: WebhookItem[];
}

const keyOf = (item: { type: string; url: string }) => `${item.type} ${item.url}`;

export function diffOf(before: WebhookItem[], after: WebhookItem[]): ReplaceDiff {
  const old = new Set(before.map(keyOf));
  const next = new Set(after.map(keyOf));
  return {
    added: after.filter((i) => !old.has(keyOf(i))),
    removed: before.filter((i) => !next.has(keyOf(i))),
    kept: after.filter((i) => old.has(keyOf(i))),
  };
}

/** The replacement text for the current set: one "type address" line per webhook. */
export function textOf(items: WebhookItem[]): string {
  return items.map((i) => `${i.type} ${i.url}`).join("\n");
}

export interface ParsedReplacement {
  items: WebhookItem[];
  /** Problems by line (1-based), in plain words. */
  errors: string[];
}

/**
 * Reads the replacement text: one webhook per line as "type address" (a line with only an
 * address means incoming messages). Blank lines and lines starting with # are skipped. Kept
 * webhooks keep their secret and line filter; new ones have none (edit them afterwards).
 */
export function parseReplacement(text: string, current: WebhookItem[]): ParsedReplacement {
  const items: WebhookItem[] = [];
  const errors: string[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((raw, index) => {
    const line = raw.trim();
    if (line === "" || line.startsWith("#")) return;
    const parts = line.split(/\s+/);
    const [first, second] = parts;
    let type: string = "receive";
    let url = first!;
    if (parts.length >= 2) {
      type = first!;
      url = second!;
    }
    const where = `Line ${index + 1}`;
    if (parts.length > 2) {
      errors.push(`${where}: write the event type and one address, separated by a space.`);
      return;
    }
    if (!WEBHOOK_TYPES.some((t) => t.id === type)) {
      errors.push(`${where}: “${type}” isn't an event type. Use one of: ${WEBHOOK_TYPES.map((t) => t.id).join(", ")}.`);
      return;
    }
    const problem = webhookUrlError(url);
    if (problem) {
      errors.push(`${where}: ${problem}`);
      return;
    }
    const key = `${type} ${url}`;
    if (seen.has(key)) return;
    seen.add(key);
    const before = current.find((c) => c.type === type && c.url === url);
    items.push({ type: type as WebhookTypeId, url, secret: before?.secret ?? null, lines: before?.lines ?? [] });
  });
  return { items, errors };
}

/** The set that replacing with `items` sends (the account-wide secret is kept). */
export function setOf(items: WebhookItem[], globalSecret: string | null | undefined): WebhookSet_Deserialize {
  const out: WebhookSet_Deserialize = {};
  for (const { id } of WEBHOOK_TYPES) out[id] = [];
  for (const item of items) out[item.type]!.push(entryOf(item.url, item.secret, item.lines));
  if (globalSecret) out.globalSecret = globalSecret;
  return out;
}

const REASONS: Record<number, string> = {
  200: "OK",
  201: "Created",
  202: "Accepted",
  204: "No Content",
  301: "Moved",
  302: "Found (a redirect)",
  400: "Bad Request",
  401: "Unauthorized",
  403: "Forbidden",
  404: "Not Found",
  405: "Method Not Allowed",
  408: "Request Timeout",
  413: "Too Large",
  429: "Too Many Requests",
  500: "Internal Server Error",
  502: "Bad Gateway",
  503: "Service Unavailable",
  504: "Gateway Timeout",
};

/** "200 OK", "500 Internal Server Error", "418". */
export function statusText(status: number): string {
  const reason = REASONS[status];
  return reason ? `${status} ${reason}` : String(status);
}

/** "•••••••" of a fixed length, so the mask says nothing about the secret. */
export const MASK = "••••••••";
