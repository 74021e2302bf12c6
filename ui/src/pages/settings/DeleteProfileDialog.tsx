import { useRef } from "react";
import type { ProfileView_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useDeleteProfile } from "../../hooks/useDeleteProfile.ts";

export interface DeleteProfileDialogProps {
  /** The profile to delete; the dialog is closed when null. */
  view: ProfileView_Serialize | null;
  onClose: () => void;
}

/** Asks before deleting a profile; Cancel has the focus so Enter doesn't delete by accident. */
export function DeleteProfileDialog({ view, onClose }: DeleteProfileDialogProps) {
  const cancelRef = useRef<HTMLButtonElement>(null);
  const deleteProfile = useDeleteProfile();
  const toast = useToast();

  const close = () => {
    deleteProfile.reset();
    onClose();
  };

  function confirm() {
    if (!view) return;
    deleteProfile.mutate(view.profile.id, {
      onSuccess: () => {
        toast.show({ tone: "success", title: `Profile “${view.profile.name}” deleted.` });
        close();
      },
    });
  }

  return (
    <Dialog
      open={view !== null}
      onClose={close}
      title={view ? `Delete “${view.profile.name}”?` : ""}
      initialFocus={cancelRef}
      testId="profile-delete-dialog"
      description={
        <>
          <p>
            The console forgets this profile and removes its API secret from this computer. Nothing
            changes in the Sendblue account itself.
          </p>
          {view?.active && <p>It is the profile in use: the console switches to another one.</p>}
        </>
      }
      footer={
        <>
          <Button ref={cancelRef} variant="ghost" onClick={close} disabled={deleteProfile.isPending}>
            Cancel
          </Button>
          <Button variant="danger" onClick={confirm} busy={deleteProfile.isPending} data-testid="profile-delete-confirm">
            Delete profile
          </Button>
        </>
      }
    >
      {deleteProfile.error && (
        <p className="form-outcome__error" role="alert" data-testid="profile-delete-error">
          {deleteProfile.error.message}
        </p>
      )}
    </Dialog>
  );
}
