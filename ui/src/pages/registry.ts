// Every page of the console, in sidebar order. A slot without a `component` is a page that isn't
// built yet: the sidebar leaves it out until one is set here (the pages issue fills them).
import type { ComponentType } from "react";
import { OverviewPage } from "./overview/OverviewPage.tsx";
import { SettingsPage } from "./settings/SettingsPage.tsx";
import { ContactsPage } from "./contacts/ContactsPage.tsx";
import { ComposePage } from "./compose/ComposePage.tsx";
import { ImportsPage } from "./imports/ImportsPage.tsx";
import { MessagesPage } from "./messages/MessagesPage.tsx";
import { WebhooksPage } from "./webhooks/WebhooksPage.tsx";
import { LinesPage } from "./lines/LinesPage.tsx";
import { SharingPage } from "./sharing/SharingPage.tsx";
import { ActivityPage } from "./activity/ActivityPage.tsx";
import { AuditPage } from "./audit/AuditPage.tsx";

export interface PageSlot {
  /** Also the first path segment and the nav link's test id (`nav-<id>`). */
  id: string;
  label: string;
  component?: ComponentType;
}

export interface Page extends PageSlot {
  component: ComponentType;
}

export const PAGE_SLOTS: readonly PageSlot[] = [
  { id: "overview", label: "Overview", component: OverviewPage },
  { id: "contacts", label: "Contacts", component: ContactsPage },
  { id: "import", label: "Import", component: ImportsPage },
  { id: "compose", label: "Compose", component: ComposePage },
  { id: "messages", label: "Messages", component: MessagesPage },
  { id: "activity", label: "Activity", component: ActivityPage },
  { id: "webhooks", label: "Webhooks", component: WebhooksPage },
  { id: "lines", label: "Lines", component: LinesPage },
  { id: "sharing", label: "Contact sharing", component: SharingPage },
  { id: "audit", label: "Audit log", component: AuditPage },
  { id: "settings", label: "Settings", component: SettingsPage },
];

/** The pages that exist, in sidebar order. */
export const PAGES: readonly Page[] = PAGE_SLOTS.filter((slot): slot is Page => slot.component !== undefined);

const START_PAGE = PAGES[0]!;

/** The path of a page: the start page lives at `/`. */
export function pagePath(page: PageSlot): string {
  return page.id === START_PAGE.id ? "/" : `/${page.id}`;
}

/** The page a path shows (by its first segment); unknown paths show the start page. */
export function pageForPath(path: string): Page {
  const first = path.split("?")[0]!.split("/").filter(Boolean)[0];
  return PAGES.find((p) => p.id === first) ?? START_PAGE;
}
