// Contact sharing: a line's card, edited with a live preview, then saved.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("sharing")) {
  test("Contact sharing previews the card as you type and saves it", async ({ page, open, axe, calls }) => {
    await open("/sharing");
    const name = page.getByTestId("sharing-name");
    await name.waitFor();
    await name.fill("Acme");
    await page.getByTestId("sharing-preview-name").filter({ hasText: "Acme" }).waitFor();
    await axe("the sharing form");
    await page.getByTestId("sharing-save").click();
    await page.getByTestId("sharing-result").waitFor();
    const saved = await calls("sharing_set_profile");
    assert.equal(saved.length, 1);
    assert.equal(saved[0].request.firstName, "Acme");
    assert.equal(saved[0].request.fromNumber, "+14155550100");
  });
}
