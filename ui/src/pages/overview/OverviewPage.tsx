import type { AppError_Serialize } from "../../bindings.gen.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { useActiveProfile } from "../../hooks/useActiveProfile.ts";
import { useContactCount } from "../../hooks/useContactCount.ts";
import { hrefFor } from "../../router.ts";
import { ContactCountCard } from "./ContactCountCard.tsx";
import { LinesCard } from "./LinesCard.tsx";
import { RecentMessagesCard } from "./RecentMessagesCard.tsx";
import { WebhooksCard } from "./WebhooksCard.tsx";
import { useOverviewLines } from "./useOverviewLines.ts";

/** The start page: the active account's lines, contact count, recent messages and webhooks. */
export function OverviewPage() {
  const active = useActiveProfile();
  const count = useContactCount();
  const lines = useOverviewLines();

  // One notice for the page: when the account can't be reached, both reads fail the same way.
  const error: AppError_Serialize | null = active.error?.appError ?? count.error?.appError ?? lines.error?.appError ?? null;
  const retry = () => {
    if (active.isError) void active.refetch();
    if (count.isError) void count.refetch();
    if (lines.isError) lines.retry();
  };

  return (
    <div className="page" data-testid="overview">
      <header className="page__header">
        <h1>Overview</h1>
      </header>

      {error && (
        <ErrorNotice
          testId="overview-error"
          error={error}
          onRetry={retry}
          retrying={active.isFetching || count.isFetching || lines.isFetching}
          action={
            error.code === "Unauthorized" ? (
              <a className="btn btn--ghost btn--sm" href={hrefFor("/settings")}>
                Open profile settings
              </a>
            ) : undefined
          }
        />
      )}

      {active.isSuccess && active.data === null ? (
        <EmptyState
          testId="overview-no-profile"
          title="No profile is selected"
          action={
            <a className="btn btn--primary" href={hrefFor("/settings")}>
              Choose a profile in Settings
            </a>
          }
        >
          Add a Sendblue account or pick the built-in sandbox to see its lines and contacts here.
        </EmptyState>
      ) : (
        <div className="overview-grid">
          <ContactCountCard query={count} />
          <LinesCard lines={lines} />
          <WebhooksCard />
          <RecentMessagesCard />
        </div>
      )}
    </div>
  );
}
