import { screen, waitFor, within } from "@testing-library/react";
import { beforeEach, describe, expect, it } from "vitest";
import { ACME_LIVE, appError, installBackend, lineSnapshot } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function lineItem(number: string): HTMLElement {
  const item = screen.getAllByTestId("line-item").find((i) => i.getAttribute("data-number") === number);
  if (!item) throw new Error(`no line ${number}`);
  return item;
}

/** The element order of two nodes: true when `a` comes before `b` in the document. */
function before(a: Element, b: Element): boolean {
  return (a.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING) !== 0;
}

describe("the lines page", { timeout: 20_000 }, () => {
  beforeEach(() => window.localStorage.clear());

  it("lists every line with its state in words and its call forwarding", async () => {
    installBackend();
    renderApp("/lines");
    await screen.findByTestId("lines-page");
    const items = await screen.findAllByTestId("line-item");
    expect(items.map((i) => i.getAttribute("data-number"))).toEqual(["+14155550100", "+14155550101"]);
    const first = lineItem("+14155550100");
    expect(within(first).getByTestId("line-item-state").textContent).toBe("Working");
    expect(first.textContent).toContain("Dedicated to this account");
    await waitFor(() => expect(within(first).getByTestId("line-forwarding-current").textContent).toBe("Calls are forwarded to +14155550199."));
    const second = lineItem("+14155550101");
    expect(within(second).getByTestId("line-item-state").textContent).toBe("Working with problems");
    expect(second.textContent).toContain("Shared with other accounts");
    await waitFor(() => expect(within(second).getByTestId("line-forwarding-current").textContent).toMatch(/isn't available for this line/));
    expect((within(second).getByTestId("line-forwarding") as HTMLButtonElement).disabled).toBe(true);
  });

  it("checks the forwarding number before saving it in E.164", async () => {
    const backend = installBackend();
    const { user } = renderApp("/lines");
    const item = await waitFor(() => lineItem("+14155550100"));
    await waitFor(() => expect((within(item).getByTestId("line-forwarding") as HTMLButtonElement).disabled).toBe(false));
    await user.click(within(item).getByTestId("line-forwarding"));
    const input = screen.getByTestId("line-forwarding-number") as HTMLInputElement;
    expect(input.value).toBe("+14155550199");

    await user.clear(input);
    await user.type(input, "41555");
    await user.click(screen.getByTestId("line-forwarding-save"));
    expect(screen.getByTestId("line-forwarding-number-error").textContent).toMatch(/isn't a whole phone number/);
    await user.clear(input);
    await user.type(input, "+14155550100");
    await user.click(screen.getByTestId("line-forwarding-save"));
    expect(screen.getByTestId("line-forwarding-number-error").textContent).toBe("A line can't forward its calls to itself. Enter another number.");
    expect(backend.callsTo("lines_set_call_forwarding")).toEqual([]);

    await user.clear(input);
    await user.type(input, "(212) 555-0142");
    expect(input.value).toBe("(212) 555-0142");
    await user.click(screen.getByTestId("line-forwarding-save"));
    await waitFor(() =>
      expect(backend.callsTo("lines_set_call_forwarding")).toEqual([{ sendblueNumber: "+14155550100", forwardingNumber: "+12125550142" }]),
    );
    await waitFor(() => expect(within(item).getByTestId("line-forwarding-current").textContent).toBe("Calls are forwarded to +12125550142."));
  });

  it("stops forwarding", async () => {
    const backend = installBackend();
    const { user } = renderApp("/lines");
    const item = await waitFor(() => lineItem("+14155550100"));
    await waitFor(() => expect(within(item).getByTestId("line-forwarding-current").textContent).toMatch(/forwarded to/));
    await user.click(within(item).getByTestId("line-forwarding"));
    await user.click(screen.getByTestId("line-forwarding-clear"));
    await waitFor(() => expect(backend.callsTo("lines_clear_call_forwarding")).toEqual([{ sendblueNumber: "+14155550100" }]));
    await waitFor(() => expect(within(item).getByTestId("line-forwarding-current").textContent).toBe("Calls aren't forwarded."));
  });

  it("requests a line: the offer, the charge warning before the confirm button, then the purchase", async () => {
    const backend = installBackend();
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));

    const preview = await screen.findByTestId("provisioning-preview");
    expect(backend.callsTo("provisioning_preview")).toEqual([{}]);
    expect(within(preview).getByTestId("provisioning-message").textContent).toBe("Confirm within 10 minutes to complete the purchase.");
    expect(within(preview).getByTestId("provisioning-expiry").textContent).toMatch(/^(10:00|9:5\d) left \(until /);
    const warning = within(preview).getByTestId("provisioning-charge-warning");
    expect(warning.textContent).toMatch(/charges the card Sendblue has on file/);
    const confirm = within(preview).getByTestId("provisioning-confirm");
    expect(before(warning, confirm)).toBe(true);
    expect(within(preview).queryByTestId("provisioning-live-confirm")).toBeNull();
    expect(backend.callsTo("provisioning_confirm")).toEqual([]);

    const token = backend.state.areas.lines.openTokens[0];
    expect(token).toMatch(/^lpv_test_/);
    await user.click(confirm);
    await waitFor(() => expect(backend.callsTo("provisioning_confirm")).toEqual([{ previewToken: token }]));
    const result = await screen.findByTestId("provisioning-result");
    expect(result.textContent).toContain("New line bought: +14155550188");
    expect(result.getAttribute("data-number")).toBe("+14155550188");
    expect(screen.queryByTestId("line-request-dialog")).toBeNull();
  });

  it("shows a price when the offer carries one", async () => {
    installBackend((s) => {
      s.areas.lines.preview = () => ({ status: "OK", preview_token: "lpv_x", expires_at: null, message: null, price: 49, currency: "usd" });
    });
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));
    expect((await screen.findByTestId("provisioning-price")).textContent).toBe("49.00 USD");
  });

  it("asks for one more confirmation on a Live profile", async () => {
    const backend = installBackend((s) => {
      s.activeId = ACME_LIVE.id;
    });
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));
    const preview = await screen.findByTestId("provisioning-preview");
    const confirm = within(preview).getByTestId("provisioning-confirm") as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    const live = within(preview).getByTestId("provisioning-live-confirm");
    expect(preview.textContent).toContain("“Acme Live” is a Live account and real money will be charged");
    expect(before(live, confirm)).toBe(true);
    await user.click(live);
    expect(confirm.disabled).toBe(false);
    await user.click(confirm);
    await waitFor(() => expect(backend.callsTo("provisioning_confirm")).toHaveLength(1));
  });

  it("offers a new offer when the preview expired", async () => {
    const backend = installBackend((s) => {
      s.areas.lines.preview = () => ({ status: "OK", preview_token: "lpv_old", expires_at: "2020-01-01T00:00:00.000Z", message: "Confirm within 10 minutes." });
    });
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));
    expect((await screen.findByTestId("provisioning-expired")).textContent).toMatch(/expired or was already used, so nothing was bought/);
    expect(screen.queryByTestId("provisioning-confirm")).toBeNull();

    backend.state.areas.lines.preview = () => ({ status: "OK", preview_token: "lpv_stale", expires_at: new Date(Date.now() + 60_000).toISOString(), message: null });
    await user.click(screen.getByTestId("provisioning-new-preview"));
    await user.click(await screen.findByTestId("provisioning-confirm"));
    // The server no longer knows the token: the same plain offer to start again.
    expect((await screen.findByTestId("provisioning-expired")).textContent).toMatch(/expired/);
    expect(backend.callsTo("provisioning_preview")).toHaveLength(2);
    expect(screen.queryByTestId("provisioning-result")).toBeNull();
  });

  it("says plainly when no line is available", async () => {
    const backend = installBackend();
    backend.on("provisioning_preview", () => {
      throw appError("Conflict", "That conflicts with what's already there. Sendblue said: “No line is available right now; try again later”");
    });
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));
    expect((await screen.findByTestId("provisioning-error")).textContent).toMatch(/No line is available right now/);
  });

  it("uses the ticket flow when the account can't buy lines directly, and follows the ticket", async () => {
    const backend = installBackend();
    backend.on("provisioning_preview", () => {
      throw appError("Forbidden", "This isn't available on your plan or for this line. Sendblue said: “Buying lines through the API is only available on the inbound_only (AI Agent) plan”");
    });
    const { user } = renderApp("/lines");
    await user.click(await screen.findByTestId("line-request"));
    const form = await screen.findByTestId("line-ticket-form");
    expect(form.textContent).toMatch(/can't buy lines directly/);
    expect(screen.queryByTestId("provisioning-confirm")).toBeNull();

    await user.type(screen.getByTestId("line-ticket-area-code"), "41");
    await user.click(screen.getByTestId("line-ticket-submit"));
    expect(screen.getByTestId("line-ticket-area-code-error").textContent).toMatch(/3-digit area code/);
    expect(backend.callsTo("provisioning_add_line")).toEqual([]);
    await user.type(screen.getByTestId("line-ticket-area-code"), "5");
    await user.click(screen.getByTestId("line-ticket-submit"));
    await waitFor(() => expect(backend.callsTo("provisioning_add_line")).toEqual([{ request: { line_request_type: "phone", desired_area_code: "415" } }]));

    const ticket = await screen.findByTestId("line-ticket");
    await waitFor(() => expect(within(ticket).getByTestId("line-ticket-state").textContent).toBe("Waiting for Sendblue's team to set up the line."));
    expect(ticket.textContent).toContain("12345");

    const stored = backend.state.areas.lines.tickets[12345]!;
    stored.status = "FULFILLED";
    stored.fulfilledNumber = "+14155550177";
    await user.click(within(ticket).getByTestId("line-ticket-refresh"));
    await waitFor(() => expect(within(ticket).getByTestId("line-ticket-state").textContent).toBe("Done — your new line is +14155550177."));
    expect(backend.callsTo("provisioning_line_request").at(-1)).toEqual({ ticketId: 12345 });
  });

  it("keeps HTML in line numbers and Sendblue's messages as plain text", async () => {
    installBackend((s) => {
      s.lineState["p-sandbox"] = lineSnapshot([[XSS, "ONLINE", "assigned"]]);
      s.areas.lines.preview = () => ({ status: "OK", preview_token: "lpv_x", expires_at: null, message: XSS });
    });
    const { user } = renderApp("/lines");
    const item = await screen.findByTestId("line-item");
    expect(item.textContent).toContain(XSS);
    await user.click(screen.getByTestId("line-request"));
    expect((await screen.findByTestId("provisioning-message")).textContent).toBe(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("opens “Request a new line” from the address (#/lines?request=1), then drops the flag", async () => {
    installBackend();
    renderApp("/lines?request=1");
    expect(await screen.findByTestId("line-request-dialog")).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe("#/lines"));
  });
});
