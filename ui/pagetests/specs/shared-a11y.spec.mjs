// The shared layout and components in their less common states, light and dark: a Live profile
// in the header, toasts, an error notice, an empty state and a confirmation dialog.
import { setColorScheme, test } from "../harness.mjs";

async function bothSchemes(page, axe, label) {
  await axe(`${label} (light)`);
  await setColorScheme(page, "dark");
  await axe(`${label} (dark)`);
}

test("a Live profile in the header and a success toast", async ({ page, open, axe }) => {
  await open("/settings", { setup: (state) => (state.activeId = "p-acme") });
  await page.getByTestId("active-profile-kind").filter({ hasText: /^Live$/ }).waitFor();
  await page.keyboard.press("Control+k");
  await page.keyboard.type("diagnostics");
  await page.keyboard.press("Enter");
  await page.getByTestId("toast").first().waitFor();
  await bothSchemes(page, axe, "the Live header with a toast");
});

test("an error notice, an error toast and the empty contacts list", async ({ page, open, axe }) => {
  await open("/contacts", {
    setup: (state) => (state.contacts = []),
    backend: (b) =>
      b.on("mirror_refresh", () => {
        throw { code: "Network", message: "Couldn't reach Sendblue — check your internet connection and try again.", detail: { status: null, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } };
      }),
  });
  await page.getByTestId("contacts-empty").waitFor();
  await page.getByTestId("contacts-refresh").click();
  await page.getByTestId("toast").filter({ hasText: "Couldn't reach Sendblue" }).waitFor();
  await bothSchemes(page, axe, "the empty list with an error toast");
});

test("the overview's error notice", async ({ page, open, axe }) => {
  await open("/", {
    backend: (b) =>
      b.on("contacts_count", () => {
        throw { code: "Unauthorized", message: "Sendblue didn't accept this profile's key id and secret.", detail: { status: 401, error_code: null, message: null, field: null, retry_after_ms: null, excerpt: null } };
      }),
  });
  await page.getByTestId("overview-error").first().waitFor();
  await bothSchemes(page, axe, "the overview error");
});

test("a confirmation dialog", async ({ page, open, axe }) => {
  await open("/contacts");
  await page.locator('[data-testid="contact-row"][data-phone="+14155550123"]').getByTestId("contact-edit").click();
  await page.getByTestId("contact-delete").click();
  await page.getByTestId("contact-delete-dialog").waitFor();
  await bothSchemes(page, axe, "the delete confirmation");
});
