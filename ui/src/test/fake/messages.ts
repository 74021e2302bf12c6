// The fake backend's messages commands (see ../backend.ts). Owned by the messages page's tests.
// History is a list of stored messages; `messages_list` applies the API's filters to it (§5.1).
import type {
  AppError_Serialize,
  ErrorCode,
  ListMessages_Deserialize,
  MarkRead,
  MessagePage_Serialize,
  MessageRecord_Serialize,
  SendReaction_Deserialize,
  TypingIndicator_Deserialize,
} from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export interface MessagesState {
  /** The account's stored messages, in any order (the list sorts them). */
  messages: MessageRecord_Serialize[];
}

export function messagesState(): MessagesState {
  return {
    messages: [
      message("m-1", { number: "+14155550123", is_outbound: true, status: "DELIVERED", content: "Your table is ready", date_sent: "2025-03-01T18:00:00Z" }),
      message("m-2", { number: "+14155550123", is_outbound: false, status: "RECEIVED", content: "On my way!", date_sent: "2025-03-01T18:05:00Z" }),
      message("m-3", { number: "+14155550124", is_outbound: true, status: "ERROR", content: "Reminder: appointment tomorrow", date_sent: "2025-03-02T09:00:00Z", error_code: 10001, error_message: "Message failed to send" }),
    ],
  };
}

const LINE = "+14155550100";

/** A stored message with every field filled in; `number` is the other party. */
export function message(handle: string, fields: Partial<MessageRecord_Serialize> = {}): MessageRecord_Serialize {
  const number = fields.number ?? "+14155550123";
  const line = fields.sendblue_number ?? LINE;
  const outbound = fields.is_outbound ?? true;
  return {
    message_handle: handle,
    status: outbound ? "DELIVERED" : "RECEIVED",
    accountEmail: "ops@acme.test",
    content: "Hello",
    date_sent: "2025-03-01T12:00:00Z",
    date_updated: fields.date_sent ?? "2025-03-01T12:00:00Z",
    error_code: null,
    error_detail: null,
    error_message: null,
    error_reason: null,
    from_number: outbound ? line : number,
    to_number: outbound ? number : line,
    number,
    sendblue_number: line,
    group_id: "",
    group_display_name: null,
    participants: outbound ? [] : [number, line],
    is_outbound: outbound,
    media_url: null,
    message_type: "message",
    opted_out: false,
    plan: "dedicated",
    send_style: null,
    service: "iMessage",
    was_downgraded: null,
    seat_id: null,
    sender_email: null,
    reply_to: null,
    thread_originator: null,
    location: null,
    ...fields,
  } as MessageRecord_Serialize;
}

function appErrorOf(code: ErrorCode, text: string): AppError_Serialize {
  return { code, message: text, detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } } as AppError_Serialize;
}

function time(iso: string | undefined | null): number {
  return iso ? new Date(iso).getTime() : 0;
}

/** The API's list: every filter ANDed, newest first unless asked otherwise, then one page. */
export function listMessages(all: MessageRecord_Serialize[], params: ListMessages_Deserialize): MessagePage_Serialize {
  const rows = all.filter((m) => {
    if (params.number && m.number !== params.number && m.from_number !== params.number && m.to_number !== params.number) return false;
    if (params.sendblue_number && m.sendblue_number !== params.sendblue_number) return false;
    if (params.is_outbound !== null && params.is_outbound !== undefined && m.is_outbound !== params.is_outbound) return false;
    if (params.status && m.status !== params.status) return false;
    if (params.service && m.service !== params.service) return false;
    if (params.message_type && m.message_type !== params.message_type) return false;
    if (params.created_at_gte && time(m.date_sent) < time(params.created_at_gte)) return false;
    if (params.created_at_lte && time(m.date_sent) > time(params.created_at_lte)) return false;
    return true;
  });
  const asc = params.order_direction === "asc";
  rows.sort((a, b) => (time(a.date_sent) - time(b.date_sent)) * (asc ? 1 : -1));
  const offset = params.offset ?? 0;
  const limit = params.limit ?? 100;
  const data = rows.slice(offset, offset + limit);
  return { status: "OK", data, pagination: { limit, offset, total: rows.length, hasMore: offset + data.length < rows.length } };
}

export function messagesHandlers(ctx: FakeContext<MessagesState>): Record<string, Handler> {
  const find = (handle: unknown) => {
    const found = ctx.state.messages.find((m) => m.message_handle === handle);
    if (!found) throw appErrorOf("NotFound", "This message isn't in Sendblue's history any more.");
    return found;
  };
  return {
    messages_list: (args) => {
      ctx.need();
      return listMessages(ctx.state.messages, args.params as ListMessages_Deserialize);
    },
    messages_get: (args) => find(args.messageId),
    messages_delete: (args) => {
      find(args.messageHandle);
      ctx.state.messages = ctx.state.messages.filter((m) => m.message_handle !== args.messageHandle);
      return { status: "OK", message: "Message deleted" };
    },
    reactions_send: (args) => {
      const reaction = args.reaction as SendReaction_Deserialize;
      find(reaction.message_handle);
      return { status: "OK", message: "Reaction request sent", message_handle: reaction.message_handle, reaction: reaction.reaction };
    },
    reactions_mark_read: (args) => {
      const request = args.request as MarkRead;
      return { status: "OK", message: "Mark read request sent", number: request.number };
    },
    reactions_typing: (args) => {
      const indicator = args.indicator as TypingIndicator_Deserialize;
      return { number: indicator.number, status: "SENT", error_message: null, status_code: null };
    },
  };
}
