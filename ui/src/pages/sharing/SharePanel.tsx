import { useId, useMemo, useState, type FormEvent } from "react";
import type { AppError_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Input } from "../../components/Input.tsx";
import { useMirrorPages, type ContactFilter } from "../../hooks/useMirrorSearch.ts";
import { useShareCard } from "../../hooks/useShareCard.ts";
import { toAppError } from "../../ipc.ts";
import { usePhoneRules } from "../../hooks/usePhoneRules.ts";
import type { Outcome } from "./SharingPanel.tsx";
import { personName } from "../../format/contact.ts";

export interface SharePanelProps {
  line: string;
  hasCard: boolean;
  onOutcome: (outcome: Outcome) => void;
  onUnsupported: (error: AppError_Serialize) => void;
}

/** Pushes the card into an existing 1:1 iMessage chat: pick one of the line's contacts or type a number. */
export function SharePanel({ line, hasCard, onOutcome, onUnsupported }: SharePanelProps) {
  const [to, setTo] = useState("");
  const [error, setError] = useState<string | null>(null);
  const share = useShareCard();
  const phone = usePhoneRules();
  const listId = useId();
  const filter: ContactFilter = useMemo(
    () => ({ text: null, tag: null, opted_out: null, verified: null, sendblue_number: line, sort: "name", direction: "asc" }),
    [line],
  );
  const contacts = useMirrorPages(filter, [0])[0]?.data?.rows ?? [];

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    if (!hasCard) {
      setError("Save a card for this line first, then share it.");
      return;
    }
    const problem = phone.error(to);
    const number = phone.toE164(to);
    if (problem || !number) {
      setError(problem ?? "Enter a phone number.");
      return;
    }
    setError(null);
    try {
      const result = await share.mutateAsync({ fromNumber: line, toNumber: number });
      onOutcome(
        result.deduplicated
          ? { ok: true, text: `The card was already shared with ${number} in the last 24 hours, so Sendblue didn't send it again.` }
          : { ok: true, text: `Card sent to the chat with ${number}. It shows once their iPhone accepts it.` },
      );
    } catch (err) {
      const appError = toAppError(err);
      if (appError.code === "Forbidden") onUnsupported(appError);
      else onOutcome({ ok: false, text: `The card wasn't shared: ${appError.message}` });
    }
  }

  return (
    <section className="sharing-share" aria-labelledby={`${listId}-title`}>
      <h2 id={`${listId}-title`} className="sharing-share__title">
        Share the card into a chat
      </h2>
      <p className="muted">Works in an existing one-to-one iMessage conversation with this line. No text message is sent.</p>
      <form className="sharing-share__form" onSubmit={(e) => void onSubmit(e)} noValidate>
        <Input
          label="Contact's number"
          testId="sharing-share-to"
          value={to}
          inputMode="tel"
          autoComplete="off"
          list={listId}
          onChange={(e) => setTo(e.target.value.startsWith("+") || /^[\d\s()-]*$/.test(e.target.value) ? phone.format(e.target.value) : e.target.value)}
          error={error}
          hint="Pick one of this line's contacts or type a number."
        />
        <datalist id={listId}>
          {contacts.map((c) => (
            <option key={c.phone} value={c.phone}>
              {personName(c) || c.phone}
            </option>
          ))}
        </datalist>
        <Button type="submit" busy={share.isPending} data-testid="sharing-share">
          Share card
        </Button>
      </form>
    </section>
  );
}
