// HTML and script in names, company, tags, custom variables, profile names and messages stay
// inert text: no element is created, `window.__pwned` is never set, and the text shows literally.
import assert from "node:assert/strict";
import { assertInert, hasPage, PAYLOADS, test } from "../harness.mjs";

const PAYLOAD_PHONE = "+14155550199";

test("payloads in contact names, company and tags show as text in the contacts table", async ({ page, open }) => {
  await open("/contacts");
  const row = page.locator(`[data-testid="contact-row"][data-phone="${PAYLOAD_PHONE}"]`);
  await row.waitFor();
  const text = await row.textContent();
  for (const p of [PAYLOADS.img, PAYLOADS.script, PAYLOADS.bold]) assert.ok(text.includes(p), `the row shows ${p} literally (it shows ${text})`);
  // Visible on screen, not only in the DOM.
  await row.getByText(PAYLOADS.img).first().waitFor({ state: "visible" });
  await assertInert(page, "the contacts table");
});

test("payloads in custom variables and tags stay text in the edit panel and the tag filter", async ({ page, open }) => {
  await open("/contacts");
  const row = page.locator(`[data-testid="contact-row"][data-phone="${PAYLOAD_PHONE}"]`);
  await row.getByTestId("contact-edit").click();
  const form = page.getByTestId("contact-form");
  await form.waitFor();
  assert.equal(await form.getByTestId("contact-first-name").inputValue(), PAYLOADS.img);
  assert.ok((await form.getByTestId("contact-tags").inputValue()).includes(PAYLOADS.img));
  const keys = await form.getByTestId("contact-variable-key").evaluateAll((els) => els.map((e) => e.value));
  const values = await form.getByTestId("contact-variable-value").evaluateAll((els) => els.map((e) => e.value));
  assert.ok(keys.includes(PAYLOADS.bold), `a custom variable is named ${PAYLOADS.bold} (keys: ${JSON.stringify(keys)})`);
  assert.ok(values.includes(PAYLOADS.img) && values.includes(PAYLOADS.script));
  await page.keyboard.press("Escape");

  const options = await page.getByTestId("contacts-filter-tag").locator("option").allTextContents();
  assert.ok(options.some((o) => o.startsWith(PAYLOADS.img)), `the tag filter offers ${PAYLOADS.img} (options: ${JSON.stringify(options)})`);
  await assertInert(page, "the contact panel");
});

test("a payload in a profile name stays text in the palette, Settings and the header", async ({ page, open }) => {
  await open("/settings");
  const name = `Staff ${PAYLOADS.img}`;
  await page.locator(".profile-row__name", { hasText: name }).first().waitFor();
  await page.keyboard.press("Control+k");
  await page.keyboard.type("staff");
  await page.getByTestId("command-palette-item").filter({ hasText: `Switch profile to ${name}` }).waitFor();
  await page.keyboard.press("Enter");
  await page.getByTestId("active-profile-name").filter({ hasText: name }).waitFor();
  assert.equal(await page.getByTestId("active-profile-name").textContent(), name);
  await assertInert(page, "the header after switching");
});

if (hasPage("messages")) {
  test("a payload in a message and its contact's name stays text in the messages list", async ({ page, open }) => {
    await open("/messages", {
      setup: (state) => {
        const list = state.areas.messages?.messages;
        if (!Array.isArray(list) || list.length === 0) return;
        const content = `<img src=x onerror="window.__pwned=3"><script>window.__pwned=4</script>`;
        list.push({ ...list[0], message_handle: "m-payload", number: "+14155550199", to_number: "+14155550199", content, date_sent: "2030-01-01T00:00:00Z", date_updated: "2030-01-01T00:00:00Z" });
      },
    });
    await page.locator("main").getByText(`<img src=x onerror="window.__pwned=3">`, { exact: false }).first().waitFor({ state: "visible" });
    await page.locator("main").getByText(PAYLOADS.img).first().waitFor({ state: "visible" });
    await assertInert(page, "the messages list");
  });
}

if (hasPage("audit")) {
  test("a payload in an audited item stays text in the audit log", async ({ page, open }) => {
    await open("/audit");
    await page.locator("main").getByText(PAYLOADS.img).first().waitFor({ state: "visible" });
    await assertInert(page, "the audit log");
  });
}

if (hasPage("compose")) {
  test("a payload in a contact's name stays text in the compose suggestions", async ({ page, open }) => {
    await open("/compose");
    await page.getByTestId("compose-recipient").pressSequentially("img");
    await page.getByTestId("compose-suggestion").filter({ hasText: PAYLOADS.img }).first().waitFor();
    await assertInert(page, "the compose suggestions");
  });
}

if (hasPage("activity")) {
  test("a payload in an incoming message stays text in the activity feed", async ({ page, open }) => {
    await open("/activity");
    await page.getByTestId("activity-connection").waitFor();
    await page.evaluate(async (content) => {
      await window.__emit("activity", {
        kind: "message_received",
        data: {
          accountEmail: "ops@acme.test", content, date_sent: "2025-03-01T12:00:00Z", date_updated: "2025-03-01T12:00:00Z",
          from_number: "+14155550199", to_number: "+14155550100", number: "+14155550199", sendblue_number: "+14155550100",
          is_outbound: false, status: "RECEIVED", message_handle: "h-x", media_url: null, group_id: null, error_code: null,
          error_message: null, service: null, updated_at: null, event_id: "ev-x", repaired: false,
        },
      });
    }, `${PAYLOADS.script} ${PAYLOADS.bold}`);
    await page.getByTestId("activity-item").filter({ hasText: PAYLOADS.bold }).first().waitFor();
    await assertInert(page, "the activity feed");
  });
}
