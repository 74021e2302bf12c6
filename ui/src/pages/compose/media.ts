// What can be attached, checked before anything is sent (§7.3 media limits, §4.7 carousels):
// a public https link that ends in the file's type, with no spaces and no expiring signature;
// at most 100 MB for iMessage (20 MB recommended) and 5 MB for SMS.
import { fileSize } from "../../format/size.ts";

export const MB = 1024 * 1024;
/** iMessage's most (and the upload limit). */
export const IMESSAGE_MAX_BYTES = 100 * MB;
/** iMessage's recommended most. */
export const IMESSAGE_RECOMMENDED_BYTES = 20 * MB;
/** SMS/MMS's most. */
export const SMS_MAX_BYTES = 5 * MB;

export const CAROUSEL_MIN = 2;
export const CAROUSEL_MAX = 20;

export type MediaKind = "picture" | "video" | "audio" | "voice memo" | "contact card" | "document";

const KINDS: Record<string, MediaKind> = {
  jpg: "picture", jpeg: "picture", png: "picture", gif: "picture", heic: "picture", heif: "picture", webp: "picture", bmp: "picture", tif: "picture", tiff: "picture",
  mp4: "video", mov: "video", m4v: "video", "3gp": "video", webm: "video", avi: "video",
  mp3: "audio", m4a: "audio", aac: "audio", wav: "audio", amr: "audio", ogg: "audio", opus: "audio",
  caf: "voice memo",
  vcf: "contact card", vcard: "contact card",
};

/** Picture types a carousel shows. */
const CAROUSEL_TYPES = new Set(["jpg", "jpeg", "png", "gif", "heic", "heif", "webp"]);

/** Query parameters that mark a link as signed (it expires, so Sendblue can't send it). */
const SIGNATURE = /(^|[?&])(x-amz-signature|x-amz-credential|x-goog-signature|signature|sig|se|expires|token)=/i;

export interface MediaLink {
  url: string;
  /** The file's name from the link's path. */
  fileName: string;
  /** Its type (extension, lower case). */
  extension: string;
  kind: MediaKind;
}

export type LinkCheck = { ok: true; link: MediaLink } | { ok: false; error: string; signed?: boolean };

function isLoopback(host: string): boolean {
  return host === "localhost" || host === "127.0.0.1" || host === "[::1]";
}

/** Checks a media link typed by a person; the error says what to do, in plain words. */
export function checkMediaUrl(raw: string): LinkCheck {
  const text = raw.trim();
  if (text === "") return { ok: false, error: "Paste the link to the file." };
  if (/\s/.test(text)) return { ok: false, error: "The link has a space in it. Copy the whole link again, without spaces." };
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return { ok: false, error: "This isn't a web link. It should start with https://" };
  }
  const secure = url.protocol === "https:" || (url.protocol === "http:" && isLoopback(url.hostname));
  if (!secure) return { ok: false, error: "The link must be a secure one that starts with https://" };
  if (SIGNATURE.test(url.search)) {
    return {
      ok: false,
      signed: true,
      error: "This link expires (it is signed), so Sendblue can't send it as is. Store a copy on Sendblue first, or attach the file instead.",
    };
  }
  const fileName = decodeURIComponent(url.pathname.split("/").pop() ?? "");
  const dot = fileName.lastIndexOf(".");
  const extension = dot > 0 ? fileName.slice(dot + 1).toLowerCase() : "";
  if (!extension || !/^[a-z0-9]{1,8}$/.test(extension)) {
    return { ok: false, error: "The link must end with the file's type, like .jpg, .png, .mp4 or .pdf." };
  }
  return { ok: true, link: { url: url.toString(), fileName, extension, kind: KINDS[extension] ?? "document" } };
}

/** Checks one carousel picture link: like any media link, and it must be a picture. */
export function checkCarouselUrl(raw: string): string | null {
  const checked = checkMediaUrl(raw);
  if (!checked.ok) return checked.error;
  if (!CAROUSEL_TYPES.has(checked.link.extension)) {
    return "A carousel shows pictures only: use .jpg, .png, .gif, .heic or .webp files.";
  }
  return null;
}

/** Why a carousel of `count` pictures can't go, or `null`. */
export function carouselCountError(count: number): string | null {
  if (count < CAROUSEL_MIN) return `A carousel needs at least ${CAROUSEL_MIN} pictures. For one picture, attach it to a normal message.`;
  if (count > CAROUSEL_MAX) return `A carousel holds at most ${CAROUSEL_MAX} pictures; remove ${count - CAROUSEL_MAX}.`;
  return null;
}

export const formatSize = fileSize;

/** The service a message would go by, as far as the page knows. */
export type ServiceGuess = "iMessage" | "SMS" | "RCS" | "unknown";

export interface SizeCheck {
  /** Blocks the send. */
  error: string | null;
  /** Worth knowing, but the send may go. */
  warning: string | null;
}

/** The §7.3 size rules for a file of `bytes` going by `service`. */
export function checkMediaSize(bytes: number, service: ServiceGuess): SizeCheck {
  const size = formatSize(bytes);
  if (bytes > IMESSAGE_MAX_BYTES) {
    return { error: `This file is ${size}; Sendblue takes files up to 100 MB. Choose a smaller file.`, warning: null };
  }
  if (bytes > SMS_MAX_BYTES) {
    if (service === "SMS") {
      return { error: `This file is ${size}; text messages (SMS) carry files up to 5 MB. Choose a smaller file.`, warning: null };
    }
    if (service === "unknown" || service === "RCS") {
      return { error: null, warning: `This file is ${size}. If the message goes as a text message (SMS), files over 5 MB won't arrive.` };
    }
  }
  if (bytes > IMESSAGE_RECOMMENDED_BYTES) {
    return { error: null, warning: `This file is ${size}; files over 20 MB can be slow to arrive.` };
  }
  return { error: null, warning: null };
}

/** A warning about the file's type for SMS (MMS carries pictures, videos, audio and cards). */
export function typeWarning(kind: MediaKind, service: ServiceGuess): string | null {
  if (kind === "document" && service === "SMS") {
    return "Text messages (SMS) carry pictures, videos, audio and contact cards; this file may not arrive.";
  }
  return null;
}
