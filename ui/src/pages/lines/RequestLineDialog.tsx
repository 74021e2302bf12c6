import { useEffect, useRef, useState, type FormEvent } from "react";
import type { AppError_Serialize, LineRequestTicket_Serialize, ProvisionConfirmation_Serialize, ProvisionPreview_Serialize } from "../../bindings.gen.ts";
import { Button } from "../../components/Button.tsx";
import { Dialog } from "../../components/Dialog.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Input } from "../../components/Input.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useAddLineRequest } from "../../hooks/useAddLineRequest.ts";
import { useProvisioningConfirm } from "../../hooks/useProvisioningConfirm.ts";
import { useProvisioningPreview } from "../../hooks/useProvisioningPreview.ts";
import { toAppError } from "../../ipc.ts";
import { areaCodeError, priceWords, timeLeft, when } from "./lineWords.ts";

export interface RequestLineDialogProps {
  /** The active profile is a Live account: buying needs one more explicit confirmation. */
  live: boolean;
  profileName: string;
  onClose: () => void;
  onBought: (confirmation: ProvisionConfirmation_Serialize) => void;
  onTicket: (ticket: LineRequestTicket_Serialize) => void;
}

type Step =
  | { kind: "asking" }
  | { kind: "offer"; preview: ProvisionPreview_Serialize }
  | { kind: "expired" }
  | { kind: "ticket"; reason: string }
  | { kind: "failed"; error: AppError_Serialize };

/**
 * Requesting a line (§14.1): Sendblue's offer first (nothing charged), what it costs and how
 * long it holds, a plain warning that confirming charges the card on file, then the purchase.
 * Accounts that can't buy through the API ask Sendblue's team instead (the ticket flow).
 */
export function RequestLineDialog({ live, profileName, onClose, onBought, onTicket }: RequestLineDialogProps) {
  const [step, setStep] = useState<Step>({ kind: "asking" });
  const [confirmError, setConfirmError] = useState<string | null>(null);
  const [liveConfirmed, setLiveConfirmed] = useState(false);
  const previewing = useProvisioningPreview();
  const confirming = useProvisioningConfirm();
  const asked = useRef(false);

  async function ask() {
    setStep({ kind: "asking" });
    setConfirmError(null);
    try {
      setStep({ kind: "offer", preview: await previewing.mutateAsync() });
    } catch (error) {
      const appError = toAppError(error);
      // A 403 on the preview: this account isn't on the plan that buys lines through the API.
      if (appError.code === "Forbidden") setStep({ kind: "ticket", reason: appError.message });
      else setStep({ kind: "failed", error: appError });
    }
  }

  useEffect(() => {
    if (asked.current) return;
    asked.current = true;
    void ask();
    // eslint-disable-next-line react-hooks/exhaustive-deps -- ask once, when the dialog opens
  }, []);

  async function onConfirm(preview: ProvisionPreview_Serialize) {
    setConfirmError(null);
    try {
      onBought(await confirming.mutateAsync(preview.preview_token));
    } catch (error) {
      const appError = toAppError(error);
      // 404/410: the offer is unknown, used or expired.
      if (appError.code === "NotFound") setStep({ kind: "expired" });
      else setConfirmError(appError.message);
    }
  }

  return (
    <Dialog open onClose={onClose} title="Request a new line" testId="line-request-dialog">
      {step.kind === "asking" && (
        <div aria-busy="true" data-testid="provisioning-asking">
          <p>Asking Sendblue for an offer… nothing is charged yet.</p>
          <Skeleton width="100%" height="4rem" label="" />
        </div>
      )}
      {step.kind === "offer" && (
        <Offer
          preview={step.preview}
          live={live}
          profileName={profileName}
          liveConfirmed={liveConfirmed}
          onLiveConfirmed={setLiveConfirmed}
          busy={confirming.isPending}
          error={confirmError}
          onCancel={onClose}
          onConfirm={() => void onConfirm(step.preview)}
          onExpired={() => setStep({ kind: "expired" })}
        />
      )}
      {step.kind === "expired" && (
        <div data-testid="provisioning-expired" role="alert">
          <p>This offer has expired or was already used, so nothing was bought and nothing was charged.</p>
          <div className="dialog__footer">
            <Button onClick={onClose}>Close</Button>
            <Button variant="primary" onClick={() => void ask()} data-testid="provisioning-new-preview">
              Get a new offer
            </Button>
          </div>
        </div>
      )}
      {step.kind === "ticket" && <TicketForm reason={step.reason} onClose={onClose} onTicket={onTicket} />}
      {step.kind === "failed" && (
        <>
          <ErrorNotice error={step.error} onRetry={() => void ask()} testId="provisioning-error" />
          <div className="dialog__footer">
            <Button onClick={onClose}>Close</Button>
          </div>
        </>
      )}
    </Dialog>
  );
}

