import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent as ReactKeyboardEvent } from "react";
import { Dialog } from "../components/Dialog.tsx";
import { useProfiles } from "../hooks/useProfiles.ts";
import { PAGES } from "../pages/registry.ts";
import { paletteEntries, type PaletteEntry, type PaletteProfile } from "./palette/entries.ts";
import { filterByQuery } from "./palette/match.ts";
import { usePaletteActions } from "./palette/usePaletteActions.ts";

const IS_MAC = typeof navigator !== "undefined" && /Mac|iPhone|iPad/.test(navigator.platform);
const SHORTCUT_LABEL = IS_MAC ? "⌘K" : "Ctrl K";

/** Ctrl+K (⌘K on a Mac), whatever has focus. */
function isPaletteShortcut(event: KeyboardEvent): boolean {
  return (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey && event.key.toLowerCase() === "k";
}

/**
 * The command palette: Ctrl/Cmd+K or the header button opens a search over every page and the
 * common actions. It is a combobox driving a listbox (arrow keys move, Enter runs, Esc closes and
 * focus goes back to where it was).
 */
export function CommandPalette() {
  const [open, setOpen] = useState(false);

  useEffect(() => {
    function onKeyDown(event: KeyboardEvent) {
      if (!isPaletteShortcut(event)) return;
      // Not over another dialog: it traps focus and its Esc would close both.
      if (document.querySelector('[aria-modal="true"]:not([data-testid="command-palette"])')) return;
      event.preventDefault();
      setOpen((was) => !was);
    }
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="palette-open"
        data-testid="command-palette-open"
        aria-haspopup="dialog"
        aria-keyshortcuts="Control+K Meta+K"
        onClick={() => setOpen(true)}
      >
        <span className="palette-open__icon" aria-hidden="true" />
        <span className="palette-open__text">Search or jump…</span>
        <kbd className="palette-open__kbd">{SHORTCUT_LABEL}</kbd>
      </button>
      {open && <PalettePanel onClose={() => setOpen(false)} />}
    </>
  );
}

function PalettePanel({ onClose }: { onClose: () => void }) {
  const inputRef = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState("");
  const [activeIndex, setActiveIndex] = useState(0);
  const listId = useId();
  const actions = usePaletteActions();
  const profiles = useProfiles().data;

  const entries = useMemo(() => {
    const list: PaletteProfile[] = (profiles ?? []).map((v) => ({ id: v.profile.id, name: v.profile.name, kind: v.profile.kind, active: v.active }));
    return paletteEntries(PAGES, list, actions);
  }, [profiles, actions]);
  const results = useMemo(() => filterByQuery(entries, query, (e) => e.label, (e) => e.keywords), [entries, query]);
  const active = results.length > 0 ? Math.min(activeIndex, results.length - 1) : -1;
  const optionId = (index: number) => `${listId}-option-${index}`;

  useEffect(() => {
    if (active < 0) return;
    document.getElementById(optionId(active))?.scrollIntoView?.({ block: "nearest" });
  });

  function run(entry: PaletteEntry) {
    onClose();
    entry.run();
  }

  function onKeyDown(event: ReactKeyboardEvent<HTMLInputElement>) {
    const count = results.length;
    if (event.key === "ArrowDown" && count > 0) {
      event.preventDefault();
      setActiveIndex((active + 1) % count);
    } else if (event.key === "ArrowUp" && count > 0) {
      event.preventDefault();
      setActiveIndex((active - 1 + count) % count);
    } else if (event.key === "PageDown" && count > 0) {
      event.preventDefault();
      setActiveIndex(Math.min(active + 5, count - 1));
    } else if (event.key === "PageUp" && count > 0) {
      event.preventDefault();
      setActiveIndex(Math.max(active - 5, 0));
    } else if (event.key === "Enter") {
      event.preventDefault();
      const entry = results[active];
      if (entry) run(entry);
    }
  }

  return (
    <Dialog
      open
      onClose={onClose}
      title={<span className="visually-hidden">Search pages and actions</span>}
      initialFocus={inputRef}
      testId="command-palette"
      className="command-palette"
    >
      <div className="command-palette__search">
        <span className="palette-open__icon" aria-hidden="true" />
        <input
          ref={inputRef}
          className="command-palette__input"
          type="text"
          role="combobox"
          aria-label="Search pages and actions"
          aria-expanded="true"
          aria-controls={listId}
          aria-autocomplete="list"
          aria-activedescendant={active >= 0 ? optionId(active) : undefined}
          autoComplete="off"
          spellCheck={false}
          placeholder="Search pages and actions…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActiveIndex(0);
          }}
          onKeyDown={onKeyDown}
          data-testid="command-palette-input"
        />
      </div>
      <ul className="command-palette__list" role="listbox" id={listId} aria-label="Pages and actions">
        {results.map((entry, index) => (
          <li
            key={entry.id}
            id={optionId(index)}
            role="option"
            aria-selected={index === active}
            className="command-palette__item"
            data-testid="command-palette-item"
            data-entry={entry.id}
            onMouseMove={() => {
              if (index !== active) setActiveIndex(index);
            }}
            onClick={() => run(entry)}
          >
            <span className="command-palette__label">{entry.label}</span>
            <span className="command-palette__kind">{entry.kind === "page" ? "Page" : "Action"}</span>
          </li>
        ))}
      </ul>
      {results.length === 0 && (
        <p className="command-palette__empty" data-testid="command-palette-empty">
          Nothing matches “{query.trim()}”. Try fewer or other words.
        </p>
      )}
      <p className="visually-hidden" role="status">
        {results.length === 1 ? "1 result" : `${results.length} results`}
      </p>
      <p className="command-palette__help" aria-hidden="true">
        <kbd>↑</kbd> <kbd>↓</kbd> to move · <kbd>Enter</kbd> to open · <kbd>Esc</kbd> to close
      </p>
    </Dialog>
  );
}
