import { DiagnosticsSection } from "./DiagnosticsSection.tsx";
import { PreferencesSections } from "./PreferencesSections.tsx";
import { ProfilesSection } from "./ProfilesSection.tsx";

/** Settings: profiles, then the app's preferences and diagnostics. */
export function SettingsPage() {
  return (
    <div className="page" data-testid="settings">
      <header className="page__header">
        <h1>Settings</h1>
      </header>
      <div className="settings-sections">
        <ProfilesSection />
        <PreferencesSections />
        <DiagnosticsSection />
      </div>
    </div>
  );
}
