import { Badge } from "../../components/Badge.tsx";
import { Card } from "../../components/Card.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { lineHealthWords } from "../../format/words.ts";
import { assignmentText, statusTone } from "./lineRows.ts";
import type { OverviewLines } from "./useOverviewLines.ts";

export function LinesCard({ lines }: { lines: OverviewLines }) {
  return (
    <Card title="Lines" className="lines-card">
      {lines.rows ? (
        <div data-testid="overview-lines">
          {lines.rows.length === 0 ? (
            <EmptyState title="This account has no lines yet">
              A line is a phone number that sends and receives your messages. Ask Sendblue for one,
              or request it from the Lines page.
            </EmptyState>
          ) : (
            <ul className="line-list">
              {lines.rows.map((row) => (
                <li key={row.number} className="line-row" data-testid="line-row">
                  <span className="line-row__number mono" data-testid="line-number">
                    {row.number}
                  </span>
                  <span className="line-row__assignment muted">{assignmentText(row)}</span>
                  <Badge tone={statusTone(row.status)} data-testid="line-status" data-status={row.status ?? "UNKNOWN"}>
                    {lineHealthWords(row.status).text}
                  </Badge>
                </li>
              ))}
            </ul>
          )}
          {lines.fromPlainList && lines.rows.length > 0 && (
            <p className="muted card__note">Line health isn't available for this account.</p>
          )}
        </div>
      ) : lines.isError ? (
        <p className="muted">The lines couldn't be loaded.</p>
      ) : (
        <ul className="line-list" aria-busy="true" data-testid="overview-lines-loading">
          {[0, 1, 2].map((i) => (
            <li key={i} className="line-row">
              <Skeleton width="9rem" height="1.1rem" label={i === 0 ? "Loading the lines…" : ""} />
              <Skeleton width="10rem" height="1rem" label="" />
              <Skeleton width="4.5rem" height="1.25rem" label="" />
            </li>
          ))}
        </ul>
      )}
    </Card>
  );
}
