import { useState, type FormEvent } from "react";
import type { WebhookSet_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useAddWebhook } from "../../hooks/useAddWebhook.ts";
import { useReplaceWebhooks } from "../../hooks/useReplaceWebhooks.ts";
import { toAppError } from "../../ipc.ts";
import {
  WEBHOOK_TYPES,
  entryOf,
  entryUrl,
  typeInfo,
  webhookUrlError,
  withEntries,
  type WebhookItem,
  type WebhookTypeId,
} from "./webhookModel.ts";

export interface WebhookFormProps {
  /** The webhook to edit; `null` adds one. */
  item: WebhookItem | null;
  set: WebhookSet_Serialize;
  onClose: () => void;
}

interface Errors {
  url?: string;
  secret?: string;
}

/** Add a webhook, or change one's address or secret (checked before anything is sent). */
export function WebhookForm({ item, set, onClose }: WebhookFormProps) {
  const editing = item !== null;
  const [type, setType] = useState<WebhookTypeId>(item?.type ?? "receive");
  const [url, setUrl] = useState(item?.url ?? "");
  const [secret, setSecret] = useState("");
  const [removeSecret, setRemoveSecret] = useState(false);
  const [errors, setErrors] = useState<Errors>({});
  const [topError, setTopError] = useState<string | null>(null);
  const add = useAddWebhook();
  const replace = useReplaceWebhooks();
  const toast = useToast();

  function validate(): Errors {
    const found: Errors = {};
    const problem = webhookUrlError(url);
    if (problem) found.url = problem;
    else if ((set[type] ?? []).some((e) => entryUrl(e) === url.trim() && url.trim() !== item?.url)) {
      found.url = `This address already gets “${typeInfo(type).label}” events.`;
    }
    if (/\s/.test(secret)) found.secret = "A signing secret can't contain spaces or line breaks.";
    return found;
  }

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    setTopError(null);
    const found = validate();
    setErrors(found);
    if (found.url || found.secret) return;
    const address = url.trim();
    try {
      if (item) {
        const keptSecret = removeSecret ? null : secret || item.secret;
        const entries = (set[item.type] ?? []).map((e) => (entryUrl(e) === item.url ? entryOf(address, keptSecret, item.lines) : e));
        await replace.mutateAsync(withEntries(set, item.type, entries));
        toast.show({ tone: "success", title: "Webhook saved", body: address });
      } else {
        await add.mutateAsync({ type, webhooks: [entryOf(address, secret || null)] });
        toast.show({ tone: "success", title: "Webhook added", body: address });
      }
      onClose();
    } catch (error) {
      const appError = toAppError(error);
      if (appError.detail?.field === "url") setErrors({ url: appError.message });
      else setTopError(appError.message);
    }
  }

  const info = typeInfo(type);
  return (
    <Dialog open onClose={onClose} title={editing ? "Edit webhook" : "Add a webhook"} testId="webhook-form">
      <form className="webhook-form" onSubmit={(e) => void onSubmit(e)} noValidate>
        {topError && (
          <p className="error-notice" role="alert" data-testid="webhook-form-error">
            {topError}
          </p>
        )}
        <Select
          label="Events to send"
          testId="webhook-form-type"
          value={type}
          disabled={editing}
          onChange={(e) => setType(e.target.value as WebhookTypeId)}
          options={WEBHOOK_TYPES.map((t) => ({ value: t.id, label: t.label }))}
          hint={info.description}
        />
        <Input
          label="Address (URL)"
          testId="webhook-form-url"
          value={url}
          inputMode="url"
          autoComplete="off"
          spellCheck={false}
          placeholder="https://example.com/sendblue"
          onChange={(e) => setUrl(e.target.value)}
          error={errors.url}
          hint="Must start with https:// — plain http:// only for this computer (localhost or 127.0.0.1)."
        />
        <Input
          label={editing && item.secret ? "New signing secret (optional)" : "Signing secret (optional)"}
          testId="webhook-form-secret"
          type="password"
          autoComplete="new-password"
          value={secret}
          disabled={removeSecret}
          onChange={(e) => setSecret(e.target.value)}
          error={errors.secret}
          hint={
            editing && item.secret
              ? "Leave empty to keep the current secret."
              : "Sendblue sends it in the sb-signing-secret header, so your server can tell the events are real."
          }
        />
        {editing && item.secret && (
          <label className="checkbox">
            <input type="checkbox" checked={removeSecret} onChange={(e) => setRemoveSecret(e.target.checked)} data-testid="webhook-form-remove-secret" />
            Remove this webhook's own secret
          </label>
        )}
        <div className="dialog__footer">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" busy={add.isPending || replace.isPending} data-testid="webhook-form-save">
            {editing ? "Save" : "Add webhook"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}
