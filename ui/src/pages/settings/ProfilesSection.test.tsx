import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { ACME_LIVE, installBackend, UNAUTHORIZED } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";
import { MESSAGES } from "./profileValidation.ts";

async function row(name: string): Promise<HTMLElement> {
  await screen.findByTestId("profiles");
  const found = document.querySelector<HTMLElement>(`[data-testid="profile-row"][data-profile-name="${name}"]`);
  if (!found) throw new Error(`no row for ${name}`);
  return found;
}

describe("Settings → Profiles", () => {
  it("lists each profile with its kind, the one in use marked, and where it connects", async () => {
    installBackend();
    renderApp("/settings");

    const sandbox = await row("Sandbox");
    const live = await row("Acme Live");

    expect(within(sandbox).getByTestId("profile-kind").textContent).toBe("Sandbox");
    expect(within(live).getByTestId("profile-kind").textContent).toBe("Live");
    expect(within(sandbox).getByTestId("profile-active")).toBeTruthy();
    expect(within(live).queryByTestId("profile-active")).toBeNull();
    expect(sandbox.textContent).toContain("Built-in sandbox on this computer (http://127.0.0.1:41234)");
    expect(live.textContent).toContain("https://api.sendblue.co");
    // No Switch on the one in use; no Delete or Change secret on the built-in sandbox.
    expect(within(sandbox).queryByTestId("profile-switch")).toBeNull();
    expect(within(sandbox).queryByTestId("profile-delete")).toBeNull();
    expect(within(sandbox).queryByTestId("profile-edit-secret")).toBeNull();
    expect(within(live).getByTestId("profile-delete")).toBeTruthy();
  });

  it("tests a saved profile's connection", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");

    await user.click(within(await row("Sandbox")).getByTestId("profile-test"));

    expect((await screen.findByTestId("profile-test-result")).textContent).toBe("Connected — 412 contacts");
    expect(backend.callsTo("profiles_test")).toEqual([{ id: "p-sandbox" }]);
  });

  it("shows a failed test's message on the row", async () => {
    const backend = installBackend();
    backend.on("profiles_test", () => {
      throw UNAUTHORIZED;
    });
    const { user } = renderApp("/settings");

    await user.click(within(await row("Acme Live")).getByTestId("profile-test"));

    const result = await screen.findByTestId("profile-test-result");
    expect(result.textContent).toBe(UNAUTHORIZED.message);
    expect(result.dataset.code).toBe("Unauthorized");
  });

  it("switches profiles: the header and the marker follow", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");
    expect((await screen.findByTestId("active-profile-name")).textContent).toBe("Sandbox");

    await user.click(within(await row("Acme Live")).getByTestId("profile-switch"));

    await waitFor(() => expect(screen.getByTestId("active-profile-name").textContent).toBe("Acme Live"));
    expect(screen.getByTestId("active-profile-kind").textContent).toBe("Live");
    expect(backend.callsTo("profiles_switch")).toEqual([{ id: ACME_LIVE.id }]);
    await waitFor(async () => expect(within(await row("Acme Live")).queryByTestId("profile-switch")).toBeNull());
    expect(within(await row("Sandbox")).getByTestId("profile-switch")).toBeTruthy();
  });

  it("deletes only after confirmation, and Cancel keeps the profile", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");
    const deleteButton = within(await row("Acme Live")).getByTestId("profile-delete");

    await user.click(deleteButton);
    const dialog = screen.getByRole("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    expect(within(dialog).getByRole("heading").textContent).toBe("Delete “Acme Live”?");
    // Cancel has the focus, so Enter doesn't delete by accident.
    expect(document.activeElement?.textContent).toBe("Cancel");
    await user.keyboard("{Escape}");
    expect(screen.queryByRole("dialog")).toBeNull();
    expect(document.activeElement).toBe(deleteButton);
    expect(backend.callsTo("profiles_delete")).toEqual([]);

    await user.click(deleteButton);
    await user.click(screen.getByTestId("profile-delete-confirm"));

    await waitFor(() => expect(document.querySelector('[data-profile-name="Acme Live"]')).toBeNull());
    expect(backend.callsTo("profiles_delete")).toEqual([{ id: ACME_LIVE.id }]);
    expect(screen.queryByRole("dialog")).toBeNull();
  });

  it("changes a saved profile's secret, never pre-filled, refusing an empty one", async () => {
    const backend = installBackend();
    const { user } = renderApp("/settings");

    await user.click(within(await row("Acme Live")).getByTestId("profile-edit-secret"));
    const dialog = screen.getByRole("dialog");
    const secret = within(dialog).getByTestId("profile-secret") as HTMLInputElement;
    expect(secret.type).toBe("password");
    expect(secret.value).toBe("");
    expect(document.activeElement).toBe(secret);

    await user.click(within(dialog).getByTestId("profile-form-save"));
    expect(within(dialog).getByTestId("profile-secret-error").textContent).toBe(MESSAGES.secretEmpty);
    expect(backend.callsTo("profiles_set_secret")).toEqual([]);

    await user.type(secret, "n3w-secret");
    await user.click(within(dialog).getByTestId("profile-form-save"));

    await waitFor(() => expect(screen.queryByRole("dialog")).toBeNull());
    expect(backend.callsTo("profiles_set_secret")).toEqual([{ id: ACME_LIVE.id, secret: "n3w-secret" }]);
    expect(document.body.innerHTML).not.toContain("n3w-secret");
  });

  it("says so in plain words when the profiles can't be read", async () => {
    installBackend().on("profiles_list", () => {
      throw { code: "Io", message: "Couldn't read the saved profiles: permission denied", detail: null };
    });
    renderApp("/settings");

    expect((await screen.findByTestId("profiles-error")).textContent).toContain(
      "Couldn't read the saved profiles: permission denied",
    );
  });

  it("opens the add-profile form from the address (#/settings?add=1), then drops the flag", async () => {
    installBackend();
    renderApp("/settings?add=1");
    expect(await screen.findByTestId("profile-form")).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe("#/settings"));
  });
});
