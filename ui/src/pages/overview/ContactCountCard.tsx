import type { UseQueryResult } from "@tanstack/react-query";
import { Card } from "../../components/Card.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import type { AppErrorThrown } from "../../ipc.ts";

export function ContactCountCard({ query }: { query: UseQueryResult<number, AppErrorThrown> }) {
  return (
    <Card title="Contacts" className="stat-card">
      {query.isSuccess ? (
        <p className="stat-card__value">
          {/* Plain digits: the end-to-end journeys read this number as it is. */}
          <span data-testid="overview-contact-count">{String(query.data)}</span>
        </p>
      ) : query.isError ? (
        <p className="stat-card__value stat-card__value--missing" aria-label="Not available">
          —
        </p>
      ) : (
        <Skeleton width="5rem" height="2.25rem" testId="overview-contact-count-loading" label="Loading the contact count…" />
      )}
      <p className="muted">in this account</p>
    </Card>
  );
}
