import { useId, useMemo, useState } from "react";
import type { WebhookSet_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useReplaceWebhooks } from "../../hooks/useReplaceWebhooks.ts";
import { toAppError } from "../../ipc.ts";
import { diffOf, itemsOf, parseReplacement, setOf, textOf, typeInfo, type ReplaceDiff, type WebhookItem } from "./webhookModel.ts";

export interface ReplaceAllDialogProps {
  set: WebhookSet_Serialize;
  onClose: () => void;
}

/**
 * Replaces every webhook at once: the person edits the list as text, sees what would be added,
 * removed and kept, and only then confirms.
 */
export function ReplaceAllDialog({ set, onClose }: ReplaceAllDialogProps) {
  const current = useMemo(() => itemsOf(set), [set]);
  const [text, setText] = useState(() => textOf(current));
  const [preview, setPreview] = useState<{ text: string; items: WebhookItem[]; diff: ReplaceDiff } | null>(null);
  const [errors, setErrors] = useState<string[]>([]);
  const [topError, setTopError] = useState<string | null>(null);
  const replace = useReplaceWebhooks();
  const toast = useToast();
  const textId = useId();
  const hintId = useId();

  function onPreview() {
    setTopError(null);
    const parsed = parseReplacement(text, current);
    setErrors(parsed.errors);
    setPreview(parsed.errors.length === 0 ? { text, items: parsed.items, diff: diffOf(current, parsed.items) } : null);
  }

  async function onConfirm() {
    if (!preview) return;
    try {
      await replace.mutateAsync(setOf(preview.items, set.globalSecret));
      const { added, removed } = preview.diff;
      toast.show({ tone: "success", title: "Webhooks replaced", body: `${added.length} added, ${removed.length} removed.` });
      onClose();
    } catch (error) {
      setTopError(toAppError(error).message);
    }
  }

  const stale = preview !== null && preview.text !== text;
  const changes = preview ? preview.diff.added.length + preview.diff.removed.length : 0;
  return (
    <Dialog
      open
      onClose={onClose}
      title="Replace all webhooks"
      description="Every webhook is replaced by the list below: anything not in it is removed. Nothing changes until you confirm."
      testId="webhooks-replace-dialog"
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button onClick={onPreview} data-testid="webhooks-replace-preview">
            Preview changes
          </Button>
          <Button
            variant="danger"
            disabled={!preview || stale || changes === 0}
            busy={replace.isPending}
            onClick={() => void onConfirm()}
            data-testid="webhooks-replace-confirm"
          >
            Replace all webhooks
          </Button>
        </>
      }
    >
      <div className="field">
        <label className="field__label" htmlFor={textId}>
          Webhooks, one per line
        </label>
        <textarea
          id={textId}
          className="input webhooks-replace__text mono"
          rows={8}
          spellCheck={false}
          value={text}
          aria-describedby={hintId}
          aria-invalid={errors.length > 0 || undefined}
          onChange={(e) => setText(e.target.value)}
          data-testid="webhooks-replace-text"
        />
        <p id={hintId} className="field__hint">
          Write the event type, a space, then the address — for example “receive https://example.com/in”. Webhooks you keep
          keep their signing secrets; new ones start without one.
        </p>
        {errors.length > 0 && (
          <ul className="field__error webhooks-replace__errors" data-testid="webhooks-replace-text-error">
            {errors.map((e) => (
              <li key={e}>{e}</li>
            ))}
          </ul>
        )}
      </div>
      {topError && (
        <p className="error-notice" role="alert" data-testid="webhooks-replace-error">
          {topError}
        </p>
      )}
      {preview && (
        <div className="webhooks-replace__diff" data-testid="webhooks-replace-diff" role="status">
          {stale && <p className="banner banner--warning">You changed the list: preview again before confirming.</p>}
          {changes === 0 && !stale && <p>Nothing would change.</p>}
          <DiffList title="Will be added" items={preview.diff.added} tone="added" />
          <DiffList title="Will be removed" items={preview.diff.removed} tone="removed" />
          <DiffList title="Will stay" items={preview.diff.kept} tone="kept" />
        </div>
      )}
    </Dialog>
  );
}

function DiffList({ title, items, tone }: { title: string; items: WebhookItem[]; tone: "added" | "removed" | "kept" }) {
  const sign = tone === "added" ? "+" : tone === "removed" ? "−" : "=";
  return (
    <section className={`webhooks-diff webhooks-diff--${tone}`} data-testid={`webhooks-replace-${tone}`}>
      <h3 className="webhooks-diff__title">
        {title} ({items.length})
      </h3>
      {items.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul>
          {items.map((i) => (
            <li key={`${i.type} ${i.url}`} data-url={i.url}>
              <span aria-hidden="true">{sign} </span>
              {typeInfo(i.type).label}: <span className="mono">{i.url}</span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
