// Overview: the account's numbers and lines from the fake backend.
import assert from "node:assert/strict";
import { test } from "../harness.mjs";

test("Overview shows the contact count and every line with its state", async ({ page, open, axe }) => {
  await open("/");
  await page.getByTestId("overview").waitFor();
  const count = await page.evaluate(() => window.__backend.state.contacts.length);
  await page.getByTestId("overview-contact-count").filter({ hasText: String(count) }).waitFor();
  const rows = page.getByTestId("line-row");
  await rows.nth(2).waitFor();
  assert.deepEqual(await page.getByTestId("line-number").allTextContents(), ["+14155550100", "+14155550101", "+14155550102"]);
  assert.deepEqual(await page.getByTestId("line-status").evaluateAll((els) => els.map((e) => e.dataset.status)), ["ONLINE", "DEGRADED", "OFFLINE"]);
  await axe("the overview");
});

test("Overview shows a plain-words error when the account can't be reached", async ({ page, open, axe }) => {
  const message = "Couldn't reach Sendblue — check your internet connection and try again.";
  await open("/", {
    backend: (b) => {
      const fail = () => {
        throw { code: "Network", message: "Couldn't reach Sendblue — check your internet connection and try again.", detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } };
      };
      b.on("contacts_count", fail);
      b.on("lines_state", fail);
    },
  });
  const error = page.getByTestId("overview-error").first();
  await error.waitFor();
  const text = await error.textContent();
  assert.ok(text.includes(message), `the error says "${message}" (it says "${text}")`);
  assert.doesNotMatch(text, /[{}"]/, "no raw JSON in the error");
  await axe("the overview with an error");
});
