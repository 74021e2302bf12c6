import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { PAGES } from "../pages/registry.ts";
import { ACME_LIVE, installBackend, SANDBOX } from "../test/backend.ts";
import { renderApp } from "../test/render.tsx";

describe("the layout", () => {
  it("shows the active Sandbox profile in the header", async () => {
    installBackend();
    renderApp();

    const header = screen.getByTestId("active-profile");
    expect((await within(header).findByTestId("active-profile-name")).textContent).toBe("Sandbox");
    const kind = within(header).getByTestId("active-profile-kind");
    expect(kind.textContent).toBe("Sandbox");
    expect(kind.className).not.toContain("badge--live");
  });

  it("marks a Live profile as live in the header", async () => {
    installBackend((s) => {
      s.activeId = ACME_LIVE.id;
    });
    renderApp();

    const kind = await screen.findByTestId("active-profile-kind");
    expect(kind.textContent).toBe("Live");
    expect(kind.className).toContain("badge--live");
    expect(screen.getByTestId("active-profile").dataset.kind).toBe("Live");
    expect(screen.getByTestId("active-profile").textContent).toContain("Messages reach real phones");
  });

  it("renders HTML in a profile name as text, never as markup", async () => {
    const name = `<img src=x onerror="window.__pwned=1"><b>Bold</b><script>window.__pwned=2</script>`;
    installBackend((s) => {
      s.profiles = [{ ...SANDBOX, name }, ACME_LIVE];
    });
    const { user } = renderApp();

    const header = await screen.findByTestId("active-profile-name");
    expect(header.textContent).toBe(name);
    expect(header.children).toHaveLength(0);

    await user.click(screen.getByTestId("nav-settings"));
    const row = await waitFor(() => {
      const found = screen.getAllByTestId("profile-row").find((r) => r.dataset.profileName === name);
      if (!found) throw new Error("row not rendered yet");
      return found;
    });
    expect(row.querySelector(".profile-row__name")?.textContent).toBe(name);
    expect(document.querySelector("img, b, main script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("warns only when secrets are kept in a file", async () => {
    installBackend((s) => {
      s.secretStorage = "File";
    });
    renderApp();
    expect((await screen.findByTestId("secret-storage-warning")).textContent).toContain("not the system keychain");
  });

  it("has no secret-storage warning with a keychain", async () => {
    installBackend();
    renderApp();
    await screen.findByTestId("active-profile-name");
    await waitFor(() => expect(screen.queryByTestId("secret-storage-warning")).toBeNull());
  });

  it("navigates with the sidebar, marking the current page", async () => {
    installBackend();
    const { user } = renderApp();
    const sidebar = screen.getByTestId("sidebar");
    expect(within(sidebar).getAllByRole("link").map((a) => a.textContent)).toEqual(PAGES.map((page) => page.label));
    expect(screen.getByTestId("overview")).toBeTruthy();
    expect(screen.getByTestId("nav-overview").getAttribute("aria-current")).toBe("page");

    await user.click(screen.getByTestId("nav-settings"));

    expect(await screen.findByTestId("settings")).toBeTruthy();
    expect(screen.getByTestId("nav-settings").getAttribute("aria-current")).toBe("page");
    expect(screen.getByTestId("nav-overview").getAttribute("aria-current")).toBeNull();
  });
});
