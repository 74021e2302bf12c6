// The fake backend's settings commands (see ../backend.ts). Owned by the settings page's tests.
import type { FakeContext, Handler } from "./context.ts";

// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface SettingsState {}

export function settingsState(): SettingsState {
  return {};
}

export function settingsHandlers(ctx: FakeContext<SettingsState>): Record<string, Handler> {
  void ctx;
  return {};
}
