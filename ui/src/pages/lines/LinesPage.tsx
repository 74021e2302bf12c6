import { useState } from "react";
import type { LineRequestTicket_Serialize, ProvisionConfirmation_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { Button } from "../../components/Button.tsx";
import { EmptyState } from "../../components/EmptyState.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useActiveProfile } from "../../hooks/useActiveProfile.ts";
import { useLineRequest } from "../../hooks/useLineRequest.ts";
import { useAccountLines } from "../../hooks/useAccountLines.ts";
import { toAppError } from "../../ipc.ts";
import { LineItem } from "./LineItem.tsx";
import { useRouteFlag } from "../../hooks/useRouteFlag.ts";
import { RequestLineDialog } from "./RequestLineDialog.tsx";
import { ticketWords, when } from "./lineWords.ts";

const TICKET_KEY = "sendblue-console:line-ticket:";

/** The last line request of a profile, kept across visits so it can be followed. */
function storedTicket(profileId: string | undefined): number | null {
  if (!profileId) return null;
  const raw = window.localStorage.getItem(TICKET_KEY + profileId);
  const id = raw === null ? NaN : Number(raw);
  return Number.isInteger(id) ? id : null;
}

/** The account's lines: health, call forwarding, and requesting a new one. */
export function LinesPage() {
  const profile = useActiveProfile().data ?? null;
  const profileId = profile?.profile.id;
  const toast = useToast();
  const [requesting, setRequesting] = useState(false);
  // The command palette's "Request a new line" deep link: `#/lines?request=1`.
  useRouteFlag("request", () => setRequesting(true));
  const [bought, setBought] = useState<ProvisionConfirmation_Serialize | null>(null);
  const [ticketId, setTicketId] = useState<number | null>(() => storedTicket(profileId));
  // Another profile follows its own request.
  const [ticketProfile, setTicketProfile] = useState(profileId);
  if (ticketProfile !== profileId) {
    setTicketProfile(profileId);
    setTicketId(storedTicket(profileId));
  }

  // The state snapshot is optional (some accounts don't have it); the plain list is enough.
  const account = useAccountLines({ withList: true });
  const lines = account.lines ?? [];
  const loading = account.isPending && !account.isError;
  const failed = account.isError ? account.error : null;

  function onBought(confirmation: ProvisionConfirmation_Serialize) {
    setRequesting(false);
    setBought(confirmation);
    const number = confirmation.phone_number ?? confirmation.line?.sendblue_number ?? null;
    toast.show({ tone: "success", title: "New line bought", body: number ?? undefined });
  }

  function onTicket(ticket: LineRequestTicket_Serialize) {
    setRequesting(false);
    if (profileId) window.localStorage.setItem(TICKET_KEY + profileId, String(ticket.id));
    setTicketId(ticket.id);
    toast.show({ tone: "success", title: "Line requested", body: `Request number ${ticket.id}` });
  }

  function forgetTicket() {
    if (profileId) window.localStorage.removeItem(TICKET_KEY + profileId);
    setTicketId(null);
  }

  const boughtNumber = bought ? (bought.phone_number ?? bought.line?.sendblue_number ?? null) : null;
  return (
    <div className="page" data-testid="lines-page">
      <header className="page__header">
        <h1>Lines</h1>
        <Button variant="primary" disabled={!profile} onClick={() => setRequesting(true)} data-testid="line-request">
          Request a new line
        </Button>
      </header>
      <p className="muted">A line is a phone number that sends and receives your messages.</p>

      {bought && (
        <div className="lines-result" role="status" data-testid="provisioning-result" data-number={boughtNumber ?? ""}>
          <p>
            <span aria-hidden="true">✓ </span>
            {boughtNumber ? (
              <>
                New line bought: <strong className="mono">{boughtNumber}</strong>.
              </>
            ) : (
              "The new line was bought."
            )}{" "}
            {bought.message ?? ""}
          </p>
          <Button size="sm" variant="ghost" onClick={() => setBought(null)}>
            Dismiss
          </Button>
        </div>
      )}
      {ticketId !== null && <TicketCard ticketId={ticketId} onForget={forgetTicket} />}

      {failed ? (
        <ErrorNotice error={toAppError(failed)} onRetry={account.retry} testId="lines-error" />
      ) : loading ? (
        <ul className="line-items" aria-busy="true" data-testid="lines-loading">
          {[0, 1, 2].map((i) => (
            <li key={i} className="line-item">
              <Skeleton width="100%" height="3rem" label={i === 0 ? "Loading the lines…" : ""} />
            </li>
          ))}
        </ul>
      ) : lines.length === 0 ? (
        <EmptyState
          testId="lines-empty"
          title="This account has no lines yet"
          action={
            <Button variant="primary" onClick={() => setRequesting(true)}>
              Request a line
            </Button>
          }
        >
          Without a line the account can't send or receive messages.
        </EmptyState>
      ) : (
        <ul className="line-items">
          {lines.map((line) => (
            <LineItem key={line.number} line={line} />
          ))}
        </ul>
      )}
      {account.fromPlainList && !failed && lines.length > 0 && <p className="muted">Line health isn't available for this account.</p>}

      {requesting && profile && (
        <RequestLineDialog
          live={profile.profile.kind === "Live"}
          profileName={profile.profile.name}
          onClose={() => setRequesting(false)}
          onBought={onBought}
          onTicket={onTicket}
        />
      )}
    </div>
  );
}

function TicketCard({ ticketId, onForget }: { ticketId: number; onForget: () => void }) {
  const ticket = useLineRequest(ticketId);
  const data = ticket.data;
  return (
    <section className="line-ticket" aria-labelledby="line-ticket-title" data-testid="line-ticket" data-status={data?.status ?? ""}>
      <h2 id="line-ticket-title" className="line-ticket__title">
        Your line request (number {ticketId})
      </h2>
      {ticket.error ? (
        <ErrorNotice error={toAppError(ticket.error)} onRetry={() => void ticket.refetch()} />
      ) : !data ? (
        <Skeleton width="16rem" height="1rem" label="Loading the request…" />
      ) : (
        <>
          <p>
            <Badge tone={data.status === "FULFILLED" ? "success" : data.status === "OPEN" ? "info" : "neutral"}>
              {data.status === "OPEN" ? "Waiting" : data.status === "FULFILLED" ? "Done" : data.status === "CANCELLED" ? "Cancelled" : data.status}
            </Badge>{" "}
            <span data-testid="line-ticket-state">{ticketWords(data.status, data.fulfilledNumber)}</span>
          </p>
          <p className="muted">
            {data.createdAt ? `Asked ${when(data.createdAt)}` : ""}
            {data.desiredAreaCode ? ` · preferred area ${data.desiredAreaCode}` : ""}
          </p>
        </>
      )}
      <div className="line-ticket__actions">
        <Button size="sm" busy={ticket.isFetching} onClick={() => void ticket.refetch()} data-testid="line-ticket-refresh">
          Check again
        </Button>
        <Button size="sm" variant="ghost" onClick={onForget} data-testid="line-ticket-forget">
          Stop following
        </Button>
      </div>
    </section>
  );
}
