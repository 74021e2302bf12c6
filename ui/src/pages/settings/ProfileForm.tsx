import { useRef, useState, type FormEvent } from "react";
import type { AppError_Serialize, ProfileView_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { useAddProfile } from "../../hooks/useAddProfile.ts";
import { useTestNewProfile } from "../../hooks/useTestNewProfile.ts";
import type { AppErrorThrown } from "../../ipc.ts";
import { contactsPhrase } from "../../profiles.ts";
import {
  EMPTY_PROFILE_FORM,
  formField,
  hasErrors,
  SENDBLUE_BASE_URL,
  toNewProfile,
  validateProfileForm,
  type FieldErrors,
  type ProfileField,
  type ProfileFormValues,
} from "./profileValidation.ts";

const KIND_OPTIONS = [
  { value: "Live", label: "Live — a real Sendblue account" },
  { value: "Sandbox", label: "Sandbox — a test server" },
] as const;

/** Each field's test id (its error text is `<id>-error`), in the order focus visits problems. */
const FIELD_TEST_IDS: Record<ProfileField, string> = {
  name: "profile-name",
  kind: "profile-kind",
  base_url: "profile-base-url",
  key_id: "profile-key-id",
  secret: "profile-secret",
};
const FIELD_ORDER = Object.keys(FIELD_TEST_IDS) as ProfileField[];

type Outcome = { kind: "connected"; count: number } | { kind: "failed"; error: AppError_Serialize } | null;

export interface ProfileFormProps {
  onSaved: (view: ProfileView_Serialize) => void;
  onCancel: () => void;
}

/**
 * Adds a profile. Everything is checked here before any command runs; the backend's own field
 * errors land under the matching input. The secret is never pre-filled and goes nowhere but the
 * add and test commands.
 */
export function ProfileForm({ onSaved, onCancel }: ProfileFormProps) {
  const [values, setValues] = useState<ProfileFormValues>(EMPTY_PROFILE_FORM);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [outcome, setOutcome] = useState<Outcome>(null);
  const formRef = useRef<HTMLFormElement>(null);
  const test = useTestNewProfile();
  const add = useAddProfile();
  const busy = test.isPending || add.isPending;

  function update(field: ProfileField, value: string) {
    setValues((v) => ({ ...v, [field]: value }));
    setErrors((all) => {
      const rest = { ...all };
      delete rest[field];
      return rest;
    });
    // A result for other values would mislead.
    setOutcome(null);
  }

  function checked() {
    const found = validateProfileForm(values);
    setErrors(found);
    if (hasErrors(found)) {
      const first = FIELD_ORDER.find((f) => found[f]);
      if (first) focusField(first);
      setOutcome(null);
      return null;
    }
    return toNewProfile(values);
  }

  function showFailure(error: AppErrorThrown) {
    const field = formField(error.field);
    if (field) {
      setErrors({ [field]: error.message });
      setOutcome(null);
      focusField(field);
    } else {
      setOutcome({ kind: "failed", error: error.appError });
    }
  }

  function onTest() {
    const input = checked();
    if (!input) return;
    setOutcome(null);
    test.mutate(input, {
      onSuccess: (count) => setOutcome({ kind: "connected", count }),
      onError: showFailure,
    });
  }

  function onSave(event: FormEvent) {
    event.preventDefault();
    const input = checked();
    if (!input) return;
    add.mutate(input, { onSuccess: onSaved, onError: showFailure });
  }

  function focusField(field: ProfileField) {
    formRef.current?.querySelector<HTMLElement>(`[data-testid="${FIELD_TEST_IDS[field]}"]`)?.focus();
  }

  return (
    <form ref={formRef} className="profile-form" data-testid="profile-form" onSubmit={onSave} noValidate aria-label="Add a profile">
      <div className="form-grid">
        <Input
          label="Name"
          testId={FIELD_TEST_IDS.name}
          value={values.name}
          onChange={(e) => update("name", e.target.value)}
          error={errors.name}
          hint="What you call this account, for example “Acme Live”."
          autoComplete="off"
          autoFocus
        />
        <Select
          label="Kind"
          testId={FIELD_TEST_IDS.kind}
          value={values.kind}
          onChange={(e) => update("kind", e.target.value)}
          options={KIND_OPTIONS}
          error={errors.kind}
          hint="Live accounts send real messages to real phones."
        />
        <Input
          className="form-grid__wide"
          label="API address"
          testId={FIELD_TEST_IDS.base_url}
          value={values.base_url}
          onChange={(e) => update("base_url", e.target.value)}
          error={errors.base_url}
          hint={`For a Sendblue account: ${SENDBLUE_BASE_URL}`}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
        />
        <Input
          label="API key id"
          testId={FIELD_TEST_IDS.key_id}
          value={values.key_id}
          onChange={(e) => update("key_id", e.target.value)}
          error={errors.key_id}
          autoComplete="off"
          spellCheck={false}
        />
        <Input
          label="API secret"
          testId={FIELD_TEST_IDS.secret}
          type="password"
          value={values.secret}
          onChange={(e) => update("secret", e.target.value)}
          error={errors.secret}
          hint="Kept in your system keychain. The console never shows it again."
          autoComplete="new-password"
          spellCheck={false}
        />
      </div>

      <div className="form-outcome" role="status">
        {outcome?.kind === "connected" && (
          <p className="form-outcome__success" data-testid="profile-form-result">
            Connected — {contactsPhrase(outcome.count)}
          </p>
        )}
      </div>
      {outcome?.kind === "failed" && (
        <p className="form-outcome__error" role="alert" data-testid="profile-form-error" data-code={outcome.error.code}>
          {outcome.error.message}
        </p>
      )}

      <div className="form-actions">
        <Button variant="primary" type="submit" data-testid="profile-form-save" busy={add.isPending} disabled={busy}>
          Save profile
        </Button>
        <Button data-testid="profile-form-test" onClick={onTest} busy={test.isPending} disabled={busy}>
          Test connection
        </Button>
        <Button variant="ghost" onClick={onCancel} disabled={add.isPending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
