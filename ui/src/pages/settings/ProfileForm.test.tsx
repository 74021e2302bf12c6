import { screen, waitFor, within } from "@testing-library/react";
import type { UserEvent } from "@testing-library/user-event";
import { describe, expect, it } from "vitest";
import { appError, installBackend, UNAUTHORIZED, type FakeBackend } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";
import { MESSAGES } from "./profileValidation.ts";

const SENDING = ["profiles_test_new", "profiles_add"];

async function openForm(backend: FakeBackend) {
  const app = renderApp("/settings");
  await app.user.click(await screen.findByTestId("profile-add"));
  const form = screen.getByTestId("profile-form");
  return { ...app, backend, form };
}

async function fill(user: UserEvent, values: Partial<Record<"name" | "base-url" | "key-id" | "secret", string>>) {
  for (const [field, value] of Object.entries(values)) {
    const input = screen.getByTestId(`profile-${field}`);
    await user.clear(input);
    if (value) await user.type(input, value);
  }
}

const sent = (backend: FakeBackend) => backend.calls.filter((c) => SENDING.includes(c.cmd));

describe("the add-profile form", () => {
  it("starts empty except the Sendblue address, as Live, with a password secret input", async () => {
    const { form } = await openForm(installBackend());
    const secret = within(form).getByTestId("profile-secret") as HTMLInputElement;

    expect(secret.type).toBe("password");
    expect(secret.value).toBe("");
    expect((within(form).getByTestId("profile-kind") as HTMLSelectElement).value).toBe("Live");
    expect((within(form).getByTestId("profile-base-url") as HTMLInputElement).value).toBe("https://api.sendblue.co");
    expect((within(form).getByTestId("profile-name") as HTMLInputElement).value).toBe("");
  });

  it("names each empty field under its input and sends nothing", async () => {
    const { user, backend } = await openForm(installBackend());
    await fill(user, { "base-url": "" });

    await user.click(screen.getByTestId("profile-form-test"));
    await user.click(screen.getByTestId("profile-form-save"));

    expect(screen.getByTestId("profile-name-error").textContent).toBe(MESSAGES.nameEmpty);
    expect(screen.getByTestId("profile-base-url-error").textContent).toBe(MESSAGES.baseUrlEmpty);
    expect(screen.getByTestId("profile-key-id-error").textContent).toBe(MESSAGES.keyIdEmpty);
    expect(screen.getByTestId("profile-secret-error").textContent).toBe(MESSAGES.secretEmpty);
    expect(screen.getByTestId("profile-name").getAttribute("aria-invalid")).toBe("true");
    // Focus goes to the first problem.
    expect(document.activeElement).toBe(screen.getByTestId("profile-name"));
    expect(sent(backend)).toEqual([]);
  });

  it.each([
    ["http://api.example.com", MESSAGES.baseUrlHttp],
    ["api.sendblue.co", MESSAGES.baseUrlScheme],
    ["https://", MESSAGES.baseUrlInvalid],
  ])("refuses the address %s in plain words and sends nothing", async (url, message) => {
    const { user, backend } = await openForm(installBackend());
    await fill(user, { name: "Acme", "base-url": url, "key-id": "key", secret: "secret" });

    await user.click(screen.getByTestId("profile-form-test"));
    expect(screen.getByTestId("profile-base-url-error").textContent).toBe(message);
    await user.click(screen.getByTestId("profile-form-save"));
    expect(screen.getByTestId("profile-base-url-error").textContent).toBe(message);

    expect(screen.queryByTestId("profile-name-error")).toBeNull();
    expect(sent(backend)).toEqual([]);
  });

  it("accepts plain http for a server on this computer", async () => {
    const { user, backend } = await openForm(installBackend());
    await fill(user, { name: "Local", "base-url": "http://127.0.0.1:9999", "key-id": "key", secret: "secret" });

    await user.click(screen.getByTestId("profile-form-test"));

    await screen.findByTestId("profile-form-result");
    expect(backend.callsTo("profiles_test_new")[0]?.input).toMatchObject({ base_url: "http://127.0.0.1:9999" });
  });

  it("clears a field's error as soon as it is edited", async () => {
    const { user } = await openForm(installBackend());
    await user.click(screen.getByTestId("profile-form-save"));
    expect(screen.getByTestId("profile-name-error")).toBeTruthy();

    await user.type(screen.getByTestId("profile-name"), "A");

    expect(screen.queryByTestId("profile-name-error")).toBeNull();
    expect(screen.getByTestId("profile-key-id-error")).toBeTruthy();
  });

  it("tests the connection, then saves the profile and shows it in the list", async () => {
    const backend = installBackend();
    const { user, form } = await openForm(backend);
    await fill(user, { name: "Acme Staging", "base-url": "https://staging.example.com", "key-id": "key-42", secret: "s3cret" });
    // Rows have a `profile-kind` badge too; the form comes first in the page, as in the journeys.
    expect(screen.getAllByTestId("profile-kind")[0]).toBe(within(form).getByTestId("profile-kind"));
    await user.selectOptions(within(form).getByTestId("profile-kind"), "Sandbox");

    await user.click(screen.getByTestId("profile-form-test"));
    expect((await screen.findByTestId("profile-form-result")).textContent).toBe("Connected — 12 contacts");
    const expected = {
      name: "Acme Staging",
      base_url: "https://staging.example.com",
      key_id: "key-42",
      secret: "s3cret",
      kind: "Sandbox",
    };
    expect(backend.callsTo("profiles_test_new")).toEqual([{ input: expected }]);

    await user.click(screen.getByTestId("profile-form-save"));

    await waitFor(() => expect(screen.queryByTestId("profile-form")).toBeNull());
    expect(backend.callsTo("profiles_add")).toEqual([{ input: expected }]);
    const row = await waitFor(() => {
      const found = document.querySelector('[data-profile-name="Acme Staging"]');
      if (!found) throw new Error("the new profile is not listed yet");
      return found as HTMLElement;
    });
    expect(within(row).getByTestId("profile-kind").textContent).toBe("Sandbox");
    expect((await screen.findByTestId("toast")).textContent).toContain("Profile “Acme Staging” saved.");
    // The secret appears nowhere on the page.
    expect(document.body.innerHTML).not.toContain("s3cret");
  });

  it("shows Sendblue's refusal in plain words when the key is wrong", async () => {
    const backend = installBackend();
    backend.on("profiles_test_new", () => {
      throw UNAUTHORIZED;
    });
    const { user } = await openForm(backend);
    await fill(user, { name: "Acme", "key-id": "key", secret: "wrong" });

    await user.click(screen.getByTestId("profile-form-test"));

    const error = await screen.findByTestId("profile-form-error");
    expect(error.textContent).toBe(UNAUTHORIZED.message);
    expect(error.getAttribute("role")).toBe("alert");
    expect(screen.queryByTestId("profile-form-result")).toBeNull();

    // Correcting the secret and testing again replaces the error with the result.
    backend.on("profiles_test_new", () => 3);
    await fill(user, { secret: "right" });
    expect(screen.queryByTestId("profile-form-error")).toBeNull();
    await user.click(screen.getByTestId("profile-form-test"));
    expect((await screen.findByTestId("profile-form-result")).textContent).toBe("Connected — 3 contacts");
  });

  it("puts the server's field error under the matching input", async () => {
    const backend = installBackend();
    backend.on("profiles_add", () => {
      throw appError("Validation", "That address is the built-in sandbox, which already has its own profile.", "base_url");
    });
    const { user } = await openForm(backend);
    await fill(user, { name: "Again", "base-url": "http://127.0.0.1:41234", "key-id": "key", secret: "secret" });

    await user.click(screen.getByTestId("profile-form-save"));

    expect((await screen.findByTestId("profile-base-url-error")).textContent).toBe(
      "That address is the built-in sandbox, which already has its own profile.",
    );
    expect(screen.queryByTestId("profile-form-error")).toBeNull();
    expect(screen.getByTestId("profile-form")).toBeTruthy();
  });
});
