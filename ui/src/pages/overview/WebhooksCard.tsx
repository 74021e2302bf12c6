import { Card } from "../../components/Card.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useWebhooks } from "../../hooks/useWebhooks.ts";
import { hrefFor } from "../../router.ts";
import { itemsOf, WEBHOOK_TYPES } from "../webhooks/webhookModel.ts";

/** How many webhooks each event type has, at a glance. */
export function WebhooksCard() {
  const webhooks = useWebhooks();
  const items = webhooks.data ? itemsOf(webhooks.data) : null;
  return (
    <Card title="Webhooks" className="webhooks-card">
      {items ? (
        items.length === 0 ? (
          <EmptyState title="No webhooks yet">Webhooks tell your own systems when messages arrive or change.</EmptyState>
        ) : (
          <ul className="recent-list" data-testid="overview-webhooks">
            {WEBHOOK_TYPES.filter((type) => items.some((item) => item.type === type.id)).map((type) => {
              const count = items.filter((item) => item.type === type.id).length;
              return (
                <li key={type.id} className="recent-list__item" data-testid="overview-webhook-type" data-type={type.id}>
                  <span>{type.label}</span>
                  <span className="recent-list__meta muted">
                    {count} {count === 1 ? "address" : "addresses"}
                  </span>
                </li>
              );
            })}
          </ul>
        )
      ) : webhooks.isError ? (
        <p className="muted">Webhooks couldn't be loaded.</p>
      ) : (
        <Skeleton width="100%" height="4rem" label="Loading webhooks…" />
      )}
      <a className="btn btn--ghost btn--sm" href={hrefFor("/webhooks")}>
        Manage webhooks
      </a>
    </Card>
  );
}
