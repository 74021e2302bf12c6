import type { ReactNode, Ref, SelectHTMLAttributes } from "react";
import { Field } from "./Field.tsx";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "id"> {
  label: string;
  options: readonly SelectOption[];
  error?: string | null;
  hint?: ReactNode;
  /** `data-testid` of the select; the error text gets `<testId>-error`. */
  testId?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled native select: keyboard and screen-reader behaviour come for free. */
export function Select({ label, options, error, hint, testId, className, ...rest }: SelectProps) {
  return (
    <Field label={label} error={error} hint={hint} testId={testId} className={className}>
      {(control) => (
        <select className="input select" {...control} {...rest}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}
