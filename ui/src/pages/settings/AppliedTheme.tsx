import { useEffect } from "react";
import type { Theme } from "../../bindings.gen.ts";
import { useSettings } from "../../hooks/useSettings.ts";

/**
 * Puts the theme on `<html data-theme="…">`: tokens.css keeps the system's light or dark
 * for `system` and overrides it for `light` and `dark`.
 */
export function applyTheme(theme: Theme): void {
  document.documentElement.dataset.theme = theme;
}

/** Keeps the page's theme in step with the settings, from the app's start. */
export function AppliedTheme() {
  const theme = useSettings().data?.theme;
  useEffect(() => {
    if (theme) applyTheme(theme);
  }, [theme]);
  return null;
}
