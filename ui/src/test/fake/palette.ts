// The fake backend's palette commands (see ../backend.ts). Owned by the palette page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface PaletteState {}

export function paletteState(): PaletteState {
  return {};
}

export function paletteHandlers(ctx: FakeContext<PaletteState>): Record<string, Handler> {
  void ctx;
  return {};
}
