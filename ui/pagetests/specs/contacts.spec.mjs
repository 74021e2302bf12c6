// Contacts: the mirror's rows, search, and creating a contact through the side panel.
import assert from "node:assert/strict";
import { test } from "../harness.mjs";

test("Contacts lists the mirror and search narrows it", async ({ page, open }) => {
  await open("/contacts");
  await page.locator('[data-testid="contact-row"][data-phone="+14155550123"]').waitFor();
  const total = await page.evaluate(() => window.__backend.state.contacts.length);
  await page.getByTestId("contacts-total").filter({ hasText: `${total} contacts` }).waitFor();

  await page.getByTestId("contacts-search").fill("lovelace");
  await page.getByTestId("contacts-total").filter({ hasText: /^\d+ contacts?$/ }).filter({ hasNotText: `${total} ` }).waitFor();
  const names = await page.locator('[data-testid="contact-row"]').allTextContents();
  assert.ok(names.length > 0, "some rows match");
  for (const row of names) assert.match(row, /Lovelace/);
  const queries = await page.evaluate(() => window.__backend.callsTo("mirror_search").map((a) => a.query.text));
  assert.ok(queries.includes("lovelace"), `mirror_search was asked for "lovelace" (asked: ${JSON.stringify(queries)})`);
});

test("Contacts creates a contact from the side panel, in E.164", async ({ page, open, axe, calls }) => {
  await open("/contacts");
  await page.getByTestId("contact-new").click();
  await page.getByTestId("contact-form").waitFor();
  await axe("the new-contact form");
  await page.getByTestId("contact-phone").pressSequentially("(415) 555-0177");
  await page.getByTestId("contact-first-name").fill("Hedy");
  await page.getByTestId("contact-last-name").fill("Lamarr");
  await page.getByTestId("contact-save").click();

  await page.getByTestId("contact-form").waitFor({ state: "detached" });
  const sent = await calls("contacts_create");
  assert.equal(sent.length, 1);
  assert.equal(sent[0].contact.number, "+14155550177");
  assert.equal(sent[0].contact.first_name, "Hedy");
  assert.equal(sent[0].contact.last_name, "Lamarr");
  await page.getByTestId("toast").first().waitFor();
});

test("Contacts refresh asks the backend and shows when it last synced", async ({ page, open, calls }) => {
  await open("/contacts");
  await page.getByTestId("contacts-last-synced").filter({ hasText: "Last synced" }).waitFor();
  await page.getByTestId("contacts-refresh").click();
  await page.getByTestId("contacts-refresh").filter({ hasText: "Refresh" }).and(page.locator(":not([disabled])")).waitFor();
  assert.equal((await calls("mirror_refresh")).length, 1);
});
