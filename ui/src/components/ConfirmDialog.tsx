import type { ReactNode } from "react";
import { Button } from "./Button.tsx";
import { Dialog } from "./Dialog.tsx";

export interface ConfirmDialogProps {
  open: boolean;
  /** Cancel, Esc and the backdrop. */
  onCancel: () => void;
  onConfirm: () => void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** The confirm button's words: say what happens ("Delete contact"), never just "OK". */
  confirmLabel: ReactNode;
  cancelLabel?: ReactNode;
  /** `danger` for what can't be undone (the default), `primary` otherwise. */
  tone?: "danger" | "primary";
  /** The confirm button shows it is working (and can't be pressed twice). */
  busy?: boolean;
  /** Shown next to the buttons while busy ("Collecting the contacts: 500 of 2,000…"). */
  progress?: ReactNode;
  testId?: string;
  confirmTestId?: string;
  cancelTestId?: string;
}

/** The one confirmation dialog for destructive or costly actions: a question, Cancel, and a named action. */
export function ConfirmDialog({
  open,
  onCancel,
  onConfirm,
  title,
  description,
  children,
  confirmLabel,
  cancelLabel = "Cancel",
  tone = "danger",
  busy = false,
  progress,
  testId,
  confirmTestId,
  cancelTestId,
}: ConfirmDialogProps) {
  return (
    <Dialog
      open={open}
      onClose={onCancel}
      title={title}
      description={description}
      testId={testId}
      footer={
        <>
          {progress}
          <Button onClick={onCancel} data-testid={cancelTestId}>
            {cancelLabel}
          </Button>
          <Button variant={tone} busy={busy} onClick={onConfirm} data-testid={confirmTestId}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
    </Dialog>
  );
}
