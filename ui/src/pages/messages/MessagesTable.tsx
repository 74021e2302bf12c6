import { createColumnHelper, flexRender, getCoreRowModel, useReactTable } from "@tanstack/react-table";
import { observeElementRect, useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useMemo, useRef } from "react";
import type { MessageRecord_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { hrefFor } from "../../router.ts";
import { ContactLabel } from "./ContactName.tsx";
import { conversationPath, directionWords, previewText, shortTime, statusWords } from "./words.ts";

const ROW_HEIGHT = 48;
const FALLBACK_RECT = { width: 900, height: 600 };

export interface MessagesTableProps {
  total: number;
  /** The message at a row index, or `undefined` while its page loads. */
  rowAt: (index: number) => MessageRecord_Serialize | undefined;
  /** Told which rows are on screen so their pages are fetched. */
  onRangeChange: (start: number, end: number) => void;
  selected: string | null;
  onOpen: (message: MessageRecord_Serialize) => void;
}

type Slot = { index: number; message: MessageRecord_Serialize | undefined };

const column = createColumnHelper<Slot>();

/** Message history, virtualized: only the rows on screen are in the page, a page fetched at a time. */
export function MessagesTable({ total, rowAt, onRangeChange, selected, onOpen }: MessagesTableProps) {
  const scrollRef = useRef<HTMLDivElement>(null);
  // eslint-disable-next-line react-hooks/incompatible-library -- the virtualizer is read during render by design
  const virtualizer = useVirtualizer({
    count: total,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: 10,
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
      column.display({ id: "time", header: "When" }),
      column.display({ id: "contact", header: "Contact" }),
      column.display({ id: "direction", header: "Direction" }),
      column.display({ id: "text", header: "Message" }),
      column.display({ id: "status", header: "Status" }),
      column.display({ id: "line", header: "Line" }),
      column.display({ id: "actions", header: "Actions" }),
    ],
    [],
  );
  const data = useMemo<Slot[]>(() => items.map((item) => ({ index: item.index, message: rowAt(item.index) })), [items, rowAt]);
  const table = useReactTable({ data, columns, getCoreRowModel: getCoreRowModel() });

  function cell(id: string, m: MessageRecord_Serialize) {
    switch (id) {
      case "time":
        return (
          <time dateTime={m.date_sent} title={m.date_sent}>
            {shortTime(m.date_sent)}
          </time>
        );
      case "contact":
        return <ContactLabel number={m.number} compact />;
      case "direction":
        return (
          <span className={`msg-direction msg-direction--${m.is_outbound ? "out" : "in"}`}>
            <span aria-hidden="true">{m.is_outbound ? "↗ " : "↙ "}</span>
            {directionWords(m.is_outbound)}
          </span>
        );
      case "text": {
        const text = previewText(m.content, null);
        return (
          <button type="button" className="msg-table__open" onClick={() => onOpen(m)} data-testid="message-open">
            <span className="visually-hidden">Open details: </span>
            {m.media_url && (
              <Badge className="msg-media-badge" data-testid="message-media-indicator">
                Attachment
              </Badge>
            )}
            <span className="msg-table__preview">{text || (m.media_url ? "" : <span className="muted">No text</span>)}</span>
          </button>
        );
      }
      case "status": {
        const words = statusWords(m.status);
        return (
          <Badge tone={words.tone} title={words.help} data-testid="message-status">
            {words.label}
          </Badge>
        );
      }
      case "line":
        return <span className="mono">{m.sendblue_number ?? ""}</span>;
      case "actions":
        return m.number ? (
          <a className="btn btn--ghost btn--sm" href={hrefFor(conversationPath(m.number))} data-testid="message-conversation-link">
            Conversation
          </a>
        ) : null;
      default:
        return null;
    }
  }

  return (
    <div className="msg-table" role="table" aria-label="Message history" aria-rowcount={total + 1} data-testid="messages-table">
      <div role="rowgroup" className="msg-table__head">
        {table.getHeaderGroups().map((group) => (
          <div role="row" className="msg-table__row" key={group.id}>
            {group.headers.map((header) => (
              <div role="columnheader" key={header.id} className={`msg-table__cell msg-table__cell--${header.id}`}>
                {flexRender(header.column.columnDef.header, header.getContext())}
              </div>
            ))}
          </div>
        ))}
      </div>
      <div ref={scrollRef} className="msg-table__scroll" role="rowgroup" tabIndex={0} aria-label="Messages, newest first">
        <div style={{ height: virtualizer.getTotalSize(), position: "relative" }}>
          {table.getRowModel().rows.map((row) => {
            const { index, message } = row.original;
            const style = { position: "absolute" as const, top: 0, left: 0, right: 0, height: ROW_HEIGHT, transform: `translateY(${index * ROW_HEIGHT}px)` };
            if (!message) {
              return (
                <div role="row" className="msg-table__row" key={`loading-${index}`} style={style} aria-rowindex={index + 2}>
                  <div role="cell" className="msg-table__cell msg-table__cell--wide">
                    <Skeleton width="60%" height="1rem" testId="message-row-loading" />
                  </div>
                </div>
              );
            }
            return (
              <div
                role="row"
                className={`msg-table__row${selected === message.message_handle ? " msg-table__row--selected" : ""}`}
                key={message.message_handle}
                style={style}
                aria-rowindex={index + 2}
                data-testid="message-row"
                data-handle={message.message_handle}
                data-direction={message.is_outbound ? "out" : "in"}
              >
                {row.getVisibleCells().map((c) => (
                  <div role="cell" key={c.id} className={`msg-table__cell msg-table__cell--${c.column.id}`}>
                    {cell(c.column.id, message)}
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
