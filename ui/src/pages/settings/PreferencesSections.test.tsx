import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { afterEach, describe, expect, it } from "vitest";
import { appError, installBackend } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

afterEach(() => {
  delete document.documentElement.dataset.theme;
});

function toastTitles(): string[] {
  return screen.queryAllByTestId("toast").map((t) => t.textContent ?? "");
}

describe("Settings → default country, appearance, notifications, diagnostics", () => {
  it("shows the saved settings", async () => {
    installBackend((s) => {
      s.areas.settings.settings = { default_country: "GB", theme: "dark", notifications: false };
    });
    renderApp("/settings");
    const country = (await screen.findByTestId("settings-default-country")) as HTMLSelectElement;
    expect(country.value).toBe("GB");
    expect(country.selectedOptions[0]!.textContent).toBe("United Kingdom (+44)");
    expect((screen.getByTestId("settings-theme-dark") as HTMLInputElement).checked).toBe(true);
    expect((screen.getByTestId("settings-theme-system") as HTMLInputElement).checked).toBe(false);
    const notifications = screen.getByTestId("settings-notifications") as HTMLInputElement;
    expect(notifications.checked).toBe(false);
    expect(notifications.getAttribute("role")).toBe("switch");
    // Profiles stay on the page.
    expect(screen.getByTestId("profiles-section")).toBeTruthy();
  });

  it("saves a new default country and says so", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");
    const country = (await screen.findByTestId("settings-default-country")) as HTMLSelectElement;
    expect(country.value).toBe("US");

    await user.selectOptions(country, "DE");
    await waitFor(() => expect(backend.callsTo("settings_set")).toEqual([{ change: { default_country: "DE" } }]));
    await waitFor(() => expect(toastTitles().some((t) => t.includes("Default country: Germany"))).toBe(true));
    expect(backend.state.areas.settings.settings.default_country).toBe("DE");
    expect((screen.getByTestId("settings-default-country") as HTMLSelectElement).value).toBe("DE");
  });

  it("applies the theme to <html> at once and saves it", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");
    await screen.findByTestId("settings-theme-system");
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("system"));

    await user.click(screen.getByTestId("settings-theme-dark"));
    expect(document.documentElement.dataset.theme).toBe("dark");
    await waitFor(() => expect(backend.callsTo("settings_set")).toEqual([{ change: { theme: "dark" } }]));
    await waitFor(() => expect((screen.getByTestId("settings-theme-dark") as HTMLInputElement).checked).toBe(true));

    await user.click(screen.getByTestId("settings-theme-light"));
    expect(document.documentElement.dataset.theme).toBe("light");
    await waitFor(() => expect(backend.callsTo("settings_set")).toHaveLength(2));
    expect(backend.callsTo("settings_set")[1]).toEqual({ change: { theme: "light" } });
  });

  it("puts the saved theme back when saving it fails", async () => {
    const backend = installBackend();
    backend.on("settings_set", () => {
      throw appError("Io", "Couldn't save the settings: the disk is full");
    });
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("settings-theme-dark"));
    await waitFor(() => expect(toastTitles().some((t) => t.includes("the disk is full"))).toBe(true));
    expect(document.documentElement.dataset.theme).toBe("system");
    expect((screen.getByTestId("settings-theme-system") as HTMLInputElement).checked).toBe(true);
  });

  it("applies the saved theme from the start, on any page", async () => {
    installBackend((s) => {
      s.areas.settings.settings.theme = "dark";
    });
    renderApp("/");
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("dark"));
  });

  it("switches desktop notifications off and on", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");
    const toggle = (await screen.findByTestId("settings-notifications")) as HTMLInputElement;
    expect(toggle.checked).toBe(true);

    await user.click(toggle);
    await waitFor(() => expect(backend.callsTo("settings_set")).toEqual([{ change: { notifications: false } }]));
    await waitFor(() => expect((screen.getByTestId("settings-notifications") as HTMLInputElement).checked).toBe(false));
    expect(toastTitles().some((t) => t.includes("Desktop notifications are off"))).toBe(true);

    await user.click(screen.getByTestId("settings-notifications"));
    await waitFor(() => expect(backend.callsTo("settings_set")[1]).toEqual({ change: { notifications: true } }));
    await waitFor(() => expect((screen.getByTestId("settings-notifications") as HTMLInputElement).checked).toBe(true));
  });

  it("follows a settings change announced by the backend", async () => {
    installBackend();
    renderApp("/settings");
    await screen.findByTestId("settings-notifications");
    await act(() => emit("settings-changed", { default_country: "FR", theme: "light", notifications: false }));
    await waitFor(() => expect((screen.getByTestId("settings-default-country") as HTMLSelectElement).value).toBe("FR"));
    expect((screen.getByTestId("settings-notifications") as HTMLInputElement).checked).toBe(false);
    await waitFor(() => expect(document.documentElement.dataset.theme).toBe("light"));
  });

  it("shows a plain-words error when the settings can't be read", async () => {
    const backend = installBackend();
    backend.on("settings_get", () => {
      throw appError("Io", "Couldn't read the settings: permission denied");
    });
    renderApp("/settings");
    const error = await screen.findByTestId("settings-error");
    expect(error.textContent).toContain("Couldn't read the settings: permission denied");
  });

  it("exports diagnostics and says where they were saved", async () => {
    const backend = installBackend();
    backend.on("diagnostics_export", () => "/home/ada/report.json");
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("settings-export-diagnostics"));
    await waitFor(() => expect(backend.callsTo("diagnostics_export")).toEqual([{}]));
    const toast = await screen.findByText("Diagnostics saved");
    expect(within(toast.closest("li")!).getByText("/home/ada/report.json")).toBeTruthy();
  });

  it("says nothing when the save dialog is cancelled, and shows a failure in plain words", async () => {
    const backend = installBackend();
    backend.on("diagnostics_export", () => null);
    const { user } = renderApp("/settings");
    await user.click(await screen.findByTestId("settings-export-diagnostics"));
    await waitFor(() => expect(backend.callsTo("diagnostics_export")).toHaveLength(1));
    expect(screen.queryAllByTestId("toast")).toHaveLength(0);

    backend.on("diagnostics_export", () => {
      throw appError("Io", "Couldn't save the diagnostics: read-only folder");
    });
    await user.click(screen.getByTestId("settings-export-diagnostics"));
    await waitFor(() => expect(toastTitles().some((t) => t.includes("read-only folder"))).toBe(true));
  });
});

