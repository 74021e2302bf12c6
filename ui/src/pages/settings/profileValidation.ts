import type { NewProfile, ProfileKind } from "../../bindings.gen.ts";

/** What the add-profile form holds while the person types. */
export interface ProfileFormValues {
  name: string;
  base_url: string;
  key_id: string;
  secret: string;
  kind: ProfileKind;
}

export type ProfileField = keyof ProfileFormValues;
export type FieldErrors = Partial<Record<ProfileField, string>>;

export const SENDBLUE_BASE_URL = "https://api.sendblue.co";

export const EMPTY_PROFILE_FORM: ProfileFormValues = {
  name: "",
  base_url: SENDBLUE_BASE_URL,
  key_id: "",
  secret: "",
  kind: "Live",
};

const LOOPBACK_HOSTS = new Set(["127.0.0.1", "localhost"]);

export const MESSAGES = {
  nameEmpty: "Give the profile a name, for example “Acme Live”.",
  baseUrlEmpty: `Enter the API address. For a Sendblue account it is ${SENDBLUE_BASE_URL}`,
  baseUrlScheme: `The address must start with https://, for example ${SENDBLUE_BASE_URL}`,
  baseUrlHttp:
    "The address must start with https://. Plain http:// is only allowed for a server on this computer (localhost or 127.0.0.1).",
  baseUrlInvalid: `That isn't a web address. It should look like ${SENDBLUE_BASE_URL}`,
  keyIdEmpty: "Enter the API key id. You'll find it in your Sendblue dashboard under API keys.",
  secretEmpty: "Enter the API secret that belongs to this key id.",
} as const;

/** Checks the base URL the way the backend does: HTTPS, or plain HTTP on this computer only. */
export function baseUrlProblem(raw: string): string | null {
  const value = raw.trim();
  if (!value) return MESSAGES.baseUrlEmpty;
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(value)?.[1]?.toLowerCase();
  if (scheme !== "https" && scheme !== "http") return MESSAGES.baseUrlScheme;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return MESSAGES.baseUrlInvalid;
  }
  if (!url.hostname) return MESSAGES.baseUrlInvalid;
  if (scheme === "http" && !LOOPBACK_HOSTS.has(url.hostname.toLowerCase())) return MESSAGES.baseUrlHttp;
  return null;
}

/** Every problem with the form, by field; empty when it can be sent. */
export function validateProfileForm(values: ProfileFormValues): FieldErrors {
  const errors: FieldErrors = {};
  if (!values.name.trim()) errors.name = MESSAGES.nameEmpty;
  const urlProblem = baseUrlProblem(values.base_url);
  if (urlProblem) errors.base_url = urlProblem;
  if (!values.key_id.trim()) errors.key_id = MESSAGES.keyIdEmpty;
  if (!values.secret.trim()) errors.secret = MESSAGES.secretEmpty;
  return errors;
}

export function hasErrors(errors: FieldErrors): boolean {
  return Object.keys(errors).length > 0;
}

/** The command's input: trimmed, as the backend stores it. */
export function toNewProfile(values: ProfileFormValues): NewProfile {
  return {
    name: values.name.trim(),
    base_url: values.base_url.trim(),
    key_id: values.key_id.trim(),
    secret: values.secret,
    kind: values.kind,
  };
}

const FIELDS: readonly ProfileField[] = ["name", "base_url", "key_id", "secret", "kind"];

/** The form field a backend validation error names (`AppError.detail.field`), if it is one. */
export function formField(field: string | null | undefined): ProfileField | null {
  return FIELDS.find((f) => f === field) ?? null;
}
