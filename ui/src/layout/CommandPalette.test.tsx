import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PAGES } from "../pages/registry.ts";
import { ACME_LIVE, appError, installBackend, jobInfo, SANDBOX } from "../test/backend.ts";
import { renderApp } from "../test/render.tsx";

function items() {
  return within(screen.getByTestId("command-palette")).queryAllByTestId("command-palette-item");
}

function labels() {
  return items().map((li) => li.querySelector(".command-palette__label")?.textContent);
}

async function openWithShortcut(user: ReturnType<typeof renderApp>["user"]) {
  await user.keyboard("{Control>}k{/Control}");
  return screen.findByTestId("command-palette");
}

describe("the command palette", () => {
  it("opens with Ctrl+K from anywhere, focuses the search, and Escape puts focus back", async () => {
    installBackend();
    const { user } = renderApp();
    await screen.findByTestId("active-profile-name");
    const link = screen.getByTestId("nav-contacts");
    link.focus();

    const dialog = await openWithShortcut(user);
    expect(dialog.getAttribute("role")).toBe("dialog");
    expect(dialog.getAttribute("aria-modal")).toBe("true");
    const input = screen.getByTestId("command-palette-input");
    expect(document.activeElement).toBe(input);
    expect(input.getAttribute("role")).toBe("combobox");
    expect(input.getAttribute("aria-expanded")).toBe("true");
    expect(document.getElementById(input.getAttribute("aria-controls")!)?.getAttribute("role")).toBe("listbox");

    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("command-palette")).toBeNull();
    expect(document.activeElement).toBe(link);
  });

  it("opens with Cmd+K and with the header button, which gets focus back", async () => {
    installBackend();
    const { user } = renderApp();
    await user.keyboard("{Meta>}k{/Meta}");
    expect(await screen.findByTestId("command-palette")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("command-palette")).toBeNull();

    const button = screen.getByTestId("command-palette-open");
    expect(button.textContent).toContain("Search or jump…");
    await user.click(button);
    expect(await screen.findByTestId("command-palette")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(document.activeElement).toBe(button);
  });

  it("doesn't open over another dialog, and Ctrl+K again closes it", async () => {
    installBackend();
    const { user } = renderApp("#/contacts");
    await user.click(await screen.findByTestId("contact-new"));
    await screen.findByTestId("contact-form");
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.queryByTestId("command-palette")).toBeNull();
    await user.keyboard("{Escape}");
    await waitFor(() => expect(screen.queryByTestId("contact-form")).toBeNull());

    await openWithShortcut(user);
    await user.keyboard("{Control>}k{/Control}");
    expect(screen.queryByTestId("command-palette")).toBeNull();
  });

  it("lists every page of the registry and the actions", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await waitFor(() => expect(labels()).toContain("Switch profile to Acme Live"));
    for (const page of PAGES) expect(labels()).toContain(page.label);
    expect(labels()).toEqual(expect.arrayContaining(["New contact", "Refresh contacts", "Export diagnostics"]));
    // The active profile is not offered.
    expect(labels()).not.toContain("Switch profile to Sandbox");
  });

  it("filters as you type and Enter goes to the page", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("sett");
    expect(labels()).toEqual(["Settings"]);
    await user.keyboard("{Enter}");

    expect(await screen.findByTestId("settings")).toBeTruthy();
    expect(window.location.hash).toBe("#/settings");
    expect(screen.queryByTestId("command-palette")).toBeNull();
  });

  it("moves the active option with the arrow keys, wrapping at the ends", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("contacts");
    const input = screen.getByTestId("command-palette-input");
    const activeLabel = () => document.getElementById(input.getAttribute("aria-activedescendant")!)?.querySelector(".command-palette__label")?.textContent;
    const shown = labels();
    expect(shown.slice(0, 2)).toEqual(["Contacts", "New contact"]);
    expect(shown).toContain("Refresh contacts");
    expect(activeLabel()).toBe("Contacts");
    expect(items()[0]!.getAttribute("aria-selected")).toBe("true");

    await user.keyboard("{ArrowDown}");
    expect(activeLabel()).toBe("New contact");
    expect(items()[1]!.getAttribute("aria-selected")).toBe("true");
    expect(items()[0]!.getAttribute("aria-selected")).toBe("false");
    await user.keyboard("{ArrowDown}".repeat(shown.length - 1));
    expect(activeLabel()).toBe("Contacts");
    await user.keyboard("{ArrowUp}");
    expect(activeLabel()).toBe(shown[shown.length - 1]);
  });

  it("says so when nothing matches, and Enter does nothing", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("zzzz{Enter}");
    expect(items()).toHaveLength(0);
    expect(screen.getByTestId("command-palette-empty").textContent).toContain("zzzz");
    expect(screen.getByTestId("command-palette-input").hasAttribute("aria-activedescendant")).toBe(false);
  });

  it("New contact opens the contacts page's empty form", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("new cont{Enter}");

    const form = await screen.findByTestId("contact-form");
    expect(within(form).getByRole("heading").textContent).toBe("New contact");
    expect(screen.getByTestId("contacts")).toBeTruthy();
    // The one-shot flag is gone, so going back to the page doesn't open the form again.
    expect(window.location.hash).toBe("#/contacts");
  });

  it("New contact also works when the contacts page is already open", async () => {
    installBackend();
    const { user } = renderApp("#/contacts");
    await screen.findAllByTestId("contact-row");
    await openWithShortcut(user);
    await user.keyboard("new contact{Enter}");
    expect(await screen.findByTestId("contact-form")).toBeTruthy();
  });

  it.skipIf(!PAGES.some((p) => p.id === "compose"))("Send a message goes to the compose page", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("send a message{Enter}");
    await waitFor(() => expect(window.location.hash).toBe("#/compose"));
    expect(screen.getByRole("main").getAttribute("aria-label")).toBe(PAGES.find((p) => p.id === "compose")!.label);
  });

  it.skipIf(!PAGES.some((p) => p.id === "import"))("Import contacts goes to the import page", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("import contacts{Enter}");
    await waitFor(() => expect(window.location.hash).toBe("#/import"));
    expect(screen.getByRole("main").getAttribute("aria-label")).toBe(PAGES.find((p) => p.id === "import")!.label);
  });

  it("Refresh contacts calls mirror_refresh and says so", async () => {
    const backend = installBackend();
    const { user } = renderApp();
    await screen.findByTestId("active-profile-name");
    await openWithShortcut(user);
    await user.keyboard("refresh{Enter}");

    await waitFor(() => expect(backend.callsTo("mirror_refresh")).toEqual([{}]));
    expect((await screen.findByTestId("toast")).textContent).toContain("Refreshing contacts…");
  });

  it("a failed refresh shows the error in plain words", async () => {
    const backend = installBackend();
    backend.on("mirror_refresh", () => {
      throw appError("Network", "Couldn't reach Sendblue — check your internet connection and try again.");
    });
    const { user } = renderApp();
    await screen.findByTestId("active-profile-name");
    await openWithShortcut(user);
    await user.keyboard("refresh{Enter}");
    const toast = await screen.findByTestId("toast");
    expect(toast.dataset.tone).toBe("error");
    expect(toast.textContent).toContain("Couldn't reach Sendblue");
  });

  it("Switch profile switches to that profile", async () => {
    const backend = installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await waitFor(() => expect(labels()).toContain("Switch profile to Acme Live"));
    await user.keyboard("acme{Enter}");

    await waitFor(() => expect(backend.callsTo("profiles_switch")).toEqual([{ id: ACME_LIVE.id }]));
    await waitFor(() => expect(screen.getByTestId("active-profile-name").textContent).toBe("Acme Live"));
    expect((await screen.findByTestId("toast")).textContent).toContain("Switched to Acme Live");
  });

  it("matches profile names without caring about accents or case", async () => {
    installBackend((s) => {
      s.profiles = [SANDBOX, { ...ACME_LIVE, name: "Élodie's Café" }];
    });
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("ELODIE cafe");
    await waitFor(() => expect(labels()).toEqual(["Switch profile to Élodie's Café"]));
  });

  it("Export diagnostics calls diagnostics_export and shows where it was saved", async () => {
    const backend = installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("diagnostics{Enter}");

    await waitFor(() => expect(backend.callsTo("diagnostics_export")).toEqual([{}]));
    const toast = await screen.findByTestId("toast");
    expect(toast.textContent).toContain("Diagnostics saved");
    expect(toast.textContent).toContain(backend.state.areas.palette.diagnosticsPath);
  });

  it("a cancelled diagnostics export says nothing", async () => {
    const backend = installBackend((s) => {
      s.areas.palette.diagnosticsPath = null;
    });
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("diagnostics{Enter}");
    await waitFor(() => expect(backend.callsTo("diagnostics_export")).toHaveLength(1));
    expect(screen.queryByTestId("toast")).toBeNull();
  });

  it("clicking an option runs it", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.click(items().find((li) => li.dataset.entry === "page:contacts")!);
    expect(await screen.findByTestId("contacts")).toBeTruthy();
  });

  it("shows HTML in a profile name as text", async () => {
    const name = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>`;
    installBackend((s) => {
      s.profiles = [SANDBOX, { ...ACME_LIVE, name }];
    });
    const { user } = renderApp();
    await openWithShortcut(user);
    await waitFor(() => expect(labels()).toContain(`Switch profile to ${name}`));
    expect(screen.getByTestId("command-palette").querySelector("img, script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("reaches the forms of other pages through their deep links", async () => {
    for (const [typed, testId] of [
      ["add a webhook", "webhook-form-url"],
      ["request a new line", "provisioning-preview"],
      ["add a profile", "profile-form"],
    ] as const) {
      installBackend();
      const { user, unmount } = renderApp();
      await openWithShortcut(user);
      await user.keyboard(`${typed}{Enter}`);
      expect(await screen.findByTestId(testId)).toBeTruthy();
      unmount();
    }
  });

  it("Open conversations shows the conversations list", async () => {
    installBackend();
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("open conversations{Enter}");
    expect(await screen.findByTestId("conversation-list")).toBeTruthy();
  });

  it("Background jobs opens the jobs panel", async () => {
    const backend = installBackend();
    backend.on("jobs_list", () => [jobInfo("job-7", { kind: "import_contacts", state: "interrupted", done: 3, total: 10 })]);
    const { user } = renderApp();
    await openWithShortcut(user);
    await user.keyboard("background jobs{Enter}");
    const panel = await screen.findByTestId("jobs-panel");
    expect(within(panel).getAllByTestId("job-item").map((item) => item.getAttribute("data-state"))).toEqual(["interrupted"]);
  });

  it("Export contacts and Export the audit log start their exports", async () => {
    const backend = installBackend();
    const first = renderApp();
    await openWithShortcut(first.user);
    await first.user.keyboard("export contacts{Enter}");
    await waitFor(() => expect(backend.callsTo("jobs_export_contacts")).toHaveLength(1));
    first.unmount();

    const again = installBackend();
    const second = renderApp();
    await openWithShortcut(second.user);
    await second.user.keyboard("export the audit{Enter}");
    await waitFor(() => expect(again.callsTo("audit_export")).toHaveLength(1));
  });
});
