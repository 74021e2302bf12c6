import { useMemo, useState } from "react";
import { Button } from "../../components/Button.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useRouteFlag } from "../../hooks/useRouteFlag.ts";
import { useRemoveWebhook } from "../../hooks/useRemoveWebhook.ts";
import { useWebhooks } from "../../hooks/useWebhooks.ts";
import { toAppError } from "../../ipc.ts";
import { ReplaceAllDialog } from "./ReplaceAllDialog.tsx";
import { WebhookForm } from "./WebhookForm.tsx";
import { WebhookRow } from "./WebhookRow.tsx";
import { useRevealed } from "./useRevealed.ts";
import { MASK, WEBHOOK_TYPES, itemsOf, type WebhookItem } from "./webhookModel.ts";

/** Where Sendblue sends the account's events: by type, with add, edit, delete, test, replace all. */
export function WebhooksPage() {
  const webhooks = useWebhooks();
  const remove = useRemoveWebhook();
  const toast = useToast();
  const [editing, setEditing] = useState<WebhookItem | "new" | null>(null);
  const [deleting, setDeleting] = useState<WebhookItem | null>(null);
  const [replacing, setReplacing] = useState(false);
  const [globalRevealed, toggleGlobalRevealed] = useRevealed();
  // The command palette's "Add webhook" deep link: `#/webhooks?new=1`.
  useRouteFlag("new", () => setEditing("new"));

  const set = webhooks.data;
  const items = useMemo(() => (set ? itemsOf(set) : []), [set]);
  const globalSecret = set?.globalSecret || null;

  async function onConfirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync({ type: deleting.type, webhooks: [deleting.url] });
      toast.show({ tone: "success", title: "Webhook deleted", body: deleting.url });
      setDeleting(null);
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't delete the webhook", body: toAppError(error).message });
    }
  }

  return (
    <div className="page" data-testid="webhooks-page">
      <header className="page__header">
        <h1>Webhooks</h1>
        <div className="webhooks-actions">
          <Button disabled={!set} onClick={() => setReplacing(true)} data-testid="webhooks-replace-all">
            Replace all…
          </Button>
          <Button variant="primary" disabled={!set} onClick={() => setEditing("new")} data-testid="webhook-add">
            Add a webhook
          </Button>
        </div>
      </header>
      <p className="muted webhooks-intro">
        Webhooks are web addresses that Sendblue calls when something happens on your account — a text comes in, a message
        is delivered, a line is added. Your own systems listen at those addresses.
      </p>

      {webhooks.error ? (
        <ErrorNotice error={toAppError(webhooks.error)} onRetry={() => void webhooks.refetch()} retrying={webhooks.isFetching} testId="webhooks-error" />
      ) : !set ? (
        <div aria-busy="true" data-testid="webhooks-loading">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} width="100%" height="3rem" label={i === 0 ? "Loading the webhooks…" : ""} />
          ))}
        </div>
      ) : (
        <>
          {globalSecret && (
            <div className="webhooks-global" data-testid="webhooks-global-secret">
              <span>Account-wide signing secret (used by webhooks without their own):</span>{" "}
              <span className="mono">{globalRevealed ? globalSecret : MASK}</span>
              <Button
                size="sm"
                variant="ghost"
                aria-pressed={globalRevealed}
                onClick={toggleGlobalRevealed}
                data-testid="webhooks-global-secret-reveal"
              >
                {globalRevealed ? "Hide" : "Reveal"}
              </Button>
            </div>
          )}
          {items.length === 0 ? (
            <EmptyState
              testId="webhooks-empty"
              title="No webhooks yet"
              action={
                <Button variant="primary" onClick={() => setEditing("new")}>
                  Add a webhook
                </Button>
              }
            >
              Add one to have Sendblue tell your systems about new messages, deliveries and more.
            </EmptyState>
          ) : (
            WEBHOOK_TYPES.filter((t) => items.some((i) => i.type === t.id)).map((t) => (
              <section key={t.id} className="webhook-group" aria-labelledby={`webhook-group-${t.id}`} data-testid="webhook-group" data-type={t.id}>
                <h2 id={`webhook-group-${t.id}`} className="webhook-group__title">
                  {t.label}
                </h2>
                <p className="muted webhook-group__description">{t.description}</p>
                <ul className="webhook-list">
                  {items
                    .filter((i) => i.type === t.id)
                    .map((item) => (
                      <WebhookRow
                        key={`${item.type} ${item.url}`}
                        item={item}
                        hasGlobalSecret={globalSecret !== null}
                        onEdit={setEditing}
                        onDelete={setDeleting}
                      />
                    ))}
                </ul>
              </section>
            ))
          )}
        </>
      )}

      {editing !== null && set && (
        <WebhookForm key={editing === "new" ? "new" : `${editing.type} ${editing.url}`} item={editing === "new" ? null : editing} set={set} onClose={() => setEditing(null)} />
      )}
      {replacing && set && <ReplaceAllDialog set={set} onClose={() => setReplacing(false)} />}

      <ConfirmDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void onConfirmDelete()}
        title="Delete this webhook?"
        description={deleting ? `Sendblue will stop sending “${WEBHOOK_TYPES.find((t) => t.id === deleting.type)?.label ?? deleting.type}” events to ${deleting.url}.` : ""}
        testId="webhook-delete-dialog"
        confirmLabel="Delete webhook"
        busy={remove.isPending}
        confirmTestId="webhook-delete-confirm"
      />
    </div>
  );
}
