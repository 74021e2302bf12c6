// The fake backend's webhooks commands (see ../backend.ts). Owned by the webhooks page's tests.
import type {
  AddWebhooks_Deserialize,
  RemoveWebhooks,
  WebhookEntry_Serialize,
  WebhookSet_Deserialize,
  WebhookSet_Serialize,
  WebhookTestResult,
} from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

const TYPES = [
  "receive",
  "outbound",
  "typing_indicator",
  "call_log",
  "inbound_call",
  "line_blocked",
  "line_assigned",
  "contact_created",
  "contact_profile",
] as const;

export interface WebhooksState {
  /** The account's webhooks, as `webhooks_list` answers them. */
  set: WebhookSet_Serialize;
  /** What `webhooks_send_test` answers (throw an AppError to fail it). */
  testResult: (type: string, url: string) => WebhookTestResult;
}

export function emptyWebhookSet(): WebhookSet_Serialize {
  const set = {} as WebhookSet_Serialize;
  for (const t of TYPES) set[t] = [];
  return set;
}

export function webhooksState(): WebhooksState {
  const set = emptyWebhookSet();
  set.receive = ["https://hooks.acme.example/in", { url: "https://hooks.acme.example/in-line2", secret: "whs_line2_secret", sendblue_numbers: ["+14155550101"] }];
  set.outbound = ["https://hooks.acme.example/status"];
  set.globalSecret = "whs_global_9d2f";
  return {
    set,
    testResult: () => ({ status: 200, ok: true, elapsed_ms: 42, excerpt: '{"received":true}', truncated: false, signed: true }),
  };
}

const url = (e: WebhookEntry_Serialize) => (typeof e === "string" ? e : e.url);

export function webhooksHandlers(ctx: FakeContext<WebhooksState>): Record<string, Handler> {
  const state = ctx.state;
  return {
    // Copies, like answers over IPC: the page never holds the fake's own objects.
    webhooks_list: () => {
      ctx.need();
      return structuredClone(state.set);
    },
    webhooks_add: (args) => {
      ctx.need();
      const request = args.request as AddWebhooks_Deserialize;
      const list = (state.set[request.type] ?? []) as WebhookEntry_Serialize[];
      for (const entry of request.webhooks as WebhookEntry_Serialize[]) {
        const at = list.findIndex((e) => url(e) === url(entry));
        if (at >= 0) list[at] = entry;
        else list.push(entry);
      }
      state.set[request.type] = list;
      return { status: "OK", message: "Webhooks added", webhooks: structuredClone(state.set) };
    },
    webhooks_replace: (args) => {
      ctx.need();
      const next = args.set as WebhookSet_Deserialize;
      const set = emptyWebhookSet();
      for (const t of TYPES) set[t] = (next[t] ?? []) as WebhookEntry_Serialize[];
      if (next.globalSecret) set.globalSecret = next.globalSecret;
      state.set = set;
      return { status: "OK", message: "Webhooks replaced", webhooks: structuredClone(set) };
    },
    webhooks_remove: (args) => {
      ctx.need();
      const request = args.request as RemoveWebhooks;
      const list = (state.set[request.type] ?? []) as WebhookEntry_Serialize[];
      state.set[request.type] = list.filter((e) => !request.webhooks.includes(url(e)));
      return { status: "OK", message: "Webhooks removed", webhooks: null };
    },
    webhooks_send_test: (args) => {
      ctx.need();
      return state.testResult(args.webhookType as string, args.url as string);
    },
  };
}
