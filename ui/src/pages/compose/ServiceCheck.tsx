import type { AppError_Serialize } from "../../bindings.gen.ts";
import { Badge } from "../../components/Badge.tsx";
import { useEvaluateService } from "../../hooks/useEvaluateService.ts";
import type { ServiceGuess } from "./media.ts";
import { useDebounced } from "../../hooks/useDebounced.ts";

const LOOKUP_DEBOUNCE_MS = 400;

/** Why the lookup gave no answer, in plain words. */
export function lookupProblem(error: AppError_Serialize): string {
  switch (error.code) {
    case "Forbidden":
      return "Checking isn't part of your Sendblue plan.";
    case "RateLimited":
      return "Sendblue is busy; it can be checked again in a moment.";
    case "Network":
      return "Couldn't reach Sendblue to check.";
    case "Upstream":
      return "Sendblue couldn't tell right now.";
    case "Unauthorized":
      return "Sendblue didn't accept this account's key.";
    case "Validation":
      return "Sendblue couldn't check this number.";
    default:
      return error.message;
  }
}

const EXPLAIN: Record<Exclude<ServiceGuess, "unknown">, string> = {
  iMessage: "Goes as iMessage (blue bubbles). Effects and carousels show.",
  SMS: "Goes as a text message (SMS). Effects don't show; files up to 5 MB.",
  RCS: "Goes as RCS (Android chat). Effects don't show.",
};

/** The service a lookup answered, as the page's guess. */
export function serviceOf(answer: string | undefined): ServiceGuess {
  if (answer === "iMessage" || answer === "SMS" || answer === "RCS") return answer;
  if (answer?.toLowerCase() === "sms") return "SMS";
  return "unknown";
}

/** What evaluate-service says about the one recipient (looked up once typing pauses). */
export function useServiceGuess(number: string | null) {
  const settled = useDebounced(number, LOOKUP_DEBOUNCE_MS);
  const lookup = useEvaluateService(settled);
  const current = settled === number ? lookup : null;
  const service: ServiceGuess = current?.data ? serviceOf(current.data.service) : "unknown";
  return { number: settled === number ? number : null, lookup: current, service, checking: number !== null && (settled !== number || current?.isPending === true) };
}

export type ServiceGuessState = ReturnType<typeof useServiceGuess>;

export function ServiceCheck({ state, group }: { state: ServiceGuessState; group: boolean }) {
  if (group) {
    return (
      <p className="compose-service muted" data-testid="compose-service" data-service="group">
        Group chats go by iMessage when everyone has it; otherwise by text message (SMS).
      </p>
    );
  }
  if (state.number === null && !state.checking) return null;
  if (state.checking) {
    return (
      <p className="compose-service muted" data-testid="compose-service" data-service="checking" aria-live="polite">
        Checking how this message will go…
      </p>
    );
  }
  const error = state.lookup?.error;
  if (error) {
    return (
      <p className="compose-service" data-testid="compose-service" data-service="unknown" aria-live="polite">
        <Badge tone="neutral">Unknown</Badge> <span>Unknown — the lookup isn't available. {lookupProblem(error.appError)}</span>
      </p>
    );
  }
  const service = state.service;
  if (service === "unknown") return null;
  return (
    <p className="compose-service" data-testid="compose-service" data-service={service} aria-live="polite">
      <Badge tone={service === "iMessage" ? "info" : "success"}>{service}</Badge> <span>{EXPLAIN[service]}</span>
    </p>
  );
}
