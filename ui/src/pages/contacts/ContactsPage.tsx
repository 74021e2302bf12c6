import { useCallback, useMemo, useState } from "react";
import type { Contact_Serialize, ContactSortKey } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { ConfirmDialog } from "../../components/ConfirmDialog.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { JobProgress } from "../../components/JobProgress.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Select } from "../../components/Select.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useBulkDelete } from "../../hooks/useBulkDelete.ts";
import { useDeleteContact } from "../../hooks/useDeleteContact.ts";
import { useExportContacts } from "../../hooks/useExportContacts.ts";
import { useJob } from "../../hooks/useJob.ts";
import { useMirrorRefresh } from "../../hooks/useMirrorRefresh.ts";
import { MIRROR_PAGE, useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";
import { useMirrorStatus } from "../../hooks/useMirrorStatus.ts";
import { useMirrorTags } from "../../hooks/useMirrorTags.ts";
import { useAccountLines } from "../../hooks/useAccountLines.ts";
import { useMatchingPhones } from "../../hooks/useMatchingPhones.ts";
import { countsWords } from "../../format/jobCounts.ts";
import { useOptOutContact } from "../../hooks/useOptOutContact.ts";
import { useRouteFlag, useRouteParam } from "../../hooks/useRouteFlag.ts";
import { toAppError } from "../../ipc.ts";
import { ContactForm } from "./ContactForm.tsx";
import { ContactsTable } from "./ContactsTable.tsx";
import { useDebounced } from "../../hooks/useDebounced.ts";
import { personName } from "../../format/contact.ts";
import { dateTime } from "../../format/time.ts";

const SEARCH_DEBOUNCE_MS = 250;

type YesNo = "" | "yes" | "no";

function yesNo(value: YesNo): boolean | null {
  return value === "" ? null : value === "yes";
}

function lastSyncedText(iso: string | null): string {
  if (!iso) return "Never synced";
  return `Last synced ${dateTime(iso)}`;
}

/** Contacts from the local mirror: search, filter, sort, create, edit, delete, export. */
export function ContactsPage() {
  const [text, setText] = useState("");
  const search = useDebounced(text, SEARCH_DEBOUNCE_MS);
  const [tag, setTag] = useState("");
  const [optedOut, setOptedOut] = useState<YesNo>("");
  const [verified, setVerified] = useState<YesNo>("");
  const [line, setLine] = useState("");
  const [sort, setSort] = useState<ContactSortKey>("name");
  const [direction, setDirection] = useState<"asc" | "desc">("asc");
  // The pages under the rows on screen (not the rows: scrolling within a page re-renders only the table).
  const [pageRange, setPageRange] = useState<[number, number]>([0, 0]);
  const [selected, setSelected] = useState<Set<string>>(() => new Set());
  const [allMatching, setAllMatching] = useState(false);
  const [editing, setEditing] = useState<Contact_Serialize | "new" | null>(null);
  const [deleting, setDeleting] = useState<Contact_Serialize | null>(null);
  const [confirmBulk, setConfirmBulk] = useState(false);
  const [jobId, setJobId] = useState<string | null>(null);
  const toast = useToast();
  // `#/contacts?new=1` (the command palette's "New contact") opens the empty form.
  useRouteFlag("new", () => setEditing("new"));
  // `#/contacts?export=1` (the command palette's "Export contacts") exports them all.
  useRouteFlag("export", () => void onExport());
  // `#/contacts?number=+1…` (a contact named in the activity feed) searches for that number.
  useRouteParam("number", setText);

  const filter: ContactFilter = useMemo(
    () => ({
      text: search.trim() || null,
      tag: tag || null,
      opted_out: yesNo(optedOut),
      verified: yesNo(verified),
      sendblue_number: line || null,
      sort,
      direction,
    }),
    [search, tag, optedOut, verified, line, sort, direction],
  );
  // A new filter starts a new selection.
  const filterKey = JSON.stringify(filter);
  const [selectionFilter, setSelectionFilter] = useState(filterKey);
  if (selectionFilter !== filterKey) {
    setSelectionFilter(filterKey);
    setSelected(new Set());
    setAllMatching(false);
  }

  const pageIndexes = useMemo(() => {
    const [firstPage, lastPage] = pageRange;
    const pages = new Set([0]);
    for (let p = firstPage; p <= lastPage; p++) pages.add(p);
    return [...pages];
  }, [pageRange]);
  const pages = useMirrorPages(filter, pageIndexes);
  const firstPage = pages[0];
  const total = firstPage?.data?.total ?? 0;
  const rowAt = useCallback(
    (index: number) => {
      const slot = pageIndexes.indexOf(Math.floor(index / MIRROR_PAGE));
      const page = slot >= 0 ? pages[slot]?.data : undefined;
      return page ? page.rows[index - page.offset] : undefined;
    },
    [pages, pageIndexes],
  );
  const onRangeChange = useCallback((start: number, end: number) => {
    // Also the page ahead or behind once the rows on screen come near its edge, so a scroll
    // finds it fetched. Past the last page the mirror answers an empty page.
    const near = MIRROR_PAGE / 4;
    const firstPage = Math.max(0, Math.floor((start - near) / MIRROR_PAGE));
    const lastPage = Math.floor((end + near) / MIRROR_PAGE);
    setPageRange((old) => (old[0] === firstPage && old[1] === lastPage ? old : [firstPage, lastPage]));
  }, []);

  const status = useMirrorStatus();
  const tags = useMirrorTags();
  const refresh = useMirrorRefresh();
  const optOut = useOptOutContact();
  const remove = useDeleteContact();
  const bulk = useBulkDelete();
  const exportContacts = useExportContacts();
  const job = useJob(jobId).data ?? null;

  // Every line of the account (not only those of the rows loaded so far).
  const accountLines = useAccountLines().lines;
  const lines = useMemo(() => {
    const seen = new Set<string>();
    for (const l of accountLines ?? []) if (l.hasNumber) seen.add(l.number);
    for (const p of pages) for (const c of p.data?.rows ?? []) if (c.sendblue_number) seen.add(c.sendblue_number);
    if (line) seen.add(line);
    return [...seen].sort();
  }, [accountLines, pages, line]);
  const matching = useMatchingPhones();

  function onSort(key: ContactSortKey) {
    if (key === sort) setDirection((d) => (d === "asc" ? "desc" : "asc"));
    else {
      setSort(key);
      setDirection("asc");
    }
  }

  function toggle(phone: string) {
    setAllMatching(false);
    setSelected((old) => {
      const next = new Set(old);
      if (next.has(phone)) next.delete(phone);
      else next.add(phone);
      return next;
    });
  }
  const isSelected = useCallback((phone: string) => allMatching || selected.has(phone), [allMatching, selected]);
  const selectedCount = allMatching ? total : selected.size;

  async function onOptOut(contact: Contact_Serialize, value: boolean) {
    try {
      await optOut.mutateAsync({ number: contact.phone, opted_out: value });
      toast.show({ tone: "success", title: value ? "Opted out of SMS" : "Opted back in to SMS", body: contact.phone });
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't change the opt-out", body: toAppError(error).message });
    }
  }

  async function onConfirmDelete() {
    if (!deleting) return;
    try {
      await remove.mutateAsync(deleting.phone);
      toast.show({ tone: "success", title: "Contact deleted", body: deleting.phone });
      setDeleting(null);
      setEditing(null);
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't delete the contact", body: toAppError(error).message });
    }
  }

  async function onConfirmBulk() {
    if (matching.running || bulk.isPending) return;
    try {
      const phones = allMatching ? await matching.collect(filter, total) : [...selected];
      const info = await bulk.mutateAsync(phones);
      setJobId(info.id);
      setConfirmBulk(false);
      setSelected(new Set());
      setAllMatching(false);
    } catch (error) {
      setConfirmBulk(false);
      toast.show({ tone: "error", title: "Couldn't start deleting", body: toAppError(error).message });
    }
  }

  async function onExport() {
    try {
      const info = await exportContacts.mutateAsync(filter);
      if (info) {
        setJobId(info.id);
        toast.show({ tone: "info", title: "Exporting contacts…" });
      }
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't export", body: toAppError(error).message });
    }
  }

  async function onRefresh() {
    try {
      await refresh.mutateAsync();
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't refresh the contacts", body: toAppError(error).message });
    }
  }

  const info = status.data;
  const syncing = refresh.isPending || info?.syncing === true;
  const progress = info?.progress;
  const filtered = filter.text !== null || filter.tag !== null || filter.opted_out !== null || filter.verified !== null || filter.sendblue_number !== null;
  const jobFinished = job !== null && job.state !== "pending" && job.state !== "running";

  return (
    <div className="page page--wide" data-testid="contacts">
      <header className="page__header">
        <h1>Contacts</h1>
        <div className="contacts-sync">
          <span data-testid="contacts-last-synced" className="muted">
            {status.isPending ? <Skeleton width="10rem" height="1rem" /> : lastSyncedText(info?.last_synced ?? null)}
          </span>
          {syncing && progress && (
            <progress
              className="contacts-sync__progress"
              max={Math.max(progress.total, 1)}
              value={progress.done}
              aria-label="Refreshing contacts"
              data-testid="contacts-refresh-progress"
            />
          )}
          <Button onClick={() => void onRefresh()} busy={syncing} data-testid="contacts-refresh">
            {syncing ? "Refreshing…" : "Refresh"}
          </Button>
          <Button variant="primary" onClick={() => setEditing("new")} data-testid="contact-new">
            New contact
          </Button>
        </div>
      </header>

      <div className="contacts-filters" role="search">
        <Input label="Search" type="search" placeholder="Name, phone, company, tag…" value={text} onChange={(e) => setText(e.target.value)} testId="contacts-search" />
        <Select
          label="Tag"
          value={tag}
          onChange={(e) => setTag(e.target.value)}
          testId="contacts-filter-tag"
          options={[{ value: "", label: "Any tag" }, ...(tags.data ?? []).map((t) => ({ value: t.tag, label: `${t.tag} (${t.count})` }))]}
        />
        <Select
          label="Opted out"
          value={optedOut}
          onChange={(e) => setOptedOut(e.target.value as YesNo)}
          testId="contacts-filter-opted-out"
          options={[{ value: "", label: "Either" }, { value: "yes", label: "Opted out" }, { value: "no", label: "Not opted out" }]}
        />
        <Select
          label="Verified"
          value={verified}
          onChange={(e) => setVerified(e.target.value as YesNo)}
          testId="contacts-filter-verified"
          options={[{ value: "", label: "Either" }, { value: "yes", label: "Verified" }, { value: "no", label: "Not verified" }]}
        />
        <Select
          label="Line"
          value={line}
          onChange={(e) => setLine(e.target.value)}
          testId="contacts-filter-line"
          options={[{ value: "", label: "Any line" }, ...lines.map((l) => ({ value: l, label: l }))]}
        />
      </div>

      <div className="contacts-actions">
        <span className="muted" data-testid="contacts-total">
          {firstPage?.data ? `${total.toLocaleString()} ${total === 1 ? "contact" : "contacts"}` : ""}
        </span>
        {total > 0 && (
          <Button size="sm" variant="ghost" onClick={() => setAllMatching((a) => !a)} data-testid="contacts-select-all">
            {allMatching ? "Clear selection" : `Select all ${total.toLocaleString()} matching`}
          </Button>
        )}
        <Button
          size="sm"
          variant="danger"
          disabled={selectedCount === 0}
          onClick={() => setConfirmBulk(true)}
          data-testid="contacts-delete-selected"
        >
          Delete selected{selectedCount > 0 ? ` (${selectedCount.toLocaleString()})` : ""}
        </Button>
        <Button size="sm" onClick={() => void onExport()} busy={exportContacts.isPending} data-testid="contacts-export">
          Export
        </Button>
      </div>

      {job && (
        <div className="job-progress" data-testid="job-progress" data-state={job.state} role="status">
          <JobProgress
            jobId={job.id}
            title={job.kind === "bulk_delete" ? "Deleting contacts" : "Exporting contacts"}
            cancelQuestion={job.kind === "bulk_delete" ? "Stop deleting?" : "Stop exporting?"}
            cancelDescription={
              job.kind === "bulk_delete"
                ? "Contacts already deleted stay deleted (the backup has them). The rest are kept."
                : "The file will hold only the contacts written so far."
            }
            testId="contacts-job-meter"
            cancelTestId="contacts-job-cancel"
          />
          {jobFinished && (
            <p>
              {job.state === "completed"
                ? "Done."
                : job.state === "cancelled"
                  ? "Stopped on request."
                  : job.state === "interrupted"
                    ? "Paused. It continues when the console starts again."
                    : "Stopped by an error."}
            </p>
          )}
          {jobFinished && job.info?.report && (
            <p data-testid="job-report">
              {countsWords(job.info.report.counts)}
              {job.info.report.backup_csv ? ` Backup saved to ${job.info.report.backup_csv}.` : ""}
              {job.info.report.output ? ` Saved to ${job.info.report.output}.` : ""}
            </p>
          )}
          {jobFinished && job.info?.error && <p className="field__error">{job.info.error.message}</p>}
          {jobFinished && (
            <Button size="sm" variant="ghost" onClick={() => setJobId(null)}>
              Dismiss
            </Button>
          )}
        </div>
      )}

      {firstPage?.error ? (
        <ErrorNotice error={firstPage.error.appError} onRetry={() => void firstPage.refetch()} testId="contacts-error" />
      ) : firstPage?.isPending ? (
        <div data-testid="contacts-loading" aria-busy="true">
          {Array.from({ length: 6 }, (_, i) => (
            <Skeleton key={i} width="100%" height="2rem" />
          ))}
        </div>
      ) : total === 0 ? (
        <EmptyState
          testId="contacts-empty"
          title={filtered ? "No contacts match" : "No contacts yet"}
          action={
            filtered ? undefined : (
              <Button variant="primary" onClick={() => setEditing("new")}>
                Add a contact
              </Button>
            )
          }
        >
          {filtered ? "Try other words or clear the filters." : "Add one, import a file, or press Refresh to read them from the account."}
        </EmptyState>
      ) : (
        <ContactsTable
          total={total}
          rowAt={rowAt}
          onRangeChange={onRangeChange}
          sort={sort}
          direction={direction}
          onSort={onSort}
          isSelected={isSelected}
          onToggleSelect={toggle}
          onEdit={setEditing}
          onOptOut={(c, v) => void onOptOut(c, v)}
        />
      )}

      {editing !== null && (
        <ContactForm
          key={editing === "new" ? "new" : editing.phone}
          contact={editing === "new" ? null : editing}
          onClose={() => setEditing(null)}
          onDelete={setDeleting}
        />
      )}

      <ConfirmDialog
        open={deleting !== null}
        onCancel={() => setDeleting(null)}
        onConfirm={() => void onConfirmDelete()}
        title="Delete this contact?"
        description={`${deleting ? personName(deleting) || deleting.phone : ""} will be removed from the account. Their messages stay.`}
        testId="contact-delete-dialog"
        confirmLabel="Delete contact"
        busy={remove.isPending}
        confirmTestId="contact-delete-confirm"
      />

      <ConfirmDialog
        open={confirmBulk}
        onCancel={() => setConfirmBulk(false)}
        onConfirm={() => void onConfirmBulk()}
        title={`Delete ${selectedCount.toLocaleString()} ${selectedCount === 1 ? "contact" : "contacts"}?`}
        description="A backup file of these contacts is written first, then they are deleted from the account. You can follow the progress here."
        testId="contacts-delete-selected-dialog"
        confirmLabel="Back up and delete"
        busy={bulk.isPending || matching.running}
        confirmTestId="contacts-delete-selected-confirm"
        progress={
          matching.running && (
            <span className="muted" role="status" data-testid="contacts-delete-selected-progress">
              Collecting the contacts: {matching.found.toLocaleString()} of {selectedCount.toLocaleString()}…
            </span>
          )
        }
      />
    </div>
  );
}
