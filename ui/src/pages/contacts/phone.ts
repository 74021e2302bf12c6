// US phone numbers as people type them, and the E.164 form the API wants. These are the US rules
// only: phone fields use `usePhoneRules()` (hooks/usePhoneRules.ts), which follows Settings'
// default country and falls back to these rules for the US.

export const DEFAULT_COUNTRY_CODE = "1";

/** Formats what was typed: national US numbers as "(415) 555-0123", international ones kept as "+…". */
export function formatPhoneInput(raw: string): string {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) return `+${digits.slice(0, 15)}`;
  const national = digits.length === 11 && digits.startsWith("1") ? digits.slice(1) : digits.slice(0, 10);
  if (national.length === 0) return "";
  if (national.length < 4) return `(${national}`;
  if (national.length < 7) return `(${national.slice(0, 3)}) ${national.slice(3)}`;
  return `(${national.slice(0, 3)}) ${national.slice(3, 6)}-${national.slice(6)}`;
}

/** The E.164 form of what was typed, or `null` when it isn't a whole phone number. */
export function toE164(raw: string): string | null {
  const trimmed = raw.trim();
  const digits = trimmed.replace(/\D/g, "");
  if (trimmed.startsWith("+")) {
    return /^[1-9]\d{7,14}$/.test(digits) ? `+${digits}` : null;
  }
  if (digits.length === 10 && /^[2-9]/.test(digits)) return `+${DEFAULT_COUNTRY_CODE}${digits}`;
  if (digits.length === 11 && digits.startsWith("1") && /^[2-9]/.test(digits.slice(1))) return `+${digits}`;
  return null;
}

/** Why a typed number can't be used, in plain words (`null`: it can). */
export function phoneError(raw: string): string | null {
  if (raw.trim() === "") return "Enter a phone number.";
  if (toE164(raw) === null) {
    return 'This isn\'t a whole phone number. Type a US number like (415) 555-0123, or start with + and the country code.';
  }
  return null;
}
