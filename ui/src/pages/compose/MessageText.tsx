import { Field } from "../../components/Field.tsx";
import type { ServiceGuess } from "./media.ts";
import { countText, MAX_CONTENT_CHARS } from "./segments.ts";

export interface MessageTextProps {
  value: string;
  onChange: (value: string) => void;
  service: ServiceGuess;
  error?: string | null;
  disabled?: boolean;
}

/** The counter under the text: characters always; SMS parts when it may go as SMS. */
export function counterText(text: string, service: ServiceGuess): string {
  const count = countText(text);
  const characters = `${count.characters.toLocaleString()} / ${MAX_CONTENT_CHARS.toLocaleString()} characters`;
  if (service !== "SMS" && service !== "unknown") return characters;
  if (count.segments === 0) return characters;
  const parts = `${count.segments} SMS ${count.segments === 1 ? "part" : "parts"}`;
  const alphabet = count.encoding === "UCS-2" ? ` · special characters (${count.nonGsm.slice(0, 3).join(" ")}) allow ${count.perSegment} per part` : "";
  return `${characters} · ${parts} (${count.remaining} left in this part)${alphabet}`;
}

export function MessageText({ value, onChange, service, error, disabled }: MessageTextProps) {
  const count = countText(value);
  const showParts = service === "SMS" || service === "unknown";
  return (
    <Field
      label="Message"
      error={error}
      testId="compose-text"
      hint={
        <span data-testid="compose-counter" data-segments={count.segments} data-encoding={count.encoding} aria-live="polite">
          {counterText(value, service)}
          {showParts && count.segments > 1 && <span className="visually-hidden"> Each part may be charged as one text message.</span>}
        </span>
      }
    >
      {(control) => (
        <textarea
          {...control}
          className="input compose-text"
          rows={5}
          value={value}
          disabled={disabled}
          placeholder="Write your message"
          onChange={(e) => onChange(e.target.value)}
        />
      )}
    </Field>
  );
}
