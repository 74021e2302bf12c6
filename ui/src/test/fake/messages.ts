// The fake backend's messages commands (see ../backend.ts). Owned by the messages page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface MessagesState {}

export function messagesState(): MessagesState {
  return {};
}

export function messagesHandlers(ctx: FakeContext<MessagesState>): Record<string, Handler> {
  void ctx;
  return {};
}
