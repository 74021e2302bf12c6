// The fake backend's commands the command palette reaches that no page area owns
// (see ../backend.ts). Owned by the palette's tests.
import type { FakeContext, Handler } from "./context.ts";

export interface PaletteState {
  /** Where "Export diagnostics" says it saved the report; `null` = the person cancelled. */
  diagnosticsPath: string | null;
}

export function paletteState(): PaletteState {
  return { diagnosticsPath: "/home/ada/sendblue-console-diagnostics.txt" };
}

export function paletteHandlers(ctx: FakeContext<PaletteState>): Record<string, Handler> {
  return {
    diagnostics_export: () => ctx.state.diagnosticsPath,
  };
}
