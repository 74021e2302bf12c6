import { useId, type ReactNode } from "react";
import { cx } from "./cx.ts";

export interface CardProps {
  title?: ReactNode;
  /** Buttons or links shown beside the title. */
  actions?: ReactNode;
  children?: ReactNode;
  className?: string;
  testId?: string;
}

/** A titled section; the title labels the region for screen readers. */
export function Card({ title, actions, children, className, testId }: CardProps) {
  const titleId = useId();
  return (
    <section
      className={cx("card", className)}
      aria-labelledby={title != null ? titleId : undefined}
      data-testid={testId}
    >
      {(title != null || actions != null) && (
        <header className="card__header">
          {title != null && (
            <h2 id={titleId} className="card__title">
              {title}
            </h2>
          )}
          {actions != null && <div className="card__actions">{actions}</div>}
        </header>
      )}
      <div className="card__body">{children}</div>
    </section>
  );
}
