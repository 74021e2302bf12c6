// Everything checked before a message leaves: who gets it, what it says, what is attached and
// which line sends it. Messages are for people who don't know the API.
import { phoneRules, type PhoneRules } from "../settings/countries.ts";
import { carouselCountError, checkCarouselUrl } from "./media.ts";
import { MAX_CONTENT_CHARS } from "./segments.ts";

/** A group chat holds at most this many people (§4.2). */
export const GROUP_MAX = 25;

export type GroupAction = "send" | "create";

export interface ComposeDraft {
  /** Recipients already added (E.164). */
  recipients: readonly string[];
  /** What is still typed in the recipient box. */
  pending: string;
  groupAction: GroupAction;
  text: string;
  /** The attachment's problem (size, link), already worked out by the page. */
  mediaError: string | null;
  hasMedia: boolean;
  /** The carousel's picture links, when a carousel is being sent. */
  carousel: readonly string[] | null;
  line: string;
  /** How typed numbers are read (Settings' default country, `usePhoneRules()`); US rules when left out. */
  phone?: PhoneRules;
}

export type ComposeField = "recipient" | "text" | "media" | "carousel" | "line";

export interface ComposeCheck {
  errors: Partial<Record<ComposeField, string>>;
  /** Everyone who gets it, E.164, in order, without repeats. */
  recipients: string[];
}

/** The recipients of a draft: the added ones and a whole number still in the box. */
export function resolveRecipients(recipients: readonly string[], pending: string, phone: PhoneRules = phoneRules("US")): string[] {
  const all = [...recipients];
  const typed = phone.toE164(pending);
  if (typed && !all.includes(typed)) all.push(typed);
  return all;
}

export function validateDraft(draft: ComposeDraft): ComposeCheck {
  const errors: ComposeCheck["errors"] = {};
  const phone = draft.phone ?? phoneRules("US");
  const recipients = resolveRecipients(draft.recipients, draft.pending, phone);
  const pending = draft.pending.trim();

  if (pending !== "" && phone.toE164(pending) === null) {
    errors.recipient = /[a-z]/i.test(pending)
      ? "Choose the person from the suggestions, or type their phone number."
      : phone.error(pending) ?? undefined;
  } else if (recipients.length === 0) {
    errors.recipient = "Add who gets the message: type a phone number or a name.";
  } else if (recipients.length > GROUP_MAX) {
    errors.recipient = `A group can have at most ${GROUP_MAX} people; remove ${recipients.length - GROUP_MAX}.`;
  }

  const creating = recipients.length > 1 && draft.groupAction === "create";
  const characters = Array.from(draft.text).length;
  if (characters > MAX_CONTENT_CHARS) {
    errors.text = `The message is ${characters.toLocaleString()} characters long; the most is ${MAX_CONTENT_CHARS.toLocaleString()}.`;
  }

  if (draft.carousel) {
    if (recipients.length > 1) errors.carousel = "A carousel goes to one person at a time. Remove the others, or turn the carousel off.";
    else {
      const count = carouselCountError(draft.carousel.length);
      const bad = draft.carousel.map(checkCarouselUrl).find((e) => e !== null);
      if (count) errors.carousel = count;
      else if (bad) errors.carousel = bad;
    }
    if (draft.text.trim() !== "") errors.text = "A carousel is sent without text. Remove the text, or send it as its own message.";
  } else if (!creating) {
    if (draft.mediaError) errors.media = draft.mediaError;
    else if (draft.text.trim() === "" && !draft.hasMedia && !errors.text) errors.text = "Write a message or attach a file.";
  }

  if (draft.line === "") errors.line = "Choose the line to send from.";
  return { errors, recipients };
}
