import { useState, type FormEvent } from "react";
import type { AppError_Serialize, Contact_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { Input } from "../../components/Input.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useCreateContact } from "../../hooks/useCreateContact.ts";
import { useUpdateContact } from "../../hooks/useUpdateContact.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import { useVerifyContact } from "../../hooks/useVerifyContact.ts";
import { toAppError } from "../../ipc.ts";

type Field = "phone" | "first_name" | "last_name" | "company_name" | "tags" | "custom_variables";

/** The form field an AppError's `detail.field` points at (others show at the top). */
function fieldOf(error: AppError_Serialize): Field | null {
  const field = error.detail?.field ?? null;
  if (field === "number" || field === "phone" || field === "phone_number") return "phone";
  if (field === "first_name" || field === "last_name" || field === "company_name" || field === "tags" || field === "custom_variables") {
    return field;
  }
  return null;
}

interface VariableRow {
  key: string;
  value: string;
}

export interface ContactFormProps {
  /** The contact to edit; `null` creates a new one. */
  contact: Contact_Serialize | null;
  onClose: () => void;
  /** Asks to delete the contact being edited (the page confirms first). */
  onDelete: (contact: Contact_Serialize) => void;
}

/** Create or edit a contact in a side panel; everything is checked before it is sent. */
export function ContactForm({ contact, onClose, onDelete }: ContactFormProps) {
  const editing = contact !== null;
  const [phone, setPhone] = useState(contact?.phone ?? "");
  const [firstName, setFirstName] = useState(contact?.first_name ?? "");
  const [lastName, setLastName] = useState(contact?.last_name ?? "");
  const [company, setCompany] = useState(contact?.company_name ?? "");
  const [tags, setTags] = useState((contact?.tags ?? []).join(", "));
  const [variables, setVariables] = useState<VariableRow[]>(
    Object.entries(contact?.custom_variables ?? {}).map(([key, value]) => ({ key, value })),
  );
  const [errors, setErrors] = useState<Partial<Record<Field, string>>>({});
  const [topError, setTopError] = useState<string | null>(null);
  const create = useCreateContact();
  const update = useUpdateContact();
  const verify = useVerifyContact();
  const toast = useToast();
  // Numbers typed without a country code belong to Settings' default country.
  const phoneRule = usePhoneRules();

  function validate(): Partial<Record<Field, string>> {
    const found: Partial<Record<Field, string>> = {};
    if (!editing) {
      const problem = phoneRule.error(phone);
      if (problem) found.phone = problem;
    }
    const keys = variables.map((v) => v.key.trim());
    if (variables.some((v) => v.key.trim() === "" && v.value.trim() !== "")) {
      found.custom_variables = "Give every custom variable a name.";
    } else if (new Set(keys.filter(Boolean)).size !== keys.filter(Boolean).length) {
      found.custom_variables = "Two custom variables have the same name.";
    }
    return found;
  }

  function showServerError(error: unknown) {
    const appError = toAppError(error);
    const field = fieldOf(appError);
    if (field) setErrors({ [field]: appError.message });
    else setTopError(appError.message);
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTopError(null);
    const found = validate();
    setErrors(found);
    if (Object.keys(found).length > 0) return;
    const tagList = tags.split(",").map((t) => t.trim()).filter(Boolean);
    const customVariables = Object.fromEntries(
      variables.filter((v) => v.key.trim() !== "").map((v) => [v.key.trim(), v.value]),
    );
    const fields = {
      first_name: firstName.trim() || null,
      last_name: lastName.trim() || null,
      company_name: company.trim() || null,
      tags: tagList,
      custom_variables: customVariables,
    };
    try {
      if (editing) {
        await update.mutateAsync({ phone: contact.phone, changes: fields });
        toast.show({ tone: "success", title: "Contact saved" });
      } else {
        const number = phoneRule.toE164(phone)!;
        await create.mutateAsync({ number, ...fields });
        toast.show({ tone: "success", title: "Contact created", body: number });
      }
      onClose();
    } catch (error) {
      showServerError(error);
    }
  }

  async function onVerify() {
    if (!contact) return;
    try {
      await verify.mutateAsync(contact.phone);
      toast.show({ tone: "success", title: "Verification requested", body: contact.phone });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't verify this number", body: toAppError(error).message });
    }
  }

  const e164 = editing ? null : phoneRule.toE164(phone);
  return (
    <Dialog open side onClose={onClose} title={editing ? "Edit contact" : "New contact"} testId="contact-form">
      <form className="contact-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {topError && (
          <p className="error-notice" role="alert" data-testid="contact-form-error">
            {topError}
          </p>
        )}
        <Input
          label="Phone number"
          testId="contact-phone"
          value={phone}
          disabled={editing}
          inputMode="tel"
          autoComplete="off"
          onChange={(e) => setPhone(phoneRule.format(e.target.value))}
          error={errors.phone}
          hint={editing ? "A contact's number can't be changed." : e164 ? `Saved as ${e164}` : phoneRule.hint}
        />
        <Input label="First name" testId="contact-first-name" value={firstName} onChange={(e) => setFirstName(e.target.value)} error={errors.first_name} />
        <Input label="Last name" testId="contact-last-name" value={lastName} onChange={(e) => setLastName(e.target.value)} error={errors.last_name} />
        <Input label="Company" testId="contact-company" value={company} onChange={(e) => setCompany(e.target.value)} error={errors.company_name} />
        <Input label="Tags" testId="contact-tags" value={tags} onChange={(e) => setTags(e.target.value)} error={errors.tags} hint="Separate tags with commas." />
        <fieldset className="contact-form__variables">
          <legend>Custom variables</legend>
          {variables.map((row, i) => (
            <div className="contact-form__variable" key={i} data-testid="contact-variable">
              <Input
                label="Name"
                testId="contact-variable-key"
                value={row.key}
                onChange={(e) => setVariables((all) => all.map((v, j) => (j === i ? { ...v, key: e.target.value } : v)))}
              />
              <Input
                label="Value"
                testId="contact-variable-value"
                value={row.value}
                onChange={(e) => setVariables((all) => all.map((v, j) => (j === i ? { ...v, value: e.target.value } : v)))}
              />
              <Button size="sm" variant="ghost" aria-label={`Remove variable ${row.key}`} onClick={() => setVariables((all) => all.filter((_, j) => j !== i))}>
                Remove
              </Button>
            </div>
          ))}
          {errors.custom_variables && (
            <p className="field__error" data-testid="contact-variables-error">
              {errors.custom_variables}
            </p>
          )}
          <Button size="sm" onClick={() => setVariables((all) => [...all, { key: "", value: "" }])} data-testid="contact-variable-add">
            Add variable
          </Button>
        </fieldset>
        <div className="dialog__footer">
          {contact && (
            <>
              <Button variant="danger" data-testid="contact-delete" onClick={() => onDelete(contact)}>
                Delete
              </Button>
              <Button data-testid="contact-verify" busy={verify.isPending} onClick={() => void onVerify()}>
                Verify
              </Button>
            </>
          )}
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" data-testid="contact-save" busy={create.isPending || update.isPending}>
            {editing ? "Save" : "Create contact"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
