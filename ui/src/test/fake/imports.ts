// The fake backend's imports commands (see ../backend.ts). Owned by the imports page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ImportsState {}

export function importsState(): ImportsState {
  return {};
}

export function importsHandlers(ctx: FakeContext<ImportsState>): Record<string, Handler> {
  void ctx;
  return {};
}
