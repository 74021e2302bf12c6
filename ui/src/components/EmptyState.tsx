import type { ReactNode } from "react";

export interface EmptyStateProps {
  title: string;
  children?: ReactNode;
  /** What the person can do about it (a button or link). */
  action?: ReactNode;
  testId?: string;
}

export function EmptyState({ title, children, action, testId }: EmptyStateProps) {
  return (
    <div className="empty-state" data-testid={testId}>
      <p className="empty-state__title">{title}</p>
      {children != null && <div className="empty-state__body">{children}</div>}
      {action != null && <div className="empty-state__action">{action}</div>}
    </div>
  );
}
