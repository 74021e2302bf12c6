import { useId, useState, type KeyboardEvent } from "react";
import type { Contact_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Field } from "../../components/Field.tsx";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import type { PhoneRules } from "../settings/countries.ts";
import { contactName, useContactSuggestions } from "./contacts.ts";
import { useDebounced } from "../../hooks/useDebounced.ts";

const SUGGESTIONS = 8;
const SEARCH_DEBOUNCE_MS = 200;

/** One person the message goes to. */
export interface Recipient {
  phone: string;
  /** Their name, when they were picked from the contacts. */
  name: string | null;
  optedOut: boolean;
}

export interface RecipientFieldProps {
  recipients: readonly Recipient[];
  pending: string;
  onPendingChange: (value: string) => void;
  onAdd: (recipient: Recipient) => void;
  onRemove: (phone: string) => void;
  error?: string | null;
}

/** Numbers are formatted as they are typed; names are left alone (they search the contacts). */
function typedValue(raw: string, phone: PhoneRules): string {
  return /^[\d\s()+.-]*$/.test(raw) ? phone.format(raw) : raw;
}

/**
 * "To": a combobox over the contacts mirror. Type a name or a number; ↑/↓ move through the
 * suggestions, Enter picks one (or adds the typed number), Backspace in an empty box removes the
 * last person, Esc closes the list.
 */
export function RecipientField({ recipients, pending, onPendingChange, onAdd, onRemove, error }: RecipientFieldProps) {
  const listId = useId();
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const search = useDebounced(pending, SEARCH_DEBOUNCE_MS);
  const { contacts } = useContactSuggestions(search, SUGGESTIONS + recipients.length);
  const options = contacts.filter((c) => !recipients.some((r) => r.phone === c.phone)).slice(0, SUGGESTIONS);
  const showList = open && pending.trim() !== "" && options.length > 0;
  const phone = usePhoneRules();
  const typed = phone.toE164(pending);

  function pick(contact: Contact_Serialize) {
    onAdd({ phone: contact.phone, name: contactName(contact), optedOut: contact.opt_out === true });
    setOpen(false);
    setActive(-1);
  }

  function addTyped(): boolean {
    if (!typed) return false;
    const known = options.find((c) => c.phone === typed);
    if (known) pick(known);
    else {
      onAdd({ phone: typed, name: null, optedOut: false });
      setOpen(false);
      setActive(-1);
    }
    return true;
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    switch (event.key) {
      case "ArrowDown":
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i + 1) % options.length);
        break;
      case "ArrowUp":
        if (options.length === 0) return;
        event.preventDefault();
        setOpen(true);
        setActive((i) => (i <= 0 ? options.length - 1 : i - 1));
        break;
      case "Enter": {
        const chosen = showList && active >= 0 ? options[active] : undefined;
        if (chosen) {
          event.preventDefault();
          pick(chosen);
        } else if (pending.trim() !== "") {
          // A whole number is added; anything else stays for the person to fix (no send).
          event.preventDefault();
          addTyped();
        }
        break;
      }
      case "Escape":
        if (showList) {
          event.preventDefault();
          event.stopPropagation();
          setOpen(false);
          setActive(-1);
        }
        break;
      case "Backspace":
        if (pending === "" && recipients.length > 0) onRemove(recipients[recipients.length - 1]!.phone);
        break;
      default:
        break;
    }
  }

  const activeId = showList && active >= 0 ? `${listId}-${active}` : undefined;
  return (
    <Field
      label="To"
      error={error}
      testId="compose-recipient"
      className="compose-recipient"
      hint={
        typed && !recipients.some((r) => r.phone === typed)
          ? `Sends to ${typed}. Press Enter to add another person.`
          : `Type a name or a phone number. ${phone.hint}`
      }
    >
      {(control) => (
        <div className="compose-recipient__box">
          {recipients.length > 0 && (
            <ul className="compose-recipient__chips" aria-label="Recipients" data-testid="compose-recipient-list">
              {recipients.map((r) => (
                <li key={r.phone} className="compose-chip" data-testid="compose-recipient-chip" data-phone={r.phone}>
                  <span className="compose-chip__name">{r.name ?? r.phone}</span>
                  {r.name && <span className="compose-chip__phone mono">{r.phone}</span>}
                  {r.optedOut && <Badge tone="danger">Opted out</Badge>}
                  <button
                    type="button"
                    className="compose-chip__remove"
                    aria-label={`Remove ${r.name ?? r.phone}`}
                    onClick={() => onRemove(r.phone)}
                    data-testid="compose-recipient-remove"
                  >
                    ×
                  </button>
                </li>
              ))}
            </ul>
          )}
          <input
            {...control}
            className="input compose-recipient__input"
            role="combobox"
            aria-expanded={showList}
            aria-controls={listId}
            aria-autocomplete="list"
            aria-activedescendant={activeId}
            autoComplete="off"
            inputMode="text"
            placeholder={recipients.length > 0 ? "Add another person" : "Name or phone number"}
            value={pending}
            onChange={(e) => {
              onPendingChange(typedValue(e.target.value, phone));
              setOpen(true);
              setActive(-1);
            }}
            onKeyDown={onKeyDown}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
          />
          <ul id={listId} role="listbox" aria-label="Matching contacts" className="compose-suggestions" hidden={!showList} data-testid="compose-suggestions">
            {showList &&
              options.map((c, i) => (
                <li
                  key={c.phone}
                  id={`${listId}-${i}`}
                  role="option"
                  aria-selected={i === active}
                  className="compose-suggestion"
                  data-testid="compose-suggestion"
                  data-phone={c.phone}
                  // Keep focus in the box so the pick lands before blur closes the list.
                  onMouseDown={(e) => e.preventDefault()}
                  onClick={() => pick(c)}
                >
                  <span className="compose-suggestion__name">{contactName(c) ?? "No name"}</span>
                  <span className="compose-suggestion__phone mono">{c.phone}</span>
                  {c.opt_out === true && <Badge tone="danger">Opted out</Badge>}
                </li>
              ))}
          </ul>
        </div>
      )}
    </Field>
  );
}
