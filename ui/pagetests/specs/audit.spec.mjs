// Audit log: the entries, a filter, and one entry's details.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("audit")) {
  test("Audit log lists entries, filters failures and shows an entry's details", async ({ page, open, axe, calls }) => {
    await open("/audit");
    const rows = page.getByTestId("audit-row");
    await rows.first().waitFor();
    const total = await page.evaluate(() => window.__backend.state.areas.audit.entries.length);
    assert.equal(await rows.count(), total);

    await page.getByTestId("audit-filter-outcome").selectOption("error");
    await page.locator('[data-testid="audit-row"][data-ok="true"]').first().waitFor({ state: "detached" });
    assert.ok((await rows.count()) > 0);
    const queries = await calls("audit_query");
    assert.equal(queries.at(-1).filter.result, "error");

    await rows.first().getByTestId("audit-row-details").click();
    await page.getByTestId("audit-detail").waitFor();
    await axe("an audit entry's details");
  });
}
