// The fake backend's lines commands (see ../backend.ts). Owned by the lines page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface LinesState {}

export function linesState(): LinesState {
  return {};
}

export function linesHandlers(ctx: FakeContext<LinesState>): Record<string, Handler> {
  void ctx;
  return {};
}
