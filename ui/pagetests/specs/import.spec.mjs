// Import wizard: choose a file (the native dialog is faked), map, check, and its accessibility on
// every step it reaches.
import assert from "node:assert/strict";
import { hasPage, test } from "../harness.mjs";

if (hasPage("import")) {
  test("Import reads the chosen file, maps its columns and checks it", async ({ page, open, axe, calls }) => {
    await open("/import");
    await page.getByTestId("imports-page").waitFor();
    await page.getByTestId("import-choose-file").click();
    await page.getByTestId("import-file-name").filter({ hasText: "people.csv" }).waitFor();
    assert.deepEqual(await calls("imports_choose_file"), [{}]);
    await page.getByTestId("import-sample").waitFor();
    await axe("the import wizard, file chosen");

    await page.getByTestId("import-next").click();
    await page.getByTestId("import-mapping").waitFor();
    await axe("the import wizard, mapping");

    await page.getByTestId("import-next").click();
    await page.getByTestId("import-dry-run-summary").waitFor();
    assert.equal(await page.getByTestId("imports-page").getAttribute("data-step"), "preview");
    await axe("the import wizard, preview");
  });
}
