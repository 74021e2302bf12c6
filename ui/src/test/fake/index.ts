// Every area's fake commands and state, merged into the one fake backend.
import type { FakeContext, Handler } from "./context.ts";
import { activityHandlers, activityState, type ActivityState } from "./activity.ts";
import { auditHandlers, auditState, type AuditState } from "./audit.ts";
import { composeHandlers, composeState, type ComposeState } from "./compose.ts";
import { importsHandlers, importsState, type ImportsState } from "./imports.ts";
import { linesHandlers, linesState, type LinesState } from "./lines.ts";
import { messagesHandlers, messagesState, type MessagesState } from "./messages.ts";
import { paletteHandlers, paletteState, type PaletteState } from "./palette.ts";
import { settingsHandlers, settingsState, type SettingsState } from "./settings.ts";
import { sharingHandlers, sharingState, type SharingState } from "./sharing.ts";
import { webhooksHandlers, webhooksState, type WebhooksState } from "./webhooks.ts";

export interface AreaStates {
  activity: ActivityState;
  audit: AuditState;
  compose: ComposeState;
  imports: ImportsState;
  lines: LinesState;
  messages: MessagesState;
  palette: PaletteState;
  settings: SettingsState;
  sharing: SharingState;
  webhooks: WebhooksState;
}

export function areaStates(): AreaStates {
  return {
    activity: activityState(),
    audit: auditState(),
    compose: composeState(),
    imports: importsState(),
    lines: linesState(),
    messages: messagesState(),
    palette: paletteState(),
    settings: settingsState(),
    sharing: sharingState(),
    webhooks: webhooksState(),
  };
}

type Base = Omit<FakeContext<unknown>, "state">;

/** Every area's handlers over its slice of `areas`. */
export function areaHandlers(areas: AreaStates, base: Base): Record<string, Handler> {
  return {
    ...activityHandlers({ ...base, state: areas.activity }),
    ...auditHandlers({ ...base, state: areas.audit }),
    ...composeHandlers({ ...base, state: areas.compose }),
    ...importsHandlers({ ...base, state: areas.imports }),
    ...linesHandlers({ ...base, state: areas.lines }),
    ...messagesHandlers({ ...base, state: areas.messages }),
    ...paletteHandlers({ ...base, state: areas.palette }),
    ...settingsHandlers({ ...base, state: areas.settings }),
    ...sharingHandlers({ ...base, state: areas.sharing }),
    ...webhooksHandlers({ ...base, state: areas.webhooks }),
  };
}
