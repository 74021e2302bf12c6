// Messages: the history from the fake backend, a message's detail, and a conversation.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("messages")) {
  test("Messages lists the history and opens a message's detail", async ({ page, open, axe }) => {
    await open("/messages");
    const rows = page.getByTestId("message-row");
    await rows.first().waitFor();
    const count = await page.evaluate(() => window.__backend.state.areas.messages.messages.length);
    assert.equal(await rows.count(), count);
    await rows.first().getByTestId("message-open").click();
    await page.getByTestId("message-detail").waitFor();
    await axe("a message's detail");
  });

  test("Messages shows a contact's conversation", async ({ page, open, axe }) => {
    await open("/messages?number=+14155550123");
    await page.getByTestId("conversation-bubble").first().waitFor();
    const texts = await page.getByTestId("conversation-bubble").allTextContents();
    assert.ok(texts.some((t) => t.includes("On my way!")), `the reply is shown (bubbles: ${JSON.stringify(texts)})`);
    await axe("a conversation");
  });
}
