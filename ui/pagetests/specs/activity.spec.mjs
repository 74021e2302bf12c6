// Activity: events from the backend appear live as plain sentences, and the filter narrows them.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

/** Emits activity events in the page, as the backend's follower would. */
async function emitActivity(page) {
  await page.evaluate(async () => {
    const base = {
      accountEmail: "ops@acme.test", content: "hello", date_sent: "2025-03-01T12:00:00Z", date_updated: "2025-03-01T12:00:00Z",
      from_number: "+14155550123", to_number: "+14155550100", number: "+14155550123", sendblue_number: "+14155550100",
      is_outbound: false, status: "RECEIVED", message_handle: "h-1", media_url: null, group_id: null, error_code: null,
      error_message: null, service: null, updated_at: null, event_id: "ev-1", repaired: false,
    };
    await window.__emit("activity", { kind: "message_received", data: { ...base, content: "Is the shop open today?" } });
    await window.__emit("activity", { kind: "message_updated", data: { ...base, event_id: "ev-2", message_handle: "h-2", is_outbound: true, status: "DELIVERED", number: "+14155550999", to_number: "+14155550999", from_number: "+14155550100" } });
    await window.__emit("activity", { kind: "contact_created", data: { contact_id: "c9", phone: "+12125550100", first_name: "Alan", last_name: "Turing", created_at: null, event_id: "ev-3", repaired: false } });
  });
}

if (hasPage("activity")) {
  test("Activity shows live events as sentences and filters them", async ({ page, open, axe }) => {
    await open("/activity");
    await page.getByTestId("activity-connection").filter({ hasText: "Connected live" }).waitFor();
    await emitActivity(page);
    const items = page.getByTestId("activity-item");
    await items.nth(2).waitFor();
    const texts = await page.locator('[data-testid="activity-item"] .activity-item__text').allTextContents();
    assert.ok(texts.some((t) => t.includes("Is the shop open today?")), `the inbound message is shown (items: ${JSON.stringify(texts)})`);
    await axe("the activity feed");

    await page.getByTestId("activity-filter-in").click();
    await page.getByTestId("activity-filter-in").and(page.locator('[aria-pressed="true"]')).waitFor();
    assert.deepEqual(await items.evaluateAll((els) => els.map((e) => e.dataset.kind)), ["in"]);
  });
}
