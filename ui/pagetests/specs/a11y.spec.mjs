// Every page of the registry: it opens, shows its root, and axe-core finds no serious or critical
// accessibility problem, in the light and then the dark colour scheme. New pages are covered as
// soon as they are registered (pages/registry.ts). The pages are visited by navigating inside one
// loaded page per half of the list (axe is injected once per half), every problem is collected,
// and the test fails at the end listing them all.
import assert from "node:assert/strict";
import { checkAxe, pages, screenshot, setColorScheme, test } from "../harness.mjs";

const all = pages();
const halves = [all.slice(0, Math.ceil(all.length / 2)), all.slice(Math.ceil(all.length / 2))].filter((h) => h.length > 0);

for (const half of halves) {
  const names = half.map((p) => p.label).join(", ");
  test(`no serious accessibility problems, light and dark: ${names}`, async ({ page, open, log }) => {
    const problems = [];
    await open("/");
    for (const { id, label } of half) {
      await setColorScheme(page, "light");
      await page.evaluate((path) => (window.location.hash = path), `/${id}`);
      const root = page.locator("main > [data-testid]").first();
      await root.waitFor();
      await page.locator(`[data-testid="nav-${id}"][aria-current="page"]`).waitFor();
      for (const scheme of ["light", "dark"]) {
        await setColorScheme(page, scheme);
        try {
          await checkAxe(page, `#/${id} (${scheme})`);
          log(`    · ${label} (#/${id}), ${scheme}: no serious problems`);
        } catch (error) {
          const shot = await screenshot(page, `a11y-${id}-${scheme}`);
          log(`    · ${label} (#/${id}), ${scheme}: PROBLEMS (screenshot: ${shot.slice(shot.indexOf("pagetests/"))})`);
          problems.push(error.message);
        }
      }
    }
    assert.ok(problems.length === 0, problems.join("\n"));
  });
}

test("the command palette has no serious accessibility problems, light and dark", async ({ page, open, axe }) => {
  await open("/", { colorScheme: "light" });
  await page.keyboard.press("Control+k");
  await page.getByTestId("command-palette").waitFor();
  await page.keyboard.press("ArrowDown");
  await axe("the command palette (light)");
  await setColorScheme(page, "dark");
  await axe("the command palette (dark)");
});
