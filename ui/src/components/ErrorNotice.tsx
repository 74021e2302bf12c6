import type { ReactNode } from "react";
import type { AppError_Serialize } from "../bindings.gen.ts";
import { Button } from "./Button.tsx";

export interface ErrorNoticeProps {
  error: AppError_Serialize;
  /** Shown as a Retry button when given. */
  onRetry?: () => void;
  retrying?: boolean;
  /** A further way out, e.g. a link to the profile settings. */
  action?: ReactNode;
  testId?: string;
}

/** A failure in plain words (the AppError's message), with a way to try again. */
export function ErrorNotice({ error, onRetry, retrying, action, testId }: ErrorNoticeProps) {
  return (
    <div className="error-notice" role="alert" data-testid={testId} data-code={error.code}>
      <p className="error-notice__message">{error.message}</p>
      {(onRetry || action) && (
        <div className="error-notice__actions">
          {onRetry && (
            <Button size="sm" onClick={onRetry} busy={retrying}>
              Retry
            </Button>
          )}
          {action}
        </div>
      )}
    </div>
  );
}
