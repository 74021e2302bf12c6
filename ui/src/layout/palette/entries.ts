// What the command palette offers: every page that exists (pages/registry.ts, so new pages
// appear without touching the palette) and the actions, in the order they are listed.
import type { Page } from "../../pages/registry.ts";
import { pagePath } from "../../pages/registry.ts";

export interface PaletteEntry {
  /** Stable and unique: `page:settings`, `action:new-contact`, `profile:<id>`. */
  id: string;
  label: string;
  kind: "page" | "action";
  /** More words it answers to (not shown). */
  keywords: readonly string[];
  run: () => void;
}

export interface PaletteProfile {
  id: string;
  name: string;
  kind: string;
  active: boolean;
}

/** What the actions do; the palette's hook wires them to the app (navigation, commands, toasts). */
export interface PaletteActions {
  navigate: (path: string) => void;
  refreshContacts: () => void;
  switchProfile: (profile: PaletteProfile) => void;
  exportDiagnostics: () => void;
}

/** The pages, then the actions; actions that lead to a page appear only once that page exists. */
export function paletteEntries(pages: readonly Page[], profiles: readonly PaletteProfile[], actions: PaletteActions): PaletteEntry[] {
  const has = (id: string) => pages.some((p) => p.id === id);
  const hasActive = profiles.some((p) => p.active);
  const entries: PaletteEntry[] = pages.map((page) => ({
    id: `page:${page.id}`,
    label: page.label,
    kind: "page",
    keywords: ["go", "open", "page", page.id],
    run: () => actions.navigate(pagePath(page)),
  }));

  const action = (id: string, label: string, keywords: string[], run: () => void) =>
    entries.push({ id: `action:${id}`, label, kind: "action", keywords, run });

  if (has("contacts")) {
    action("new-contact", "New contact", ["add", "create", "person", "contacts"], () => actions.navigate("/contacts?new=1"));
  }
  if (has("contacts")) {
    action("export-contacts", "Export contacts", ["csv", "download", "save", "spreadsheet", "backup"], () => actions.navigate("/contacts?export=1"));
  }
  if (has("compose")) {
    action("send-message", "Send a message", ["compose", "new", "text", "sms", "imessage", "write"], () => actions.navigate("/compose"));
  }
  if (has("import")) {
    action("import-contacts", "Import contacts", ["csv", "file", "upload", "spreadsheet"], () => actions.navigate("/import"));
  }
  if (has("messages")) {
    action("conversations", "Open conversations", ["chat", "messages", "reply", "inbox"], () => actions.navigate("/messages?view=conversations"));
  }
  if (has("webhooks")) {
    action("add-webhook", "Add a webhook", ["new", "create", "url", "callback", "integration"], () => actions.navigate("/webhooks?new=1"));
  }
  if (has("lines")) {
    action("request-line", "Request a new line", ["buy", "number", "phone", "provision", "add"], () => actions.navigate("/lines?request=1"));
  }
  if (has("audit")) {
    action("export-audit", "Export the audit log", ["csv", "history", "save", "who", "changes"], () => actions.navigate("/audit?export=1"));
  }
  if (has("settings")) {
    action("add-profile", "Add a profile", ["account", "live", "key", "new", "connect"], () => actions.navigate("/settings?add=1"));
  }
  if (hasActive) {
    action("background-jobs", "Background jobs", ["progress", "resume", "cancel", "report", "import", "delete"], () => actions.navigate("/?jobs=1"));
  }
  if (hasActive) {
    action("refresh-contacts", "Refresh contacts", ["sync", "reload", "update", "mirror"], actions.refreshContacts);
  }
  for (const profile of profiles) {
    if (profile.active) continue;
    entries.push({
      id: `profile:${profile.id}`,
      label: `Switch profile to ${profile.name}`,
      kind: "action",
      keywords: ["account", "change", "use", profile.kind],
      run: () => actions.switchProfile(profile),
    });
  }
  action("export-diagnostics", "Export diagnostics", ["report", "support", "problem", "logs", "save"], actions.exportDiagnostics);
  return entries;
}
