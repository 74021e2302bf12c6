// The fake backend's compose commands (see ../backend.ts). Owned by the compose page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ComposeState {}

export function composeState(): ComposeState {
  return {};
}

export function composeHandlers(ctx: FakeContext<ComposeState>): Record<string, Handler> {
  void ctx;
  return {};
}
