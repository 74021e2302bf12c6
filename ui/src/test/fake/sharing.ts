// The fake backend's sharing commands (see ../backend.ts). Owned by the sharing page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SharingState {}

export function sharingState(): SharingState {
  return {};
}

export function sharingHandlers(ctx: FakeContext<SharingState>): Record<string, Handler> {
  void ctx;
  return {};
}
