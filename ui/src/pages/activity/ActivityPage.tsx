import { useEffect, useMemo, useState } from "react";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ActivityItem } from "./ActivityItem.tsx";
import { ConnectionIndicator } from "./ConnectionIndicator.tsx";
import { ACTIVITY_KINDS, kindOf, type ActivityKind } from "./describe.ts";
import { useFeed } from "./useFeed.ts";

/** Activity: what happens on the account, live, newest first, filterable by kind. */
export function ActivityPage() {
  const feed = useFeed();
  const [kind, setKind] = useState<ActivityKind | "all">("all");
  // Relative times ("2 min ago") move on by themselves.
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 30_000);
    return () => window.clearInterval(timer);
  }, []);

  const items = useMemo(() => feed.filter((item) => kindOf(item.activity) !== null), [feed]);
  const counts = useMemo(() => {
    const all = new Map<ActivityKind, number>();
    for (const item of items) {
      const k = kindOf(item.activity)!;
      all.set(k, (all.get(k) ?? 0) + 1);
    }
    return all;
  }, [items]);
  const shown = kind === "all" ? items : items.filter((item) => kindOf(item.activity) === kind);
  // The newest item's time stays fresh however long the page has been open.
  const current = Math.max(now, items[0]?.receivedAt ?? 0);

  return (
    <div className="page" data-testid="activity-page">
      <header className="page__header activity-header">
        <h1>Activity</h1>
        <ConnectionIndicator />
      </header>

      <div className="activity-filter" role="group" aria-label="Show" data-testid="activity-filter">
        <FilterChip label="Everything" count={items.length} pressed={kind === "all"} onClick={() => setKind("all")} value="all" />
        {ACTIVITY_KINDS.map((k) => (
          <FilterChip
            key={k.value}
            value={k.value}
            label={k.label}
            count={counts.get(k.value) ?? 0}
            pressed={kind === k.value}
            onClick={() => setKind(k.value)}
          />
        ))}
      </div>

      {items.length === 0 ? (
        <EmptyState testId="activity-empty" title="Nothing has happened yet">
          New activity on this account — messages coming in and going out, delivery updates, new
          contacts, people typing and changes to your lines — appears here live, as it happens.
        </EmptyState>
      ) : shown.length === 0 ? (
        <EmptyState testId="activity-empty-filter" title="Nothing of this kind yet">
          Choose “Everything” to see all the activity so far.
        </EmptyState>
      ) : (
        <ol className="activity-list" aria-label="Activity, newest first" aria-live="polite" aria-relevant="additions">
          {shown.map((item) => (
            <ActivityItem key={item.key} item={item} now={current} />
          ))}
        </ol>
      )}
    </div>
  );
}

interface FilterChipProps {
  value: string;
  label: string;
  count: number;
  pressed: boolean;
  onClick: () => void;
}

function FilterChip({ value, label, count, pressed, onClick }: FilterChipProps) {
  return (
    <button
      type="button"
      className="activity-chip"
      aria-pressed={pressed}
      data-kind={value}
      data-testid={`activity-filter-${value}`}
      onClick={onClick}
    >
      {label} <span className="activity-chip__count">({count})</span>
    </button>
  );
}
