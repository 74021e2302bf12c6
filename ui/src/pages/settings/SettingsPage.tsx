import { ProfilesSection } from "./ProfilesSection.tsx";

/** Settings. The pages issue adds default country, theme, notifications and diagnostics here. */
export function SettingsPage() {
  return (
    <div className="page" data-testid="settings">
      <header className="page__header">
        <h1>Settings</h1>
      </header>
      <ProfilesSection />
    </div>
  );
}
