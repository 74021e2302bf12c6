// Compose: type a number and a text, send, and see the status.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("compose")) {
  test("Compose sends typed text to a typed number and shows its status", async ({ page, open, axe, calls }) => {
    await open("/compose");
    await page.getByTestId("compose-recipient").pressSequentially("+14155550199");
    await page.getByTestId("compose-text").fill("Your table is ready");
    await page.getByTestId("compose-service").waitFor();
    await axe("the compose form");
    await page.getByTestId("compose-send").click();

    await page.getByTestId("compose-status").waitFor();
    const sent = await calls("messages_send");
    assert.equal(sent.length, 1);
    assert.equal(sent[0].message.number, "+14155550199");
    assert.equal(sent[0].message.content, "Your table is ready");
    assert.equal(await page.getByTestId("compose-status").textContent(), "QUEUED");
    await axe("the compose status card");
  });
}
