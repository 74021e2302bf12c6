// Settings → Default country, Appearance and Notifications: app preferences (not per profile),
// each saved as soon as it is changed.
import type { AppSettings, SettingsChange_Deserialize, Theme } from "../../bindings.gen.ts";
import { Card } from "../../components/Card.tsx";
import { ErrorNotice } from "../../components/ErrorNotice.tsx";
import { Select } from "../../components/Select.tsx";
import { Skeleton } from "../../components/Skeleton.tsx";
import { useToast } from "../../components/Toast.tsx";
import { useSetSettings } from "../../hooks/useSetSettings.ts";
import { useSettings } from "../../hooks/useSettings.ts";
import { toAppError } from "../../ipc.ts";
import { applyTheme } from "./AppliedTheme.tsx";
import { COUNTRIES, countryByCode, countryName } from "./countries.ts";

const THEMES: ReadonlyArray<{ value: Theme; label: string; hint: string }> = [
  { value: "system", label: "Follow the system", hint: "Light or dark, as your computer is set." },
  { value: "light", label: "Light", hint: "Always light." },
  { value: "dark", label: "Dark", hint: "Always dark." },
];

const COUNTRY_OPTIONS = COUNTRIES.map((c) => ({ value: c.code, label: `${c.name} (+${c.callingCode})` }));

/** Saves one change and says how it went; returns whether it worked. */
function useSave() {
  const set = useSetSettings();
  const toast = useToast();
  async function save(change: SettingsChange_Deserialize, done: string): Promise<boolean> {
    try {
      await set.mutateAsync(change);
      toast.show({ tone: "success", title: done });
      return true;
    } catch (error) {
      toast.show({ tone: "error", title: "Couldn't save the setting", body: toAppError(error).message });
      return false;
    }
  }
  return { save, saving: set.isPending };
}

/** The three preference sections, once the settings are read. */
export function PreferencesSections() {
  const settings = useSettings();
  if (settings.isPending) {
    return (
      <Card title="Preferences" testId="settings-loading">
        <Skeleton width="16rem" height="2rem" label="Loading the settings…" />
      </Card>
    );
  }
  if (settings.isError) {
    return (
      <Card title="Preferences">
        <ErrorNotice
          testId="settings-error"
          error={toAppError(settings.error)}
          onRetry={() => void settings.refetch()}
          retrying={settings.isFetching}
        />
      </Card>
    );
  }
  return (
    <>
      <DefaultCountrySection settings={settings.data} />
      <AppearanceSection settings={settings.data} />
      <NotificationsSection settings={settings.data} />
    </>
  );
}

function DefaultCountrySection({ settings }: { settings: AppSettings }) {
  const { save, saving } = useSave();
  // A stored code missing from the list still shows (as itself) rather than a wrong country.
  const options = countryByCode(settings.default_country)
    ? COUNTRY_OPTIONS
    : [{ value: settings.default_country, label: settings.default_country }, ...COUNTRY_OPTIONS];
  return (
    <Card title="Default country" testId="settings-country-section">
      <p className="muted card__intro">
        Phone numbers typed or imported without a country code are taken to be from this country.
      </p>
      <Select
        label="Country"
        testId="settings-default-country"
        options={options}
        value={settings.default_country}
        disabled={saving}
        onChange={(e) => {
          const code = e.target.value;
          void save({ default_country: code }, `Default country: ${countryName(code)}`);
        }}
      />
    </Card>
  );
}

function AppearanceSection({ settings }: { settings: AppSettings }) {
  const { save, saving } = useSave();
  async function choose(theme: Theme) {
    applyTheme(theme);
    const label = THEMES.find((t) => t.value === theme)?.label ?? theme;
    // A failed save puts the saved theme back on screen.
    if (!(await save({ theme }, `Theme: ${label}`))) applyTheme(settings.theme);
  }
  return (
    <Card title="Appearance" testId="settings-appearance-section">
      <fieldset className="settings-choices" disabled={saving}>
        <legend>Theme</legend>
        {THEMES.map((t) => (
          <label key={t.value} className="settings-choice">
            <input
              type="radio"
              name="theme"
              value={t.value}
              data-testid={`settings-theme-${t.value}`}
              checked={settings.theme === t.value}
              onChange={() => void choose(t.value)}
            />
            <span className="settings-choice__text">
              <span className="settings-choice__label">{t.label}</span>
              <span className="settings-choice__hint muted">{t.hint}</span>
            </span>
          </label>
        ))}
      </fieldset>
    </Card>
  );
}

function NotificationsSection({ settings }: { settings: AppSettings }) {
  const { save, saving } = useSave();
  const on = settings.notifications;
  return (
    <Card title="Notifications" testId="settings-notifications-section">
      <label className="settings-switch">
        <input
          type="checkbox"
          role="switch"
          className="settings-switch__input"
          data-testid="settings-notifications"
          checked={on}
          aria-checked={on}
          disabled={saving}
          aria-describedby="settings-notifications-hint"
          onChange={(e) => {
            const next = e.target.checked;
            void save(
              { notifications: next },
              next ? "Desktop notifications are on" : "Desktop notifications are off",
            );
          }}
        />
        <span className="settings-switch__track" aria-hidden="true" />
        <span className="settings-switch__label">
          Show a desktop notification for new messages {on ? "(on)" : "(off)"}
        </span>
      </label>
      <p id="settings-notifications-hint" className="muted settings-switch__hint">
        When someone texts one of your lines while the console isn't the window in front, your
        computer shows who wrote and the start of the message.
      </p>
    </Card>
  );
}
