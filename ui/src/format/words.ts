// One set of plain words for the codes Sendblue sends, used by every page: message statuses,
// line health, how a line belongs to the account. Written for staff who don't know the API:
// an unknown code gets a general sentence, never the code itself.
import type { BadgeTone } from "../components/Badge.tsx";
import { dateTime } from "./time.ts";

export interface MessageStatusWords {
  /** A short label for a badge: "Delivered". */
  label: string;
  tone: BadgeTone;
  /** What it means, for a tooltip, screen readers or a detail view. */
  help: string;
  /** The end of "Message to Ada …": "was delivered". */
  phrase: string;
  /** On the way to the phone: 0 waiting, 1 sent, 2 delivered; -1 failed. */
  step: number;
  /** No further change is expected. */
  final: boolean;
}

const WAITING: MessageStatusWords = {
  label: "Waiting to send",
  tone: "info",
  help: "Sendblue has the message and is about to send it.",
  phrase: "is waiting to be sent",
  step: 0,
  final: false,
};
const FAILED: MessageStatusWords = { label: "Failed", tone: "danger", help: "It couldn't be sent.", phrase: "couldn't be sent", step: -1, final: true };

const MESSAGE_STATUS: Record<string, MessageStatusWords> = {
  REGISTERED: WAITING,
  PENDING: WAITING,
  QUEUED: WAITING,
  ACCEPTED: { label: "On its way", tone: "info", help: "Handed over to the phone network.", phrase: "is on its way", step: 0, final: false },
  SENT: { label: "Sent", tone: "info", help: "Sent; waiting for their phone to confirm it arrived.", phrase: "was sent", step: 1, final: false },
  DELIVERED: { label: "Delivered", tone: "success", help: "It reached their phone.", phrase: "was delivered", step: 2, final: true },
  READ: { label: "Read", tone: "success", help: "They have read it.", phrase: "was read", step: 2, final: true },
  SUCCESS: { label: "Done", tone: "success", help: "Finished without a problem.", phrase: "went through", step: 2, final: true },
  RECEIVED: { label: "Received", tone: "info", help: "They sent this to your line.", phrase: "was received", step: 2, final: true },
  DECLINED: {
    label: "Not sent",
    tone: "danger",
    help: "Sendblue refused to send it (for example, the person opted out).",
    phrase: "wasn't sent",
    step: -1,
    final: true,
  },
  ERROR: FAILED,
  FAILED,
};

/** A message's status in plain words (§2.2). */
export function messageStatusWords(status: string | null | undefined): MessageStatusWords {
  const raw = (status ?? "").trim();
  const known = MESSAGE_STATUS[raw.toUpperCase()];
  if (known) return known;
  if (raw === "") return { label: "Unknown", tone: "neutral", help: "Sendblue didn't say where this message is.", phrase: "was updated", step: 0, final: false };
  return {
    label: "Other status",
    tone: "neutral",
    help: "Sendblue reported a status the console doesn't know yet. Open the message for details.",
    phrase: "was updated",
    step: 0,
    final: false,
  };
}

export interface LineHealthWords {
  text: string;
  tone: BadgeTone;
}

/** A line's health (ONLINE, DEGRADED, OFFLINE) in plain words. */
export function lineHealthWords(status: string | null | undefined): LineHealthWords {
  switch ((status ?? "").toUpperCase()) {
    case "ONLINE":
      return { text: "Working", tone: "success" };
    case "DEGRADED":
      return { text: "Working with problems", tone: "warning" };
    case "OFFLINE":
      return { text: "Not working", tone: "danger" };
    case "":
    case "UNKNOWN":
      return { text: "Health not reported", tone: "neutral" };
    default:
      return { text: "Health unclear", tone: "neutral" };
  }
}

/** How a line belongs to the account, in words (`null` when Sendblue doesn't say). */
export function lineAssignmentWords(assignment: string | null | undefined, effectiveUntil?: string | null): string | null {
  switch (assignment ?? null) {
    case null:
      return null;
    case "assigned":
      return "Dedicated to this account";
    case "shared":
      return "Shared with other accounts";
    case "grace_period":
      return effectiveUntil ? `Being released — usable until ${dateTime(effectiveUntil)}` : "Being released";
    default:
      return "Linked to this account";
  }
}
