import { Field } from "../../components/Field.tsx";
import { EFFECTS } from "./effects.ts";
import type { ServiceGuess } from "./media.ts";

export interface EffectPickerProps {
  value: string;
  onChange: (value: string) => void;
  service: ServiceGuess;
}

/** An iMessage effect ("Slam", "Confetti"…); other services ignore it, and the hint says so. */
export function EffectPicker({ value, onChange, service }: EffectPickerProps) {
  const hint =
    service === "SMS" || service === "RCS"
      ? `Effects show on iMessage only. This person gets ${service}, so the message arrives without it.`
      : "Effects show on iMessage only (iPhones, iPads and Macs); other phones get the message without it.";
  return (
    <Field label="Effect" hint={hint} testId="compose-effect">
      {(control) => (
        <select {...control} className="input select" value={value} onChange={(e) => onChange(e.target.value)}>
          <option value="">No effect</option>
          <optgroup label="Bubble effects">
            {EFFECTS.filter((e) => e.group === "bubble").map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </optgroup>
          <optgroup label="Full-screen effects">
            {EFFECTS.filter((e) => e.group === "screen").map((e) => (
              <option key={e.value} value={e.value}>
                {e.label}
              </option>
            ))}
          </optgroup>
        </select>
      )}
    </Field>
  );
}
