import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import type { Contact_Serialize, ContactSortKey, SortDirection } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { personName } from "../../format/contact.ts";

const ROW_HEIGHT = 44;
const FALLBACK_RECT = { width: 800, height: 600 };

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

type Slot = { index: number; contact: Contact_Serialize | undefined };

const column = createColumnHelper<Slot>();

const SORTABLE: Record<string, ContactSortKey | undefined> = { name: "name", phone: "phone", company: "company" };

function fullName(c: Contact_Serialize): string {
  return personName(c);
}

/** The contacts, virtualized: only the rows on screen are in the page, fetched a page at a time. */
export function ContactsTable(props: ContactsTableProps) {
  const { total, rowAt, onRangeChange, sort, direction, onSort, isSelected, onToggleSelect, onEdit, onOptOut } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 12,
    initialRect: FALLBACK_RECT,
    // Before layout (and in layout-less test DOMs) the box measures 0: show a screenful anyway.
    observeElementRect: (instance, onRect) =>
      observeElementRect(instance, (rect) => onRect(rect.height > 0 ? rect : { ...rect, height: FALLBACK_RECT.height })),
  });
  const items = virtualizer.getVirtualItems();
  const first = items[0]?.index ?? 0;
  const last = items[items.length - 1]?.index ?? 0;
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
  const data = useMemo<Slot[]>(() => items.map((item) => ({ index: item.index, contact: rowAt(item.index) })), [items, rowAt]);
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel(), manualSorting: true });

  function cell(id: string, c: Contact_Serialize) {
    switch (id) {
      case "select":
        return (
          <input
            type="checkbox"
            aria-label={`Select ${c.phone}`}
            checked={isSelected(c.phone)}
            onChange={() => onToggleSelect(c.phone)}
            data-testid="contact-select"
          />
        );
      case "name":
        return fullName(c) || <span className="muted">No name</span>;
      case "phone":
        return <span className="mono">{c.phone}</span>;
      case "company":
        return c.company_name ?? "";
      case "tags":
        return c.tags.map((t) => (
          <Badge key={t} className="contact-tag">
            {t}
          </Badge>
        ));
      case "optout":
        return (
          <label className="contact-optout">
            <input
              type="checkbox"
              checked={c.opt_out === true}
              onChange={(e) => onOptOut(c, e.target.checked)}
              data-testid="contact-opt-out"
            />
            <span className="visually-hidden">{`${fullName(c) || c.phone} opted out of SMS`}</span>
          </label>
        );
      case "line":
        return <span className="mono">{c.sendblue_number ?? ""}</span>;
      case "actions":
        return (
          <Button size="sm" variant="ghost" onClick={() => onEdit(c)} data-testid="contact-edit" aria-label={`Edit ${fullName(c) || c.phone}`}>
            Edit
          </Button>
        );
      default:
        return null;
    }
  }

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
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {table.getRowModel().rows.map((row) => {
            const { index, contact } = row.original;
            const style = { position: "absolute" as const, top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` };
            if (!contact) {
              return (
                <div role="row" className="contacts-table__row" key={`loading-${index}`} style={style} aria-rowindex={index + 2}>
                  <div role="cell" className="contacts-table__cell contacts-table__cell--wide">
                    <Skeleton width="60%" height="1rem" testId="contact-row-loading" />
                  </div>
                </div>
              );
            }
            return (
              <div
                role="row"
                className="contacts-table__row"
                key={contact.phone}
                style={style}
                aria-rowindex={index + 2}
                data-testid="contact-row"
                data-phone={contact.phone}
              >
                {row.getVisibleCells().map((c) => (
                  <div role="cell" key={c.id} className={`contacts-table__cell contacts-table__cell--${c.column.id}`}>
                    {cell(c.column.id, contact)}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
      </div>
    </div>
  );
}
