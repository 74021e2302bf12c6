// The fake backend's activity commands (see ../backend.ts). Owned by the activity page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ActivityState {}

export function activityState(): ActivityState {
  return {};
}

export function activityHandlers(ctx: FakeContext<ActivityState>): Record<string, Handler> {
  void ctx;
  return {};
}
