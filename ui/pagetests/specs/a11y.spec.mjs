// Every page of the registry: it opens, shows its root, and axe-core finds no serious or critical
// accessibility problem, in the light and then the dark colour scheme. New pages are covered as
// soon as they are registered (pages/registry.ts).
import { pages, setColorScheme, test } from "../harness.mjs";

for (const { id, label } of pages()) {
  test(`${label} (#/${id}) has no serious accessibility problems, light and dark`, async ({ page, open, axe }) => {
    await open(`/${id}`, { colorScheme: "light" });
    await axe(`#/${id} (light)`);
    await setColorScheme(page, "dark");
    await axe(`#/${id} (dark)`);
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
