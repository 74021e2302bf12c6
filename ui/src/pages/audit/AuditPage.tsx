import { useState } from "react";
import type { AuditEntry_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useAuditLog } from "../../hooks/useAuditLog.ts";
import { useExportAudit } from "../../hooks/useExportAudit.ts";
import { useRouteFlag } from "../../hooks/useRouteFlag.ts";
import { toAppError } from "../../ipc.ts";
import { ACTION_FILTERS, actionLabel } from "./actions.ts";
import { AuditDetail } from "./AuditDetail.tsx";
import { AUDIT_PAGE_SIZE, dateRangeError, EMPTY_FILTER, isFiltered, toQuery, type AuditFilterForm } from "./filters.ts";
import { dateTime } from "../../format/time.ts";

const OUTCOMES = [
  { value: "", label: "Worked or failed" },
  { value: "ok", label: "Worked" },
  { value: "error", label: "Failed" },
];

/** Audit log: every change the console made with this profile, filterable and exportable. */
export function AuditPage() {
  const [form, setForm] = useState<AuditFilterForm>(EMPTY_FILTER);
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<AuditEntry_Serialize | null>(null);
  const rangeError = dateRangeError(form);
  // A bad range keeps the last good results on screen until it is fixed.
  const [applied, setApplied] = useState<AuditFilterForm>(EMPTY_FILTER);
  const log = useAuditLog({ ...toQuery(applied), offset: page * AUDIT_PAGE_SIZE, limit: AUDIT_PAGE_SIZE });
  const exportAudit = useExportAudit();
  // `#/audit?export=1` (the command palette's "Export the audit log") saves it all.
  useRouteFlag("export", () => void onExport());
  const toast = useToast();

  function change(patch: Partial<AuditFilterForm>) {
    const next = { ...form, ...patch };
    setForm(next);
    if (!dateRangeError(next)) {
      setApplied(next);
      setPage(0);
    }
  }

  async function onExport() {
    try {
      const path = await exportAudit.mutateAsync(toQuery(applied));
      if (path === null) return;
      toast.show({ tone: "success", title: "Audit log saved", body: path });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't export the audit log", body: toAppError(error).message });
    }
  }

  const total = log.data?.total ?? 0;
  const first = total === 0 ? 0 : page * AUDIT_PAGE_SIZE + 1;
  const last = Math.min(total, (page + 1) * AUDIT_PAGE_SIZE);

  return (
    <div className="page" data-testid="audit-page">
      <header className="page__header audit-header">
        <h1>Audit log</h1>
        <Button data-testid="audit-export" busy={exportAudit.isPending} onClick={() => void onExport()}>
          Export as CSV
        </Button>
      </header>
      <p className="muted">
        Every change made from this console with the profile in use: what, to what, when, and
        whether it worked.
      </p>

      <form className="audit-filters" aria-label="Filter the audit log" onSubmit={(e) => e.preventDefault()}>
        <Select
          label="Kind of change"
          testId="audit-filter-action"
          options={ACTION_FILTERS}
          value={form.action}
          onChange={(e) => change({ action: e.target.value })}
        />
        <Select
          label="Result"
          testId="audit-filter-outcome"
          options={OUTCOMES}
          value={form.outcome}
          onChange={(e) => change({ outcome: e.target.value as AuditFilterForm["outcome"] })}
        />
        <Input
          label="Changed item contains"
          testId="audit-filter-text"
          type="search"
          value={form.text}
          placeholder="A number, a web address…"
          onChange={(e) => change({ text: e.target.value })}
        />
        <Input label="From" testId="audit-filter-from" type="date" value={form.from} onChange={(e) => change({ from: e.target.value })} />
        <Input
          label="To"
          testId="audit-filter-to"
          type="date"
          value={form.to}
          error={rangeError}
          onChange={(e) => change({ to: e.target.value })}
        />
        {isFiltered(form) && (
          <Button className="audit-filters__clear" variant="ghost" data-testid="audit-filter-clear" onClick={() => change(EMPTY_FILTER)}>
            Clear filters
          </Button>
        )}
      </form>

      {log.isPending ? (
        <div className="audit-loading" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <Skeleton key={i} width="100%" height="2.25rem" label={i === 0 ? "Loading the audit log…" : ""} />
          ))}
        </div>
      ) : log.isError ? (
        <ErrorNotice testId="audit-error" error={toAppError(log.error)} onRetry={() => void log.refetch()} retrying={log.isFetching} />
      ) : log.data.entries.length === 0 ? (
        isFiltered(applied) ? (
          <EmptyState
            testId="audit-empty"
            title="No changes match these filters"
            action={<Button onClick={() => change(EMPTY_FILTER)}>Clear filters</Button>}
          />
        ) : (
          <EmptyState testId="audit-empty" title="No changes recorded yet">
            When you create, change or delete something, send a message or switch profiles, it is
            recorded here.
          </EmptyState>
        )
      ) : (
        <>
          <table className="audit-table" aria-busy={log.isFetching || undefined}>
            <caption className="visually-hidden">Changes, newest first</caption>
            <thead>
              <tr>
                <th scope="col">When</th>
                <th scope="col">What</th>
                <th scope="col">To what</th>
                <th scope="col">Result</th>
                <th scope="col">Profile</th>
                <th scope="col">
                  <span className="visually-hidden">Details</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {log.data.entries.map((entry) => (
                <tr key={entry.id} data-testid="audit-row" data-action={entry.action} data-ok={entry.ok}>
                  <td>
                    <time dateTime={entry.at} title={entry.at}>
                      {dateTime(entry.at)}
                    </time>
                  </td>
                  <td>{actionLabel(entry.action)}</td>
                  <td className="audit-table__target">{entry.target}</td>
                  <td>
                    {entry.ok ? (
                      <Badge tone="success">Worked</Badge>
                    ) : (
                      <Badge tone="danger" title={entry.error_message ?? undefined}>
                        Failed
                      </Badge>
                    )}
                  </td>
                  <td>{entry.profile_name}</td>
                  <td>
                    <Button size="sm" variant="ghost" data-testid="audit-row-details" onClick={() => setOpen(entry)}>
                      Details<span className="visually-hidden"> of “{actionLabel(entry.action)}” at {entry.at}</span>
                    </Button>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          <nav className="audit-pager" aria-label="Pages of the audit log">
            <span data-testid="audit-range">
              {first}–{last} of {total}
            </span>
            <Button size="sm" disabled={page === 0} data-testid="audit-prev" onClick={() => setPage((p) => Math.max(0, p - 1))}>
              Newer
            </Button>
            <Button size="sm" disabled={last >= total} data-testid="audit-next" onClick={() => setPage((p) => p + 1)}>
              Older
            </Button>
          </nav>
        </>
      )}

      {open && <AuditDetail entry={open} onClose={() => setOpen(null)} />}
    </div>
  );
}
