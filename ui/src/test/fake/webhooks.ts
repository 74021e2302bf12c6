// The fake backend's webhooks commands (see ../backend.ts). Owned by the webhooks page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface WebhooksState {}

export function webhooksState(): WebhooksState {
  return {};
}

export function webhooksHandlers(ctx: FakeContext<WebhooksState>): Record<string, Handler> {
  void ctx;
  return {};
}
