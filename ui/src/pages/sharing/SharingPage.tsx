import { useState } from "react";
import type { AppError_Serialize } from "../../bindings.gen.ts";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useLines } from "../../hooks/useLines.ts";
import { useSharingState } from "../../hooks/useSharingState.ts";
import { toAppError } from "../../ipc.ts";
import { SharingPanel } from "./SharingPanel.tsx";

/** Each line's contact card (name, display name, photo): edit with a preview, share, remove. */
export function SharingPage() {
  const lines = useLines();
  const [chosen, setChosen] = useState<string | null>(null);
  const [unsupported, setUnsupported] = useState<Record<string, AppError_Serialize>>({});
  const numbers = lines.data ?? [];
  const line = chosen && numbers.includes(chosen) ? chosen : (numbers[0] ?? null);

  return (
    <div className="page" data-testid="sharing-page">
      <header className="page__header">
        <h1>Contact sharing</h1>
      </header>
      <p className="muted">
        A contact card is the name and photo people see for your line in iMessage — like a business card they can save. Set
        it up per line, then share it into a conversation.
      </p>

      {lines.error ? (
        <ErrorNotice error={toAppError(lines.error)} onRetry={() => void lines.refetch()} testId="sharing-error" />
      ) : lines.isPending ? (
        <Skeleton width="100%" height="8rem" label="Loading the lines…" testId="sharing-loading" />
      ) : numbers.length === 0 ? (
        <EmptyState title="This account has no lines yet" testId="sharing-empty">
          A contact card belongs to a line. Request one on the Lines page.
        </EmptyState>
      ) : (
        <div className="sharing-layout">
          <nav aria-label="Lines" className="sharing-lines">
            <ul>
              {numbers.map((n) => (
                <li key={n}>
                  <button
                    type="button"
                    className="sharing-line mono"
                    aria-current={n === line ? "true" : undefined}
                    onClick={() => setChosen(n)}
                    data-testid="sharing-line"
                    data-number={n}
                  >
                    {n}
                    {unsupported[n] && <span className="muted sharing-line__note"> — not available</span>}
                  </button>
                </li>
              ))}
            </ul>
          </nav>
          {line && (
            <LineCard
              key={line}
              line={line}
              unsupported={unsupported[line] ?? null}
              onUnsupported={(error) => setUnsupported((all) => ({ ...all, [line]: error }))}
            />
          )}
        </div>
      )}
    </div>
  );
}

function LineCard({ line, unsupported, onUnsupported }: { line: string; unsupported: AppError_Serialize | null; onUnsupported: (e: AppError_Serialize) => void }) {
  const state = useSharingState(line);
  const stateError = state.error ? toAppError(state.error) : null;
  const refused = unsupported ?? (stateError?.code === "Forbidden" ? stateError : null);

  return (
    <section className="sharing-line-card" aria-label={`Contact card of ${line}`} data-testid="sharing-line-card" data-number={line}>
      <h2 className="sharing-line-card__title mono">{line}</h2>
      {refused ? (
        <div className="sharing-unsupported" role="note" data-testid="sharing-unsupported">
          <p>
            <strong>This line can't share a contact card.</strong> Contact sharing works only on Sendblue's newer lines,
            and Sendblue hasn't turned it on for this one. Choose another line, or ask Sendblue to enable it.
          </p>
          <p className="muted">{refused.message}</p>
        </div>
      ) : stateError ? (
        <ErrorNotice error={stateError} onRetry={() => void state.refetch()} />
      ) : !state.data ? (
        <Skeleton width="100%" height="12rem" label="Loading the card…" />
      ) : (
        <SharingPanel line={line} state={state.data} onUnsupported={onUnsupported} />
      )}
    </section>
  );
}
