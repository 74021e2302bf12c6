// The fake backend's lines commands (see ../backend.ts): call forwarding and provisioning (the
// preview → confirm purchase and the ticket flow). `lines_list` and `lines_state` stay in
// backend.ts (the overview uses them too). Owned by the lines page's tests.
import type {
  AddLineRequest_Deserialize,
  AppError_Serialize,
  ErrorCode,
  LineRequestTicket_Serialize,
  ProvisionConfirmation_Serialize,
  ProvisionPreview_Serialize,
} from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

// Like backend.ts's appError (not imported: backend.ts imports this file).
function appError(code: ErrorCode, message: string): AppError_Serialize {
  return { code, message, detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } };
}

export interface LinesState {
  /** Where each line's calls go (missing: not forwarded). */
  forwarding: Record<string, string | null>;
  /** Lines whose forwarding Sendblue refuses (the shared line: 403). */
  noForwarding: string[];
  /** What `provisioning_preview` answers (throw an AppError to fail it). */
  preview: () => ProvisionPreview_Serialize;
  /** Tokens handed out and not used yet. */
  openTokens: string[];
  /** The number the next purchase gets. */
  nextNumber: string;
  tickets: Record<number, LineRequestTicket_Serialize>;
  nextTicketId: number;
}

let tokens = 0;

export function linesState(): LinesState {
  const state: LinesState = {
    forwarding: { "+14155550100": "+14155550199" },
    noForwarding: ["+14155550101"],
    preview: () => {
      const token = `lpv_test_${++tokens}`;
      state.openTokens.push(token);
      return {
        status: "OK",
        preview_token: token,
        expires_at: new Date(Date.now() + 10 * 60 * 1000).toISOString(),
        message: "Confirm within 10 minutes to complete the purchase.",
      };
    },
    openTokens: [],
    nextNumber: "+14155550188",
    tickets: {},
    nextTicketId: 12345,
  };
  return state;
}

export function linesHandlers(ctx: FakeContext<LinesState>): Record<string, Handler> {
  const state = ctx.state;
  const forwardable = (number: string) => {
    if (state.noForwarding.includes(number)) {
      throw appError("Forbidden", "This isn't available on your plan or for this line. Sendblue said: “Call forwarding is only available on dedicated lines”");
    }
  };
  return {
    lines_call_forwarding: (args) => {
      ctx.need();
      const number = args.sendblueNumber as string;
      forwardable(number);
      return { sendblue_number: number, forwarding_number: state.forwarding[number] ?? null };
    },
    lines_set_call_forwarding: (args) => {
      ctx.need();
      const number = args.sendblueNumber as string;
      forwardable(number);
      state.forwarding[number] = args.forwardingNumber as string;
      return { sendblue_number: number, forwarding_number: state.forwarding[number] };
    },
    lines_clear_call_forwarding: (args) => {
      ctx.need();
      const number = args.sendblueNumber as string;
      state.forwarding[number] = null;
      return { sendblue_number: number, forwarding_number: null };
    },
    provisioning_preview: () => {
      ctx.need();
      return state.preview();
    },
    provisioning_confirm: (args) => {
      ctx.need();
      const token = args.previewToken as string;
      if (!state.openTokens.includes(token)) {
        throw appError("NotFound", "That item no longer exists. Refresh to see the latest. Sendblue said: “This preview token has expired; request a new preview”");
      }
      state.openTokens = state.openTokens.filter((t) => t !== token);
      return {
        status: "OK",
        message: null,
        phone_number: state.nextNumber,
        line: { sendblue_number: state.nextNumber, type: "inbound_only" },
      } as ProvisionConfirmation_Serialize;
    },
    provisioning_add_line: (args) => {
      ctx.need();
      const request = args.request as AddLineRequest_Deserialize;
      const ticket = {
        id: state.nextTicketId++,
        type: "PHONE",
        status: "OPEN",
        desiredAreaCode: request.desired_area_code ?? null,
        createdAt: "2026-03-02T19:00:00.000Z",
        fulfilledNumber: null,
        fulfilledAt: null,
      } as LineRequestTicket_Serialize;
      state.tickets[ticket.id] = ticket;
      return { ...ticket };
    },
    provisioning_line_request: (args) => {
      ctx.need();
      const ticket = state.tickets[args.ticketId as number];
      if (!ticket) throw appError("NotFound", "That item no longer exists. Refresh to see the latest.");
      return { ...ticket };
    },
  };
}
