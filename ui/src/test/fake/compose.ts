// The fake backend's compose commands (see ../backend.ts). Owned by the compose page's tests.
// Sends queue a message (status QUEUED) that tests move on with `advance`; the Live
// confirmation works like the app's (once per profile per run); uploads report progress on
// their channel and can be held open until the test releases them.
import type {
  CreateGroup_Deserialize,
  MessageResponse_Serialize,
  SendCarousel_Deserialize,
  SendGroupMessage_Deserialize,
  SendMessage_Deserialize,
  UploadProgress,
} from "../../bindings.gen.ts";
import type { Args, FakeContext, Handler } from "./context.ts";

export interface FakeUpload {
  /** Progress reports sent on the channel, in order. */
  progress: UploadProgress[];
  /** What the command answers (`null`: the person cancelled the dialog). */
  result: { media_url: string } | null;
  /** Held open until this resolves (when set). */
  gate?: Promise<void>;
}

export interface ComposeState {
  /** evaluate-service's answer per number; others get `defaultService`. */
  services: Record<string, string>;
  defaultService: string;
  /** Every message sent, by handle, with its current state (what `messages_status` reads). */
  sent: Record<string, MessageResponse_Serialize>;
  /** Profile ids whose Live sends were confirmed this run. */
  liveConfirmed: string[];
  upload: FakeUpload;
  /** `media_upload_media_object`'s hosted URL (null: the live API's answer without one). */
  hostedUrl: string | null;
  nextId: number;
}

export function composeState(): ComposeState {
  return {
    services: {},
    defaultService: "iMessage",
    sent: {},
    liveConfirmed: [],
    upload: { progress: [], result: { media_url: "https://cdn.sendblue.test/uploads/photo.jpg" } },
    hostedUrl: "https://cdn.sendblue.test/hosted/copy.jpg",
    nextId: 1,
  };
}

/** A message answer with every field present. */
export function messageResponse(handle: string, fields: Partial<MessageResponse_Serialize> = {}): MessageResponse_Serialize {
  return {
    message_handle: handle,
    status: "QUEUED",
    account_email: "ops@acme.test",
    content: null,
    date_created: "2025-03-01T12:00:00Z",
    date_updated: "2025-03-01T12:00:00Z",
    error_code: null,
    error_message: null,
    error_detail: null,
    from_number: "+14155550100",
    number: "+14155550123",
    to_number: null,
    is_outbound: true,
    media_url: null,
    message_type: "message",
    send_style: null,
    group_id: null,
    participants: null,
    was_downgraded: null,
    plan: null,
    opted_out: null,
    seat_id: null,
    sender_email: null,
    reply_to: null,
    thread_originator: null,
    location: null,
    app_card: null,
    ...fields,
  } as MessageResponse_Serialize;
}

/** What the channel object of a command's arguments needs to be sent a message. */
interface ChannelLike {
  id: number;
}

function sendOnChannel(channel: ChannelLike, index: number, message: unknown): void {
  const internals = (window as unknown as { __TAURI_INTERNALS__: { runCallback: (id: number, data: unknown) => void } }).__TAURI_INTERNALS__;
  internals.runCallback(channel.id, { index, message });
}

export function composeHandlers(ctx: FakeContext<ComposeState>): Record<string, Handler> {
  const { state } = ctx;

  // Like Console::check_send_allowed: the first Live send per run needs `confirmLive`.
  const guard = (args: Args) => {
    const profile = ctx.need();
    if (profile.kind !== "Live" || state.liveConfirmed.includes(profile.id)) return;
    if (args.confirmLive === true) {
      state.liveConfirmed.push(profile.id);
      return;
    }
    throw {
      code: "Validation",
      message: `“${profile.name}” is a Live account: this message goes to a real phone. Confirm to send it.`,
      detail: { status: null, error_code: null, message: null, field: "confirm_live", retry_after_ms: null, excerpt: null },
    };
  };

  const queue = (fields: Partial<MessageResponse_Serialize>) => {
    const handle = `h-${state.nextId++}`;
    const sent = messageResponse(handle, fields);
    state.sent[handle] = sent;
    return sent;
  };

  return {
    profiles_send_needs_confirmation: () => {
      const profile = ctx.need();
      return profile.kind === "Live" && !state.liveConfirmed.includes(profile.id);
    },
    messages_evaluate_service: (args) => {
      ctx.need();
      const number = args.number as string;
      return { number, service: state.services[number] ?? state.defaultService };
    },
    messages_send: (args) => {
      guard(args);
      const m = args.message as SendMessage_Deserialize;
      return queue({ number: m.number, from_number: m.from_number, content: m.content ?? null, media_url: m.media_url ?? null, send_style: m.send_style ?? null });
    },
    messages_send_carousel: (args) => {
      guard(args);
      const c = args.carousel as SendCarousel_Deserialize;
      return queue({ number: c.number, from_number: c.from_number, media_url: c.media_urls[0] ?? null, message_type: "carousel" });
    },
    groups_send: (args) => {
      guard(args);
      const m = args.message as SendGroupMessage_Deserialize;
      return queue({ number: m.numbers?.[0] ?? null, from_number: m.from_number, content: m.content ?? null, message_type: "group", group_id: "g-1", participants: m.numbers ?? [] });
    },
    groups_create: (args) => {
      ctx.need();
      const g = args.group as CreateGroup_Deserialize;
      return { status: "OK", group_id: "g-new", numbers: g.numbers, from_number: g.from_number };
    },
    messages_status: (args) => {
      ctx.need();
      const found = state.sent[args.messageHandle as string];
      if (!found) throw { code: "NotFound", message: "That message no longer exists.", detail: null };
      return found;
    },
    media_pick_and_upload: async (args) => {
      ctx.need();
      const channel = args.onProgress as ChannelLike;
      state.upload.progress.forEach((p, i) => sendOnChannel(channel, i, p));
      if (state.upload.gate) await state.upload.gate;
      return state.upload.result ? { status: "OK", message: "File uploaded successfully", mediaObjectId: "obj-1", ...state.upload.result } : null;
    },
    media_upload_media_object: () => {
      ctx.need();
      return { status: "OK", message: "File uploaded successfully", mediaObjectId: "obj-2", media_url: state.hostedUrl };
    },
  };
}
