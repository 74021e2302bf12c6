import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { ProfileChanged_Serialize } from "../../bindings.gen.ts";
import { ACME_LIVE, appError, installBackend, lineSnapshot, SANDBOX, UNAUTHORIZED } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

describe("the overview", () => {
  it("shows skeletons, then the active account's lines and contact count", async () => {
    installBackend();
    renderApp();

    expect(screen.getByTestId("overview-contact-count-loading")).toBeTruthy();
    expect(screen.getByTestId("overview-lines-loading").getAttribute("aria-busy")).toBe("true");

    expect((await screen.findByTestId("overview-contact-count")).textContent).toBe("412");
    const rows = within(await screen.findByTestId("overview-lines")).getAllByTestId("line-row");
    expect(rows.map((r) => within(r).getByTestId("line-number").textContent)).toEqual(["+14155550100", "+14155550101"]);
    expect(rows.map((r) => within(r).getByTestId("line-status").textContent)).toEqual(["Working", "Working with problems"]);
    expect(rows.map((r) => within(r).getByTestId("line-status").getAttribute("data-status"))).toEqual(["ONLINE", "DEGRADED"]);
    expect(rows[0]!.textContent).toContain("Dedicated to this account");
    expect(rows[1]!.textContent).toContain("Shared with other accounts");
    expect(screen.queryByTestId("overview-error")).toBeNull();
  });

  it("falls back to the plain list of lines when their state isn't available", async () => {
    const backend = installBackend();
    backend.on("lines_state", () => {
      throw appError("Forbidden", "This isn't available on your plan or for this line.");
    });
    renderApp();

    const rows = within(await screen.findByTestId("overview-lines")).getAllByTestId("line-row");
    expect(rows.map((r) => within(r).getByTestId("line-number").textContent)).toEqual(["+14155550100", "+14155550101"]);
    expect(within(rows[0]!).getByTestId("line-status").textContent).toBe("Health not reported");
    expect(screen.queryByTestId("overview-error")).toBeNull();
    expect(backend.callsTo("lines_list")).toHaveLength(1);
  });

  it("shows an empty state when the account has no lines", async () => {
    installBackend((s) => {
      s.lineState[SANDBOX.id] = lineSnapshot([]);
    });
    renderApp();

    const lines = await screen.findByTestId("overview-lines");
    expect(lines.textContent).toContain("This account has no lines yet");
    expect(within(lines).queryAllByTestId("line-row")).toEqual([]);
  });

  it("says in plain words why the account can't be reached, and Retry tries again", async () => {
    const backend = installBackend();
    const fail = () => {
      throw UNAUTHORIZED;
    };
    backend.on("contacts_count", fail);
    backend.on("lines_state", fail);
    backend.on("lines_list", fail);
    const { user } = renderApp();

    const error = await screen.findByTestId("overview-error");
    expect(error.textContent).toContain(UNAUTHORIZED.message);
    expect(error.getAttribute("role")).toBe("alert");
    expect(within(error).getByRole("link", { name: "Open profile settings" })).toBeTruthy();
    expect(screen.queryByTestId("overview-contact-count")).toBeNull();

    backend.on("contacts_count", () => 5);
    backend.on("lines_state", () => lineSnapshot([["+13105550111", "ONLINE", "assigned"]]));
    await user.click(within(error).getByRole("button", { name: "Retry" }));

    expect((await screen.findByTestId("overview-contact-count")).textContent).toBe("5");
    expect(within(await screen.findByTestId("overview-lines")).getByTestId("line-number").textContent).toBe("+13105550111");
    await waitFor(() => expect(screen.queryByTestId("overview-error")).toBeNull());
  });

  it("follows a profile switch announced by the backend, with no polling", async () => {
    const backend = installBackend();
    renderApp();
    expect((await screen.findByTestId("overview-contact-count")).textContent).toBe("412");
    const countsBefore = backend.callsTo("contacts_count").length;

    // Switched elsewhere (another window, the backend itself): only the event tells the page.
    backend.state.activeId = ACME_LIVE.id;
    const change: ProfileChanged_Serialize = {
      profiles: [SANDBOX, ACME_LIVE].map((profile) => ({
        profile,
        active: profile.id === ACME_LIVE.id,
        secret_storage: "Keychain",
        effective_url: profile.base_url,
      })),
    };
    await act(() => emit("profile-changed", change));

    await waitFor(() => expect(screen.getByTestId("overview-contact-count").textContent).toBe("7"));
    expect(screen.getByTestId("active-profile-name").textContent).toBe("Acme Live");
    expect(within(screen.getByTestId("overview-lines")).getByTestId("line-number").textContent).toBe("+12125550199");
    expect(backend.callsTo("contacts_count").length).toBe(countsBefore + 1);
  });

  it("shows the newest messages, each opening its conversation, and webhooks by type", async () => {
    installBackend();
    renderApp();

    const messages = await screen.findAllByTestId("overview-message");
    // Newest first: the failed reminder of March 2, then the reply of March 1.
    expect(messages[0]!.textContent).toContain("Reminder: appointment tomorrow");
    expect(messages[1]!.textContent).toContain("On my way!");
    expect(within(messages[1]!).getByRole("link").getAttribute("href")).toBe("#/messages?number=+14155550123");

    const types = within(await screen.findByTestId("overview-webhooks")).getAllByTestId("overview-webhook-type");
    expect(types.map((t) => [t.getAttribute("data-type"), t.textContent])).toEqual([
      ["receive", "Incoming messages2 addresses"],
      ["outbound", "Message status1 address"],
    ]);
    // The card never shows a webhook's address or secret, only counts.
    expect(screen.getByTestId("overview").textContent).not.toContain("whs_");
  });
});
