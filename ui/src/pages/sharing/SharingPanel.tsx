import { useState, type FormEvent } from "react";
import type { AppError_Serialize, SharingState_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { Input } from "../../components/Input.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useDeleteSharingProfile } from "../../hooks/useDeleteSharingProfile.ts";
import { usePickAndUploadMedia } from "../../hooks/usePickAndUploadMedia.ts";
import { useSetSharingProfile } from "../../hooks/useSetSharingProfile.ts";
import { toAppError } from "../../ipc.ts";
import { CardPreview } from "./CardPreview.tsx";
import { SharePanel } from "./SharePanel.tsx";
import { cardErrors, type CardErrors, type CardFields } from "./sharingRules.ts";

export interface Outcome {
  ok: boolean;
  text: string;
}

export interface SharingPanelProps {
  line: string;
  state: SharingState_Serialize;
  /** Sendblue refused contact sharing for this line (a 403): the page says why. */
  onUnsupported: (error: AppError_Serialize) => void;
}

/** One line's card: edit it with a live preview, save, share into a chat, or remove it. */
export function SharingPanel({ line, state, onUnsupported }: SharingPanelProps) {
  const [fields, setFields] = useState<CardFields>({
    firstName: state.firstName ?? "",
    lastName: state.lastName ?? "",
    displayName: state.displayName ?? "",
    photoUrl: "",
  });
  const [clearPhoto, setClearPhoto] = useState(false);
  const [errors, setErrors] = useState<CardErrors>({});
  const [outcome, setOutcome] = useState<Outcome | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [uploadProgress, setUploadProgress] = useState<string | null>(null);
  const save = useSetSharingProfile();
  const remove = useDeleteSharingProfile();
  const upload = usePickAndUploadMedia((p) => setUploadProgress(p.total ? `${Math.round((p.sent / p.total) * 100)} %` : null));
  const toast = useToast();
  const set = (key: keyof CardFields) => (value: string) => setFields((f) => ({ ...f, [key]: value }));

  function failed(error: unknown, what: string) {
    const appError = toAppError(error);
    if (appError.code === "Forbidden") onUnsupported(appError);
    else setOutcome({ ok: false, text: `${what}: ${appError.message}` });
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setOutcome(null);
    const found = cardErrors(fields);
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const photoUrl = fields.photoUrl.trim();
    try {
      await save.mutateAsync({
        fromNumber: line,
        firstName: fields.firstName.trim(),
        lastName: fields.lastName.trim(),
        displayName: fields.displayName.trim(),
        ...(photoUrl ? { photoUrl } : {}),
        ...(clearPhoto && !photoUrl ? { clearPhoto: true } : {}),
      });
      setClearPhoto(false);
      setOutcome({ ok: true, text: "Card saved. Sendblue is publishing it — it can take a moment before phones show the new card." });
      toast.show({ tone: "success", title: "Contact card saved", body: line });
    } catch (error) {
      failed(error, "The card wasn't saved");
    }
  }

  async function onUpload() {
    try {
      const uploaded = await upload.mutateAsync();
      if (uploaded) {
        set("photoUrl")(uploaded.media_url);
        setClearPhoto(false);
      }
    } catch (error) {
      setErrors((e) => ({ ...e, photoUrl: toAppError(error).message }));
    } finally {
      setUploadProgress(null);
    }
  }

  async function onRemove() {
    try {
      await remove.mutateAsync(line);
      setConfirmRemove(false);
      setFields({ firstName: "", lastName: "", displayName: "", photoUrl: "" });
      setOutcome({ ok: true, text: "Card removed. This line no longer shares a name or photo." });
      toast.show({ tone: "success", title: "Contact card removed", body: line });
    } catch (error) {
      setConfirmRemove(false);
      failed(error, "The card wasn't removed");
    }
  }

  return (
    <div className="sharing-panel">
      <p className="sharing-panel__status" data-testid="sharing-status">
        {state.hasProfile
          ? state.sharingEnabled === false
            ? "This line has a card, but sharing is turned off."
            : "This line shares a contact card."
          : "This line has no contact card yet."}
      </p>
      <div className="sharing-panel__body">
        <form className="sharing-form" onSubmit={(e) => void onSubmit(e)} noValidate>
          <Input label="First name" testId="sharing-name" value={fields.firstName} onChange={(e) => set("firstName")(e.target.value)} error={errors.firstName} />
          <Input label="Last name" testId="sharing-last-name" value={fields.lastName} onChange={(e) => set("lastName")(e.target.value)} error={errors.lastName} />
          <Input
            label="Display name (optional)"
            testId="sharing-display-name"
            value={fields.displayName}
            onChange={(e) => set("displayName")(e.target.value)}
            error={errors.displayName}
            hint="Shown with the card, for example your team or company."
          />
          <Input
            label="Photo address (optional)"
            testId="sharing-photo-url"
            value={fields.photoUrl}
            inputMode="url"
            spellCheck={false}
            placeholder="https://example.com/logo.png"
            onChange={(e) => set("photoUrl")(e.target.value)}
            error={errors.photoUrl}
            hint={state.hasPhoto ? "Leave empty to keep the current photo. A direct link to a JPEG or PNG picture." : "A direct link to a JPEG or PNG picture."}
          />
          <div className="sharing-form__photo-actions">
            <Button size="sm" busy={upload.isPending} onClick={() => void onUpload()} data-testid="sharing-photo-upload">
              {upload.isPending ? `Uploading… ${uploadProgress ?? ""}` : "Upload a picture…"}
            </Button>
            {state.hasPhoto && (
              <label className="checkbox">
                <input
                  type="checkbox"
                  checked={clearPhoto}
                  disabled={fields.photoUrl.trim() !== ""}
                  onChange={(e) => setClearPhoto(e.target.checked)}
                  data-testid="sharing-clear-photo"
                />
                Remove the current photo
              </label>
            )}
          </div>
          <div className="sharing-form__actions">
            <Button type="submit" variant="primary" busy={save.isPending} data-testid="sharing-save">
              Save card
            </Button>
            {state.hasProfile && (
              <Button variant="danger" onClick={() => setConfirmRemove(true)} data-testid="sharing-remove">
                Remove card
              </Button>
            )}
          </div>
        </form>
        <CardPreview fields={fields} line={line} hasSavedPhoto={state.hasPhoto === true} clearPhoto={clearPhoto} />
      </div>

      {outcome && (
        <p className={`sharing-result sharing-result--${outcome.ok ? "ok" : "failed"}`} role="status" data-testid="sharing-result" data-ok={String(outcome.ok)}>
          <span aria-hidden="true">{outcome.ok ? "✓ " : "✗ "}</span>
          {outcome.text}
        </p>
      )}

      <SharePanel line={line} hasCard={state.hasProfile} onOutcome={setOutcome} onUnsupported={onUnsupported} />

      <ConfirmDialog
        open={confirmRemove}
        onCancel={() => setConfirmRemove(false)}
        onConfirm={() => void onRemove()}
        title="Remove this line's contact card?"
        description={`Sharing is turned off for ${line} and its name and photo are removed. People who already saved the card keep their copy.`}
        testId="sharing-remove-dialog"
        confirmLabel="Remove card"
        busy={remove.isPending}
        confirmTestId="sharing-remove-confirm"
      />
    </div>
  );
}
