import { useId, type ReactNode, type Ref, type SelectHTMLAttributes } from "react";
import { cx } from "./cx.ts";

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
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const describedBy = cx(hint != null && hintId, error && errorId) || undefined;
  return (
    <div className={cx("field", error && "field--invalid", className)}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      <select
        id={id}
        className="input select"
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy}
        data-testid={testId}
        {...rest}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
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
