// The contact card's fields and their checks. The reference (§15) sets no lengths; the console
// caps each name at NAME_MAX characters so a card stays readable on a phone.

export const NAME_MAX = 100;

export interface CardFields {
  firstName: string;
  lastName: string;
  displayName: string;
  photoUrl: string;
}

export type CardErrors = Partial<Record<keyof CardFields, string>>;

/** Why a photo address can't be used (`null`: it can, or it is empty). */
export function photoUrlError(raw: string): string | null {
  const text = raw.trim();
  if (text === "") return null;
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return "That isn't a web address. Use a direct link to a JPEG or PNG picture, like https://example.com/logo.png.";
  }
  if (url.protocol === "https:" && url.hostname !== "") return null;
  if (url.protocol === "http:" && (url.hostname === "localhost" || url.hostname === "127.0.0.1")) return null;
  return "The picture's address must start with https:// (plain http:// only works for this computer).";
}

export function cardErrors(fields: CardFields): CardErrors {
  const errors: CardErrors = {};
  const first = fields.firstName.trim();
  const last = fields.lastName.trim();
  if (first === "" && last === "") errors.firstName = "Give the card a first or last name — it's what people see.";
  const long = (value: string, what: string) =>
    value.trim().length > NAME_MAX ? `${what} can be at most ${NAME_MAX} characters (this one has ${value.trim().length}).` : null;
  const firstLong = long(fields.firstName, "The first name");
  if (firstLong) errors.firstName = firstLong;
  const lastLong = long(fields.lastName, "The last name");
  if (lastLong) errors.lastName = lastLong;
  const displayLong = long(fields.displayName, "The display name");
  if (displayLong) errors.displayName = displayLong;
  const photo = photoUrlError(fields.photoUrl);
  if (photo) errors.photoUrl = photo;
  return errors;
}

/** Up to two initials for the card's round picture when there is no photo. */
export function initialsOf(fields: Pick<CardFields, "firstName" | "lastName" | "displayName">): string {
  const words = [fields.firstName, fields.lastName].map((w) => w.trim()).filter(Boolean);
  const source = words.length > 0 ? words : fields.displayName.trim().split(/\s+/).filter(Boolean);
  return source
    .slice(0, 2)
    .map((w) => Array.from(w)[0]!.toUpperCase())
    .join("");
}
