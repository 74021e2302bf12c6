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
