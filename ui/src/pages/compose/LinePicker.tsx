import { Field } from "../../components/Field.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { lineStatusText, type SendLine } from "./lines.ts";

export interface LinePickerProps {
  lines: SendLine[] | undefined;
  loading: boolean;
  failed: boolean;
  value: string;
  onChange: (value: string) => void;
  /** The contact's own line, marked in the list. */
  contactLine: string | null;
  error?: string | null;
}

/** "Send from": one of the account's lines, with its health in words. */
export function LinePicker({ lines, loading, failed, value, onChange, contactLine, error }: LinePickerProps) {
  if (loading) return <Skeleton width="16rem" height="2.4rem" label="Loading the lines…" />;
  const chosen = lines?.find((l) => l.number === value);
  const problem =
    error ??
    (failed ? "The lines couldn't be loaded. Check the connection and open this page again." : lines?.length === 0 ? "This account has no lines to send from yet." : null);
  const hint =
    chosen && chosen.status && chosen.status !== "ONLINE"
      ? `This line is ${lineStatusText(chosen.status).toLowerCase()}; messages may wait until it is back.`
      : "The phone number the message comes from.";
  return (
    <Field label="Send from" testId="compose-line" error={problem} hint={hint}>
      {(control) => (
        <select {...control} className="input select" value={value} onChange={(e) => onChange(e.target.value)} disabled={!lines || lines.length === 0}>
          {(lines ?? []).map((line) => (
            <option key={line.number} value={line.number}>
              {line.number} — {lineStatusText(line.status)}
              {line.number === contactLine ? " (their usual line)" : ""}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
