import { useId, type ReactNode } from "react";
import { cx } from "./cx.ts";

/** What a control inside a [`Field`] needs to be labelled and described. */
export interface FieldControlProps {
  id: string;
  "aria-invalid": true | undefined;
  "aria-describedby": string | undefined;
  "data-testid": string | undefined;
}

export interface FieldProps {
  label: string;
  /** Shown under the control in plain words; marks it invalid. */
  error?: string | null;
  hint?: ReactNode;
  /** `data-testid` of the control; the error text gets `<testId>-error`. */
  testId?: string;
  className?: string;
  children: (control: FieldControlProps) => ReactNode;
}

/** The label, hint and error around one form control, wired for screen readers. */
export function Field({ label, error, hint, testId, className, children }: FieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  return (
    <div className={cx("field", error && "field--invalid", className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {children({
        id,
        "aria-invalid": error ? true : undefined,
        "aria-describedby": cx(hint != null && hintId, error && errorId) || undefined,
        "data-testid": testId,
      })}
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