describe("the contact form uses the default country", () => {
  it("takes a number without a country code to be from the chosen country", async () => {
    const backend = installBackend((s) => {
      s.areas.settings.settings.default_country = "GB";
    });
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("contact-new"));
    await waitFor(() => expect(screen.getByText(/United Kingdom numbers by default/)).toBeTruthy());

    await user.type(screen.getByTestId("contact-phone"), "07400 123456");
    expect(screen.getByText("Saved as +447400123456")).toBeTruthy();
    await user.click(screen.getByTestId("contact-save"));
    await waitFor(() => expect(backend.callsTo("contacts_create")).toHaveLength(1));
    expect((backend.callsTo("contacts_create")[0]!.contact as { number: string }).number).toBe("+447400123456");
  });

  it("still takes US numbers when the default is the US", async () => {
    const backend = installBackend();
    const { user } = renderApp("/contacts");
    await user.click(await screen.findByTestId("contact-new"));
    await user.type(screen.getByTestId("contact-phone"), "4155550199");
    expect((screen.getByTestId("contact-phone") as HTMLInputElement).value).toBe("(415) 555-0199");
    await user.click(screen.getByTestId("contact-save"));
    await waitFor(() => expect(backend.callsTo("contacts_create")).toHaveLength(1));
    expect((backend.callsTo("contacts_create")[0]!.contact as { number: string }).number).toBe("+14155550199");
  });
});
