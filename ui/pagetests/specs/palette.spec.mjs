// The command palette: Ctrl+K from anywhere, filtering, Enter, Escape, and actions through the IPC.
import assert from "node:assert/strict";
import { test } from "../harness.mjs";

const activeLabel = (page) =>
  page.evaluate(() => {
    const input = document.querySelector('[data-testid="command-palette-input"]');
    const id = input?.getAttribute("aria-activedescendant");
    return id ? document.getElementById(id)?.querySelector(".command-palette__label")?.textContent : null;
  });

test("Ctrl+K opens the palette, typing filters, Enter goes to the page", async ({ page, open }) => {
  await open("/");
  await page.keyboard.press("Control+k");
  const input = page.getByTestId("command-palette-input");
  await input.waitFor();
  assert.equal(await input.evaluate((el) => el === document.activeElement), true, "the search field has focus");
  const pages = await page.evaluate(() => window.__pages.map((p) => p.label));
  for (const label of pages) await page.getByTestId("command-palette-item").filter({ hasText: label }).first().waitFor();

  await page.keyboard.type("sett");
  assert.equal(await activeLabel(page), "Settings");
  await page.keyboard.press("Enter");
  await page.getByTestId("settings").waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/settings");
  assert.equal(await page.getByTestId("command-palette").count(), 0);
});

test("the header button opens the palette and Escape gives focus back to it", async ({ page, open }) => {
  await open("/contacts");
  await page.getByTestId("command-palette-open").click();
  await page.getByTestId("command-palette").waitFor();
  await page.keyboard.press("ArrowDown");
  await page.keyboard.press("Escape");
  await page.getByTestId("command-palette").waitFor({ state: "detached" });
  assert.equal(await page.evaluate(() => document.activeElement?.dataset.testid), "command-palette-open");
});

test("New contact from the palette opens the contacts form", async ({ page, open }) => {
  await open("/settings");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("new contact");
  await page.keyboard.press("Enter");
  await page.getByTestId("contact-form").waitFor();
  assert.equal(await page.evaluate(() => location.hash), "#/contacts");
});

test("Refresh contacts from the palette calls mirror_refresh once", async ({ page, open, calls }) => {
  await open("/");
  await page.getByTestId("active-profile-name").waitFor();
  await page.keyboard.press("Control+k");
  await page.keyboard.type("refresh contacts");
  await page.keyboard.press("Enter");
  await page.getByTestId("toast").filter({ hasText: "Refreshing contacts" }).waitFor();
  assert.deepEqual(await calls("mirror_refresh"), [{}]);
});

test("Switch profile from the palette, and the header follows", async ({ page, open, calls }) => {
  await open("/");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("switch acme");
  await page.getByTestId("command-palette-item").filter({ hasText: "Switch profile to Acme Live" }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByTestId("active-profile-name").filter({ hasText: /^Acme Live$/ }).waitFor();
  assert.deepEqual(await calls("profiles_switch"), [{ id: "p-acme" }]);
});

test("Export diagnostics from the palette says where the report was saved", async ({ page, open, calls }) => {
  await open("/");
  await page.keyboard.press("Control+k");
  await page.keyboard.type("diagnostics");
  await page.keyboard.press("Enter");
  await page.getByTestId("toast").filter({ hasText: "Diagnostics saved" }).waitFor();
  assert.deepEqual(await calls("diagnostics_export"), [{}]);
});