interface OfferProps {
  preview: ProvisionPreview_Serialize;
  live: boolean;
  profileName: string;
  liveConfirmed: boolean;
  onLiveConfirmed: (value: boolean) => void;
  busy: boolean;
  error: string | null;
  onCancel: () => void;
  onConfirm: () => void;
  onExpired: () => void;
}

function Offer({ preview, live, profileName, liveConfirmed, onLiveConfirmed, busy, error, onCancel, onConfirm, onExpired }: OfferProps) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = window.setInterval(() => setNow(Date.now()), 1000);
    return () => window.clearInterval(timer);
  }, []);
  const left = timeLeft(preview.expires_at, now);
  useEffect(() => {
    if (left === null) onExpired();
  }, [left, onExpired]);
  const price = priceWords(preview);

  return (
    <div data-testid="provisioning-preview">
      <p data-testid="provisioning-message">{preview.message || "Sendblue has a line ready for you."}</p>
      <dl className="provisioning-facts">
        <dt>What will be charged</dt>
        <dd data-testid="provisioning-price">
          {price ?? "One new line at your Sendblue plan's price. Sendblue didn't include the amount in this offer — check your plan if you're unsure."}
        </dd>
        <dt>Offer holds for</dt>
        <dd data-testid="provisioning-expiry">
          {left ? (
            <>
              <span role="timer" aria-live="off">
                {left}
              </span>{" "}
              left{preview.expires_at ? ` (until ${when(preview.expires_at)})` : ""}
            </>
          ) : (
            "about 10 minutes"
          )}
        </dd>
        <dt>What you get</dt>
        <dd>A new phone number on this account. Lines bought this way receive messages only.</dd>
      </dl>
      <p className="provisioning-warning" role="note" data-testid="provisioning-charge-warning">
        <strong>Confirming buys the line now and charges the card Sendblue has on file for your account.</strong> This can't be
        undone from the console.
      </p>
      {live && (
        <label className="checkbox provisioning-live">
          <input type="checkbox" checked={liveConfirmed} onChange={(e) => onLiveConfirmed(e.target.checked)} data-testid="provisioning-live-confirm" />
          I understand that “{profileName}” is a Live account and real money will be charged.
        </label>
      )}
      {error && (
        <p className="error-notice" role="alert" data-testid="provisioning-confirm-error">
          {error}
        </p>
      )}
      <div className="dialog__footer">
        <Button onClick={onCancel}>Cancel</Button>
        <Button variant="danger" busy={busy} disabled={live && !liveConfirmed} onClick={onConfirm} data-testid="provisioning-confirm">
          Buy the line and charge my card
        </Button>
      </div>
    </div>
  );
}

function TicketForm({ reason, onClose, onTicket }: { reason: string; onClose: () => void; onTicket: (t: LineRequestTicket_Serialize) => void }) {
  const [areaCode, setAreaCode] = useState("");
  const [error, setError] = useState<string | null>(null);
  const add = useAddLineRequest();

  async function onSubmit(event: FormEvent) {
    event.preventDefault();
    const problem = areaCodeError(areaCode);
    setError(problem);
    if (problem) return;
    try {
      const code = areaCode.trim();
      onTicket(await add.mutateAsync({ line_request_type: "phone", ...(code ? { desired_area_code: code } : {}) }));
    } catch (err) {
      setError(toAppError(err).message);
    }
  }

  return (
    <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="line-ticket-form">
      <p>This account can't buy lines directly, so the console asks Sendblue's team for one instead. They set it up by hand and you can follow the request here.</p>
      <p className="muted">{reason}</p>
      <Input
        label="Preferred area code or ZIP (optional)"
        testId="line-ticket-area-code"
        value={areaCode}
        inputMode="numeric"
        onChange={(e) => setAreaCode(e.target.value)}
        error={error}
      />
      <div className="dialog__footer">
        <Button onClick={onClose}>Cancel</Button>
        <Button type="submit" variant="primary" busy={add.isPending} data-testid="line-ticket-submit">
          Ask Sendblue for a line
        </Button>
      </div>
    </form>
  );
}
