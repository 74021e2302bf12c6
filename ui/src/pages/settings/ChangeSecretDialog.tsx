import { useRef, useState, type FormEvent } from "react";
import type { AppError_Serialize, Profile } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { Input } from "../../components/Input.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useSetProfileSecret } from "../../hooks/useSetProfileSecret.ts";
import { MESSAGES } from "./profileValidation.ts";

export interface ChangeSecretDialogProps {
  /** The profile whose secret changes; the dialog is closed when null. */
  profile: Profile | null;
  onClose: () => void;
}

/** Replaces a saved profile's API secret. The old one is never shown. */
export function ChangeSecretDialog({ profile, onClose }: ChangeSecretDialogProps) {
  return (
    <Dialog
      open={profile !== null}
      onClose={onClose}
      title={profile ? `Change the secret of “${profile.name}”` : ""}
      description="Paste the new API secret from your Sendblue dashboard. It replaces the saved one in your system keychain."
      testId="profile-secret-dialog"
    >
      {profile && <ChangeSecretForm key={profile.id} profile={profile} onClose={onClose} />}
    </Dialog>
  );
}

function ChangeSecretForm({ profile, onClose }: { profile: Profile; onClose: () => void }) {
  const [secret, setSecret] = useState("");
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [failure, setFailure] = useState<AppError_Serialize | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const setProfileSecret = useSetProfileSecret();
  const toast = useToast();

  function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!secret.trim()) {
      setFieldError(MESSAGES.secretEmpty);
      inputRef.current?.focus();
      return;
    }
    setFailure(null);
    setProfileSecret.mutate(
      { profileId: profile.id, secret },
      {
        onSuccess: () => {
          toast.show({ tone: "success", title: `The secret of “${profile.name}” was changed.` });
          onClose();
        },
        onError: (error) => {
          if (error.field === "secret") setFieldError(error.message);
          else setFailure(error.appError);
        },
      },
    );
  }

  return (
    <form data-testid="profile-secret-form" onSubmit={onSubmit} noValidate>
      <Input
        ref={inputRef}
        label="New API secret"
        testId="profile-secret"
        type="password"
        value={secret}
        onChange={(e) => {
          setSecret(e.target.value);
          setFieldError(null);
          setFailure(null);
        }}
        error={fieldError}
        autoComplete="new-password"
        spellCheck={false}
        autoFocus
      />
      {failure && (
        <p className="form-outcome__error" role="alert" data-testid="profile-form-error" data-code={failure.code}>
          {failure.message}
        </p>
      )}
      <div className="dialog__footer">
        <Button variant="ghost" onClick={onClose} disabled={setProfileSecret.isPending}>
          Cancel
        </Button>
        <Button variant="primary" type="submit" data-testid="profile-form-save" busy={setProfileSecret.isPending}>
          Save secret
        </Button>
      </div>
    </form>
  );
}
