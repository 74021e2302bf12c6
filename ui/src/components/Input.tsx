import { useId, type InputHTMLAttributes, type ReactNode, type Ref } from "react";
import { cx } from "./cx.ts";

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
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = cx(hint != null && hintId, error && errorId) || undefined;
  return (
    <div className={cx("field", error && "field--invalid", className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        {...rest}
      />
      {hint != null && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={errorId} className="field__error" data-testid={testId ? `${testId}-error` : undefined}>
          {error}
        </p>
      )}
    </div>
  );
}
