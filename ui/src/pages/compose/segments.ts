// How a text counts for SMS: which alphabet it needs and how many parts (segments) it is split
// into. A text made only of the GSM 7-bit alphabet fits 160 characters in one part, or 153 per
// part when it needs several; anything else (emoji, most accents, other scripts) is sent as
// UCS-2: 70 in one part, 67 per part. The API's own limit is in characters (code points).

/** The most characters Sendblue takes in one message (§4.1). */
export const MAX_CONTENT_CHARS = 18_996;

/** The GSM 03.38 basic alphabet: one septet each. */
const GSM_BASIC =
  "@£$¥èéùìòÇ\nØø\rÅåΔ_ΦΓΛΩΠΨΣΘΞÆæßÉ !\"#¤%&'()*+,-./0123456789:;<=>?" +
  "¡ABCDEFGHIJKLMNOPQRSTUVWXYZÄÖÑÜ§¿abcdefghijklmnopqrstuvwxyzäöñüà";
/** The extension table: an escape plus the character, two septets each. */
const GSM_EXTENDED = "^{}\\[~]|€\f";

const BASIC = new Set(GSM_BASIC);
const EXTENDED = new Set(GSM_EXTENDED);

export type Encoding = "GSM-7" | "UCS-2";

export interface TextCount {
  /** Characters as Sendblue counts them (code points). */
  characters: number;
  encoding: Encoding;
  /** Units used: septets for GSM-7, UTF-16 code units for UCS-2. */
  units: number;
  /** How many SMS parts the text takes (0 for an empty text). */
  segments: number;
  /** Units one part holds at this length (160/153 or 70/67). */
  perSegment: number;
  /** Units left in the last part before another one starts. */
  remaining: number;
  /** The characters that forced UCS-2 (distinct, in order of appearance). */
  nonGsm: string[];
}

/** Counts `text` for SMS: characters, alphabet and parts. */
export function countText(text: string): TextCount {
  const chars = Array.from(text);
  const nonGsm: string[] = [];
  for (const c of chars) {
    if (!BASIC.has(c) && !EXTENDED.has(c) && !nonGsm.includes(c)) nonGsm.push(c);
  }
  const encoding: Encoding = nonGsm.length === 0 ? "GSM-7" : "UCS-2";
  // The cost of each character, which a part boundary never splits (an escape pair, a
  // surrogate pair).
  const costs = chars.map((c) => (encoding === "GSM-7" ? (EXTENDED.has(c) ? 2 : 1) : c.length));
  const units = costs.reduce((sum, n) => sum + n, 0);
  const single = encoding === "GSM-7" ? 160 : 70;
  const multi = encoding === "GSM-7" ? 153 : 67;

  if (units === 0) return { characters: 0, encoding, units, segments: 0, perSegment: single, remaining: single, nonGsm };
  if (units <= single) {
    return { characters: chars.length, encoding, units, segments: 1, perSegment: single, remaining: single - units, nonGsm };
  }
  let segments = 1;
  let used = 0;
  for (const cost of costs) {
    if (used + cost > multi) {
      segments += 1;
      used = 0;
    }
    used += cost;
  }
  return { characters: chars.length, encoding, units, segments, perSegment: multi, remaining: multi - used, nonGsm };
}
