import { useEffect, useId, useRef, useState, type KeyboardEvent } from "react";

/**
 * The documented tapbacks (§2.4). The symbols are plain text, not emoji: the desktop may have no
 * emoji font, and the words say what each one is anyway.
 */
export const TAPBACKS = [
  { type: "love", symbol: "♥", label: "Love" },
  { type: "like", symbol: "+1", label: "Like" },
  { type: "dislike", symbol: "−1", label: "Dislike" },
  { type: "laugh", symbol: "Ha", label: "Ha ha" },
  { type: "emphasize", symbol: "!!", label: "Emphasize" },
  { type: "question", symbol: "?", label: "Question" },
] as const;

export type TapbackType = (typeof TAPBACKS)[number]["type"];

export interface TapbackMenuProps {
  /** Names the message in the button's label ("React to “On my way!”"). */
  about: string;
  onPick: (type: TapbackType) => void;
  busy?: boolean;
}

/**
 * A "React" button that opens a menu of tapbacks. Arrow keys move between them, Enter picks,
 * Esc closes and returns to the button.
 */
export function TapbackMenu({ about, onPick, busy = false }: TapbackMenuProps) {
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const itemRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const rootRef = useRef<HTMLDivElement>(null);
  const menuId = useId();

  useEffect(() => {
    if (open) itemRefs.current[0]?.focus();
  }, [open]);

  // A click anywhere else closes the menu.
  useEffect(() => {
    if (!open) return;
    function onDown(event: MouseEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener("mousedown", onDown);
    return () => document.removeEventListener("mousedown", onDown);
  }, [open]);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function onMenuKey(event: KeyboardEvent<HTMLDivElement>) {
    const items = itemRefs.current.filter((el): el is HTMLButtonElement => el !== null);
    const at = items.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | null = null;
    if (event.key === "ArrowRight" || event.key === "ArrowDown") next = (at + 1) % items.length;
    else if (event.key === "ArrowLeft" || event.key === "ArrowUp") next = (at - 1 + items.length) % items.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    else if (event.key === "Escape") {
      event.preventDefault();
      event.stopPropagation();
      close();
      return;
    } else if (event.key === "Tab") {
      setOpen(false);
      return;
    }
    if (next !== null) {
      event.preventDefault();
      items[next]?.focus();
    }
  }

  return (
    <div className="tapback" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="tapback__open"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={`React to “${about}”`}
        disabled={busy}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (e.key === "ArrowDown" && !open) {
            e.preventDefault();
            setOpen(true);
          }
        }}
        data-testid="tapback-open"
      >
        <span aria-hidden="true">☺︎</span>
        <span className="tapback__open-text">React</span>
      </button>
      {open && (
        <div id={menuId} role="menu" aria-label="Reactions" className="tapback__menu" data-testid="tapback-menu" onKeyDown={onMenuKey}>
          {TAPBACKS.map((t, i) => (
            <button
              key={t.type}
              ref={(el) => {
                itemRefs.current[i] = el;
              }}
              type="button"
              role="menuitem"
              tabIndex={-1}
              className="tapback__item"
              onClick={() => {
                close();
                onPick(t.type);
              }}
              data-testid={`tapback-${t.type}`}
            >
              <span className="tapback__symbol" aria-hidden="true">
                {t.symbol}
              </span>
              {t.label}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
