import type { InputHTMLAttributes, ReactNode, Ref } from "react";
import { Field } from "./Field.tsx";

export interface InputProps extends Omit<InputHTMLAttributes<HTMLInputElement>, "id"> {
  label: string;
  /** Shown under the input in plain words; marks the input invalid. */
  error?: string | null;
  hint?: ReactNode;
  /** `data-testid` of the input; the error text gets `<testId>-error`. */
  testId?: string;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled text input with its hint and error text wired for screen readers. */
export function Input({ label, error, hint, testId, className, ...rest }: InputProps) {
  return (
    <Field label={label} error={error} hint={hint} testId={testId} className={className}>
      {(control) => <input className="input" {...control} {...rest} />}
    </Field>
  );
}
