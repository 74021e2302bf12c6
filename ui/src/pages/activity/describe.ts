// Activity items in plain words: their kind for the filter, a sentence anyone can read, the
// moment they happened, and who they are about. Pure functions, tested on their own.
import type { Activity_Serialize, ConnectionState } from "../../bindings.gen.ts";
import { lineHealthWords, messageStatusWords } from "../../format/words.ts";
import { relativeTime } from "../../format/time.ts";
import { personName } from "../../format/contact.ts";
import { prettyNumber } from "../../format/phone.ts";

export { relativeTime };

/** The filter's kinds. */
export type ActivityKind = "in" | "out" | "contacts" | "typing" | "lines" | "other";

export const ACTIVITY_KINDS: ReadonlyArray<{ value: ActivityKind; label: string }> = [
  { value: "in", label: "Messages in" },
  { value: "out", label: "Messages out" },
  { value: "contacts", label: "Contacts" },
  { value: "typing", label: "Typing" },
  { value: "lines", label: "Lines" },
  { value: "other", label: "Other" },
];

/** The filter kind of an item; `null` for connection changes (the indicator shows those). */
export function kindOf(activity: Activity_Serialize): ActivityKind | null {
  switch (activity.kind) {
    case "message_received":
      return "in";
    case "message_created":
    case "message_updated":
      return "out";
    case "contact_created":
      return "contacts";
    case "typing":
      return "typing";
    case "line_changed":
      return "lines";
    case "connection_state":
      return null;
    default:
      return "other";
  }
}

/** The other party's number, for the conversation and contact links. */
export function numberOf(activity: Activity_Serialize): string | null {
  switch (activity.kind) {
    case "message_received":
    case "message_created":
    case "message_updated":
    case "typing":
      return activity.data.number ?? null;
    case "contact_created":
      return activity.data.phone;
    default:
      return null;
  }
}

/** When it happened (ISO 8601) as the item says, if it says. */
export function occurredAt(activity: Activity_Serialize): string | null {
  switch (activity.kind) {
    case "message_received":
    case "message_created":
    case "message_updated":
      return activity.data.updated_at ?? null;
    case "contact_created":
      return activity.data.created_at ?? null;
    case "typing":
    case "line_changed":
    case "other":
      return activity.data.occurred_at ?? null;
    default:
      return null;
  }
}

export { prettyNumber };

/** "Ada Lovelace (+1 415 555 0123)", or the number alone when there's no name. */
export function who(number: string | null, name: string | null): string {
  if (!number) return name ?? "Someone";
  return name ? `${name} (${prettyNumber(number)})` : prettyNumber(number);
}

function statusWords(status: string | null): string {
  return messageStatusWords(status).phrase;
}

const LINE_CHANGES: Record<string, string> = {
  assigned: "was added to the account",
  unassigned: "was removed from the account",
  status_changed: "changed health",
  blocked: "was blocked",
  snapshot: "changed while the console was disconnected",
};

/** One sentence about the item. `name` is the contact's name for its number, when known. */
export function sentence(activity: Activity_Serialize, name: string | null): string {
  switch (activity.kind) {
    case "message_received": {
      const text = activity.data.content?.trim();
      const from = who(activity.data.number, name);
      return text ? `${from} sent: ${text}` : `${from} sent a message`;
    }
    case "message_created":
    case "message_updated": {
      const to = who(activity.data.number, name);
      const base = `Message to ${to} ${statusWords(activity.data.status)}`;
      const failed = activity.data.error_message?.trim();
      return failed ? `${base}: ${failed}` : base;
    }
    case "contact_created": {
      const own = personName(activity.data);
      return `New contact: ${who(activity.data.phone, own || name)}`;
    }
    case "typing": {
      const person = who(activity.data.number, name);
      return activity.data.is_typing ? `${person} is typing…` : `${person} stopped typing`;
    }
    case "line_changed": {
      const line = activity.data.sendblue_number ? `Line ${prettyNumber(activity.data.sendblue_number)}` : "A line";
      const change = LINE_CHANGES[activity.data.change] ?? "changed";
      const status = activity.data.status ? ` (now: ${lineHealthWords(activity.data.status).text.toLowerCase()})` : "";
      return `${line} ${change}${status}`;
    }
    case "other":
      return `Something else happened on the account (${eventWords(activity.data.event_type)})`;
    case "connection_state":
      return `Live updates: ${connectionWords(activity.data)}`;
    default:
      return "Something happened on the account";
  }
}

/** The connection in plain words. */
export function connectionWords(state: ConnectionState | undefined, now = Date.now(), since = now): string {
  if (!state) return "Connecting…";
  switch (state.state) {
    case "live":
      return "Connected live";
    case "connecting":
      return "Connecting…";
    case "reconnecting": {
      const left = Math.max(0, Math.ceil((state.retry_in_ms - (now - since)) / 1000));
      return `Reconnecting in ${left} s (${state.reason})`;
    }
    case "polling":
      return `Checking for news every few seconds (${state.reason})`;
    case "stopped":
      return "Not following the account";
    default:
      return "Connecting…";
  }
}

/** An event type Sendblue sent that the console has no sentence for: "call_forwarding.updated" → "call forwarding updated". */
function eventWords(eventType: string): string {
  const trimmed = eventType.trim();
  if (trimmed === "") return "an update";
  return /^[a-z0-9._-]+$/i.test(trimmed) ? trimmed.replace(/[._-]+/g, " ").toLowerCase() : trimmed;
}
