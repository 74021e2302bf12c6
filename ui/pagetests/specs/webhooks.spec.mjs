// Webhooks: the hooks by type, a test event, and deleting one after confirming.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("webhooks")) {
  test("Webhooks sends a test event and deletes a hook after confirming", async ({ page, open, axe, calls }) => {
    await open("/webhooks");
    const row = page.locator('[data-testid="webhook-row"][data-url="https://hooks.acme.example/in"]');
    await row.waitFor();
    await row.getByTestId("webhook-test").click();
    await row.getByTestId("webhook-test-result").waitFor();
    assert.deepEqual(await calls("webhooks_send_test"), [{ webhookType: "receive", url: "https://hooks.acme.example/in" }]);

    const status = page.locator('[data-testid="webhook-row"][data-url="https://hooks.acme.example/status"]');
    await status.getByTestId("webhook-delete").click();
    await page.getByTestId("webhook-delete-dialog").waitFor();
    await axe("the delete confirmation");
    await page.getByTestId("webhook-delete-confirm").click();
    await status.waitFor({ state: "detached" });
    assert.deepEqual(await calls("webhooks_remove"), [{ request: { type: "outbound", webhooks: ["https://hooks.acme.example/status"] } }]);
  });
}
