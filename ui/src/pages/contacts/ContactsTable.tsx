import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { memo, useEffect, useLayoutEffect, useMemo, useRef } from "react";
import type { Contact_Serialize, ContactSortKey, SortDirection } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { personName } from "../../format/contact.ts";

const ROW_HEIGHT = 44;
const FALLBACK_RECT = { width: 800, height: 600 };
/** Rows rendered above and below the screenful (rows render in the scroll event itself). */
const OVERSCAN = 6;

export interface ContactsTableProps {
  total: number;
  /** The contact at a row index, or `undefined` while its page loads. */
  rowAt: (index: number) => Contact_Serialize | undefined;
  /** Told which rows are on screen so their pages are fetched. */
  onRangeChange: (start: number, end: number) => void;
  sort: ContactSortKey;
  direction: SortDirection;
  onSort: (key: ContactSortKey) => void;
  isSelected: (phone: string) => boolean;
  onToggleSelect: (phone: string) => void;
  onEdit: (contact: Contact_Serialize) => void;
  onOptOut: (contact: Contact_Serialize, optedOut: boolean) => void;
}

/** What a row does; one stable object for the table's life, so rows can skip re-rendering. */
interface RowActions {
  toggle: (phone: string) => void;
  edit: (contact: Contact_Serialize) => void;
  optOut: (contact: Contact_Serialize, optedOut: boolean) => void;
}

const column = createColumnHelper<Contact_Serialize>();
const NO_ROWS: Contact_Serialize[] = [];

const SORTABLE: Record<string, ContactSortKey | undefined> = { name: "name", phone: "phone", company: "company" };

function fullName(c: Contact_Serialize): string {
  return personName(c);
}

interface ContactRowProps {
  index: number;
  contact: Contact_Serialize;
  selected: boolean;
  actions: RowActions;
}

/**
 * One contact. Memoized: while scrolling, rows already on screen keep their contact object,
 * selection and actions, so only the rows scrolled into view render.
 */
const ContactRow = memo(function ContactRow({ index, contact: c, selected, actions }: ContactRowProps) {
  const name = fullName(c);
  return (
    <div role="row" className="contacts-table__row contacts-table__row--body" aria-rowindex={index + 2} data-testid="contact-row" data-phone={c.phone}>
      <div role="cell" className="contacts-table__cell contacts-table__cell--select">
        <input type="checkbox" aria-label={`Select ${c.phone}`} checked={selected} onChange={() => actions.toggle(c.phone)} data-testid="contact-select" />
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--name">
        {name || <span className="muted">No name</span>}
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--phone">
        <span className="mono">{c.phone}</span>
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--company">
        {c.company_name ?? ""}
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--tags">
        {c.tags.map((t) => (
          <Badge key={t} className="contact-tag">
            {t}
          </Badge>
        ))}
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--optout">
        <label className="contact-optout">
          <input type="checkbox" checked={c.opt_out === true} onChange={(e) => actions.optOut(c, e.target.checked)} data-testid="contact-opt-out" />
          <span className="visually-hidden">{`${name || c.phone} opted out of SMS`}</span>
        </label>
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--line">
        <span className="mono">{c.sendblue_number ?? ""}</span>
      </div>
      <div role="cell" className="contacts-table__cell contacts-table__cell--actions">
        <Button size="sm" variant="ghost" onClick={() => actions.edit(c)} data-testid="contact-edit" aria-label={`Edit ${name || c.phone}`}>
          Edit
        </Button>
      </div>
    </div>
  );
});

/** A row whose page is still loading: a still placeholder (no shimmer to repaint every frame). */
const LoadingRow = memo(function LoadingRow({ index }: { index: number }) {
  return (
    <div role="row" className="contacts-table__row contacts-table__row--body" aria-rowindex={index + 2}>
      <div role="cell" className="contacts-table__cell contacts-table__cell--wide">
        <Skeleton width="60%" height="1rem" testId="contact-row-loading" />
      </div>
    </div>
  );
});

/** The contacts, virtualized: only the rows on screen are in the page, fetched a page at a time. */
export function ContactsTable(props: ContactsTableProps) {
  const { total, rowAt, onRangeChange, sort, direction, onSort, isSelected } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // The latest callbacks, read when a row is used: rows get one stable `actions` object.
  const latest = useRef(props);
  useLayoutEffect(() => {
    latest.current = props;
  });
  const actions = useMemo<RowActions>(
    () => ({
      toggle: (phone) => latest.current.onToggleSelect(phone),
      edit: (contact) => latest.current.onEdit(contact),
      optOut: (contact, optedOut) => latest.current.onOptOut(contact, optedOut),
    }),
    [],
  );
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
    initialRect: FALLBACK_RECT,
    // Before layout (and in layout-less test DOMs) the box measures 0: show a screenful anyway.
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : { ...rect, height: FALLBACK_RECT.height })),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
  const top = items[0]?.start ?? 0;
  useEffect(() => onRangeChange(first, last), [first, last, onRangeChange]);

  const columns = useMemo(
    () => [
      column.display({ id: "select", header: "Select" }),
      column.display({ id: "name", header: "Name" }),
      column.display({ id: "phone", header: "Phone" }),
      column.display({ id: "company", header: "Company" }),
      column.display({ id: "tags", header: "Tags" }),
      column.display({ id: "optout", header: "Opted out" }),
      column.display({ id: "line", header: "Line" }),
      column.display({ id: "actions", header: "Actions" }),
    ],
    [],
  );
  // The table model only draws the header: the rows are the virtualizer's, drawn by ContactRow.
  const table = useReactTable({ data: NO_ROWS, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true });

  return (
    <div className="contacts-table" role="table" aria-rowcount={total + 1} data-testid="contacts-table">
      <div role="rowgroup" className="contacts-table__head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" className="contacts-table__row" key={group.id}>
            {group.headers.map((header) => {
              const key = SORTABLE[header.id];
              const label = flexRender(header.column.columnDef.header, header.getContext());
              const sorted = key !== undefined && key === sort;
              return (
                <div
                  role="columnheader"
                  key={header.id}
                  className={`contacts-table__cell contacts-table__cell--${header.id}`}
                  aria-sort={sorted ? (direction === "asc" ? "ascending" : "descending") : undefined}
                >
                  {header.id === "select" ? (
                    <span className="visually-hidden">{label}</span>
                  ) : key ? (
                    <button type="button" className="contacts-table__sort" onClick={() => onSort(key)} data-testid={`contacts-sort-${key}`}>
                      {label}
                      {sorted && <span aria-hidden="true">{direction === "asc" ? " ▲" : " ▼"}</span>}
                    </button>
                  ) : (
                    label
                  )}
                </div>
              );
            })}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="contacts-table__scroll" role="rowgroup" tabIndex={0} aria-label="Contacts">
        <div className="contacts-table__space" style={{ height: virtualizer.getTotalSize() }}>
          {/* One moved block of rows in normal flow (not one transformed layer per row). */}
          <div className="contacts-table__window" style={{ transform: `translateY(${top}px)` }}>
            {items.map((item) => {
              const contact = rowAt(item.index);
              return contact ? (
                <ContactRow key={contact.phone} index={item.index} contact={contact} selected={isSelected(contact.phone)} actions={actions} />
              ) : (
                <LoadingRow key={`loading-${item.index}`} index={item.index} />
              );
            })}
          </div>
        </div>
      </div>
    </div>
  );
}
