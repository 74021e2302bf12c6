// The fake backend's settings commands (see ../backend.ts). Owned by the settings page's tests.
// (`diagnostics_export` is answered by palette.ts.)
import type { AppSettings, SettingsChange_Deserialize } from "../../bindings.gen.ts";
import type { FakeContext, Handler } from "./context.ts";

export interface SettingsState {
  settings: AppSettings;
}

export function settingsState(): SettingsState {
  return {
    settings: { default_country: "US", theme: "system", notifications: true },
  };
}

export function settingsHandlers(ctx: FakeContext<SettingsState>): Record<string, Handler> {
  return {
    settings_get: () => ctx.state.settings,
    settings_set: (args) => {
      const change = args.change as SettingsChange_Deserialize;
      const next = { ...ctx.state.settings };
      if (change.default_country != null) next.default_country = change.default_country.trim().toUpperCase();
      if (change.theme != null) next.theme = change.theme;
      if (change.notifications != null) next.notifications = change.notifications;
      ctx.state.settings = next;
      ctx.emitLater("settings-changed", next);
      return next;
    },
  };
}
