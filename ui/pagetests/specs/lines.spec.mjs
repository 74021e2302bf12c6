// Lines: the account's lines with their state, and requesting a new line (preview → confirm).
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("lines")) {
  test("Lines lists the lines and buys a new one after the charge warning", async ({ page, open, axe, calls }) => {
    await open("/lines");
    await page.locator('[data-testid="line-item"][data-number="+14155550100"]').waitFor();
    assert.equal(await page.getByTestId("line-item").count(), 3);

    await page.getByTestId("line-request").click();
    const preview = page.getByTestId("provisioning-preview");
    await preview.waitFor();
    await preview.getByTestId("provisioning-charge-warning").waitFor();
    await axe("the line purchase preview");
    assert.deepEqual(await calls("provisioning_preview"), [{}]);
    const token = await page.evaluate(() => window.__backend.state.areas.lines.openTokens[0]);
    await preview.getByTestId("provisioning-confirm").click();
    await page.getByTestId("provisioning-result").waitFor();
    assert.deepEqual(await calls("provisioning_confirm"), [{ previewToken: token }]);
  });
}
