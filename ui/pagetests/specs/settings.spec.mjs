// Settings → Profiles: the saved profiles and switching to another one.
import assert from "node:assert/strict";
import { test } from "../harness.mjs";

test("Settings lists the profiles and switches to a Live one", async ({ page, open, axe, calls }) => {
  await open("/settings");
  const acme = page.locator('[data-testid="profile-row"][data-profile-name="Acme Live"]');
  await acme.waitFor();
  assert.equal(await acme.getByTestId("profile-kind").textContent(), "Live");
  await axe("the profiles list");

  await acme.getByTestId("profile-switch").click();
  await page.getByTestId("active-profile-kind").filter({ hasText: /^Live$/ }).waitFor();
  assert.equal(await page.getByTestId("active-profile-name").textContent(), "Acme Live");
  assert.deepEqual(await calls("profiles_switch"), [{ id: "p-acme" }]);
});

test("Settings validates the add-profile form before sending anything", async ({ page, open, axe, calls }) => {
  await open("/settings");
  await page.getByTestId("profile-add").click();
  await page.getByTestId("profile-form").waitFor();
  await page.getByTestId("profile-form-save").click();
  await page.getByTestId("profile-name-error").waitFor();
  await axe("the add-profile form with errors");
  assert.deepEqual(await calls("profiles_add"), []);
});

test("Settings applies a chosen theme at once and saves it", async ({ page, open, axe, calls }) => {
  await open("/settings");
  const dark = page.getByTestId("settings-theme-dark");
  await dark.waitFor();
  await dark.check();
  await page.waitForFunction(() => document.documentElement.dataset.theme === "dark");
  await page.waitForFunction(() => window.__backend.callsTo("settings_set").length > 0);
  assert.deepEqual(await calls("settings_set"), [{ change: { theme: "dark" } }]);
  // The OS says light; the page must be dark and still readable.
  await axe("settings with the dark theme chosen over a light system");
});
