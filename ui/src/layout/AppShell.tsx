import { useRef } from "react";
import { pageForPath } from "../pages/registry.ts";
import { usePath } from "../router.ts";
import { ActiveProfile } from "./ActiveProfile.tsx";
import { CommandPalette } from "./CommandPalette.tsx";
import { JobsIndicator } from "./JobsIndicator.tsx";
import { SecretStorageWarning } from "./SecretStorageWarning.tsx";
import { Sidebar } from "./Sidebar.tsx";

/** Sidebar, header (background jobs, active profile, secret-storage warning) and the current page. */
export function AppShell() {
  const page = pageForPath(usePath());
  const mainRef = useRef<HTMLElement>(null);
  const Page = page.component;
  return (
    <div className="app-shell">
      {/* A button, not a `#main` link: the hash holds the route. */}
      <button type="button" className="skip-link" onClick={() => mainRef.current?.focus()}>
        Skip to content
      </button>
      <Sidebar />
      <div className="app-main">
        <header className="app-header">
          <CommandPalette />
          <JobsIndicator />
          <ActiveProfile />
        </header>
        <SecretStorageWarning />
        <main ref={mainRef} className="app-content" tabIndex={-1} aria-label={page.label}>
          <Page key={page.id} />
        </main>
      </div>
    </div>
  );
}
