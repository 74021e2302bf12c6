import { screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { appError, installBackend } from "../../test/backend.ts";
import { emptyWebhookSet } from "../../test/fake/webhooks.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function rowOf(url: string): HTMLElement {
  const row = screen.getAllByTestId("webhook-row").find((r) => r.getAttribute("data-url") === url);
  if (!row) throw new Error(`no row for ${url}`);
  return row;
}

// Typing whole addresses takes a while on a busy machine.
describe("the webhooks page", { timeout: 20_000 }, () => {
  it("lists the webhooks grouped by type, in plain words", async () => {
    installBackend();
    renderApp("/webhooks");
    await screen.findByTestId("webhooks-page");
    const rows = await screen.findAllByTestId("webhook-row");
    expect(rows.map((r) => [r.getAttribute("data-type"), r.getAttribute("data-url")])).toEqual([
      ["receive", "https://hooks.acme.example/in"],
      ["receive", "https://hooks.acme.example/in-line2"],
      ["outbound", "https://hooks.acme.example/status"],
    ]);
    const groups = screen.getAllByTestId("webhook-group");
    expect(groups.map((g) => within(g).getByRole("heading").textContent)).toEqual(["Incoming messages", "Message status"]);
    expect(rowOf("https://hooks.acme.example/in-line2").textContent).toContain("Only for messages to +14155550101");
  });

  it("shows an empty state when there are none", async () => {
    installBackend((s) => {
      s.areas.webhooks.set = emptyWebhookSet();
    });
    renderApp("/webhooks");
    expect((await screen.findByTestId("webhooks-empty")).textContent).toMatch(/No webhooks yet/);
  });

  it("keeps a secret out of the page until Reveal, and hides it again when leaving", async () => {
    installBackend();
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf("https://hooks.acme.example/in-line2"));
    expect(document.body.innerHTML).not.toContain("whs_line2_secret");
    expect(document.body.innerHTML).not.toContain("whs_global_9d2f");
    expect(within(row).getByTestId("webhook-secret").textContent).toBe("••••••••");

    const reveal = within(row).getByTestId("webhook-secret-reveal");
    expect(reveal.getAttribute("aria-pressed")).toBe("false");
    await user.click(reveal);
    expect(within(row).getByTestId("webhook-secret").textContent).toBe("whs_line2_secret");
    expect(reveal.getAttribute("aria-pressed")).toBe("true");
    expect(document.body.innerHTML).not.toContain("whs_global_9d2f");

    // Hidden again when the window is hidden…
    Object.defineProperty(document, "visibilityState", { configurable: true, get: () => "hidden" });
    document.dispatchEvent(new Event("visibilitychange"));
    await waitFor(() => expect(within(row).getByTestId("webhook-secret").textContent).toBe("••••••••"));
    delete (document as { visibilityState?: unknown }).visibilityState;
    await user.click(reveal);
    expect(within(row).getByTestId("webhook-secret").textContent).toBe("whs_line2_secret");

    // …and when leaving the page.
    await user.click(screen.getByTestId("nav-overview"));
    await screen.findByTestId("overview");
    await user.click(screen.getByTestId("nav-webhooks"));
    await waitFor(() => rowOf("https://hooks.acme.example/in-line2"));
    expect(document.body.innerHTML).not.toContain("whs_line2_secret");
  });

  it("checks the address before adding, then adds with the type and secret", async () => {
    const backend = installBackend();
    const { user } = renderApp("/webhooks");
    await user.click(await screen.findByTestId("webhook-add"));

    await user.click(screen.getByTestId("webhook-form-save"));
    expect(screen.getByTestId("webhook-form-url-error").textContent).toBe("Enter the web address that should receive the events.");
    await user.type(screen.getByTestId("webhook-form-url"), "http://hooks.example.com/in");
    await user.click(screen.getByTestId("webhook-form-save"));
    expect(screen.getByTestId("webhook-form-url-error").textContent).toMatch(/must start with https:\/\/.*localhost or 127\.0\.0\.1/);
    await user.clear(screen.getByTestId("webhook-form-url"));
    await user.type(screen.getByTestId("webhook-form-url"), "https://hooks.acme.example/in");
    await user.click(screen.getByTestId("webhook-form-save"));
    expect(screen.getByTestId("webhook-form-url-error").textContent).toMatch(/already gets “Incoming messages” events/);
    expect(backend.callsTo("webhooks_add")).toEqual([]);

    await user.selectOptions(screen.getByTestId("webhook-form-type"), "line_assigned");
    expect(screen.getByTestId("webhook-form").textContent).toContain("A new line was added to your account.");
    await user.clear(screen.getByTestId("webhook-form-url"));
    await user.type(screen.getByTestId("webhook-form-url"), "http://127.0.0.1:9911/hook");
    expect((screen.getByTestId("webhook-form-secret") as HTMLInputElement).type).toBe("password");
    await user.type(screen.getByTestId("webhook-form-secret"), "whs_new");
    await user.click(screen.getByTestId("webhook-form-save"));

    await waitFor(() =>
      expect(backend.callsTo("webhooks_add")).toEqual([
        { request: { type: "line_assigned", webhooks: [{ url: "http://127.0.0.1:9911/hook", secret: "whs_new" }] } },
      ]),
    );
    await waitFor(() => expect(screen.queryByTestId("webhook-form")).toBeNull());
    expect(rowOf("http://127.0.0.1:9911/hook").getAttribute("data-type")).toBe("line_assigned");
    expect(screen.getByTestId("toast-region").textContent).toContain("Webhook added");
  });

  it("adds a bare address when there is no secret, and shows the server's refusal", async () => {
    const backend = installBackend();
    backend.on("webhooks_add", () => {
      throw appError("Validation", "Sendblue couldn't accept this. Sendblue said: “Webhook URL must be a valid https:// URL”");
    });
    const { user } = renderApp("/webhooks");
    await user.click(await screen.findByTestId("webhook-add"));
    await user.type(screen.getByTestId("webhook-form-url"), "https://new.example.com/x");
    await user.click(screen.getByTestId("webhook-form-save"));
    expect((await screen.findByTestId("webhook-form-error")).textContent).toMatch(/Sendblue said/);
    expect(backend.callsTo("webhooks_add")).toEqual([{ request: { type: "receive", webhooks: ["https://new.example.com/x"] } }]);
  });

  it("edits an address in place through a full replacement that keeps everything else", async () => {
    const backend = installBackend();
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf("https://hooks.acme.example/in-line2"));
    await user.click(within(row).getByTestId("webhook-edit"));
    expect((screen.getByTestId("webhook-form-secret") as HTMLInputElement).value).toBe("");
    await user.clear(screen.getByTestId("webhook-form-url"));
    await user.type(screen.getByTestId("webhook-form-url"), "https://hooks.acme.example/in-2");
    await user.click(screen.getByTestId("webhook-form-save"));

    await waitFor(() => expect(backend.callsTo("webhooks_replace")).toHaveLength(1));
    const sent = backend.callsTo("webhooks_replace")[0]!.set as Record<string, unknown>;
    expect(sent.receive).toEqual([
      "https://hooks.acme.example/in",
      { url: "https://hooks.acme.example/in-2", secret: "whs_line2_secret", sendblue_numbers: ["+14155550101"] },
    ]);
    expect(sent.outbound).toEqual(["https://hooks.acme.example/status"]);
    expect(sent.globalSecret).toBe("whs_global_9d2f");
    await waitFor(() => expect(rowOf("https://hooks.acme.example/in-2")).toBeTruthy());
  });

  it("asks before deleting, then removes that address from its type", async () => {
    const backend = installBackend();
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf("https://hooks.acme.example/status"));
    await user.click(within(row).getByTestId("webhook-delete"));
    expect(screen.getByTestId("webhook-delete-dialog").textContent).toMatch(/stop sending “Message status” events to https:\/\/hooks\.acme\.example\/status/);
    expect(backend.callsTo("webhooks_remove")).toEqual([]);
    await user.click(screen.getByTestId("webhook-delete-confirm"));
    await waitFor(() => expect(backend.callsTo("webhooks_remove")).toEqual([{ request: { type: "outbound", webhooks: ["https://hooks.acme.example/status"] } }]));
    await waitFor(() => expect(screen.getAllByTestId("webhook-row")).toHaveLength(2));
  });

  it("sends a test event and shows the status code, the time and the answer", async () => {
    const backend = installBackend();
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf("https://hooks.acme.example/in"));
    await user.click(within(row).getByTestId("webhook-test"));

    const result = await within(row).findByTestId("webhook-test-result");
    expect(backend.callsTo("webhooks_send_test")).toEqual([{ webhookType: "receive", url: "https://hooks.acme.example/in" }]);
    expect(result.getAttribute("data-ok")).toBe("true");
    expect(result.textContent).toContain("Delivered.");
    expect(result.textContent).toContain("200 OK");
    expect(result.textContent).toContain("42 ms");
    expect(within(result).getByTestId("webhook-test-excerpt").textContent).toBe('{"received":true}');
  });

  it("says plainly when the receiver refuses the test or can't be reached", async () => {
    const backend = installBackend((s) => {
      s.areas.webhooks.testResult = () => ({ status: 500, ok: false, elapsed_ms: 7, excerpt: "boom", truncated: true, signed: false });
    });
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf("https://hooks.acme.example/in"));
    await user.click(within(row).getByTestId("webhook-test"));
    const failed = await within(row).findByTestId("webhook-test-result");
    expect(failed.getAttribute("data-ok")).toBe("false");
    expect(failed.textContent).toMatch(/Not accepted\. The address answered 500 Internal Server Error in 7 ms/);
    expect(failed.textContent).toMatch(/sends the event again/);

    backend.on("webhooks_send_test", () => {
      throw appError("Network", "Nothing is listening at that address: the connection was refused. Check the address and that the server is running.");
    });
    await user.click(within(row).getByTestId("webhook-test"));
    await waitFor(() => expect(within(row).getByTestId("webhook-test-result").textContent).toMatch(/not delivered\. Nothing is listening/));
  });

  it("previews what Replace all adds, removes and keeps before confirming", async () => {
    const backend = installBackend();
    const { user } = renderApp("/webhooks");
    await user.click(await screen.findByTestId("webhooks-replace-all"));
    const text = screen.getByTestId("webhooks-replace-text") as HTMLTextAreaElement;
    expect(text.value).toBe(
      "receive https://hooks.acme.example/in\nreceive https://hooks.acme.example/in-line2\noutbound https://hooks.acme.example/status",
    );
    expect(text.value).not.toContain("whs_");
    expect((screen.getByTestId("webhooks-replace-confirm") as HTMLButtonElement).disabled).toBe(true);

    await user.clear(text);
    await user.type(text, "receive https://hooks.acme.example/in-line2\ntyping https://x.example.com\nhttp://remote.example.com/in");
    await user.click(screen.getByTestId("webhooks-replace-preview"));
    const errors = screen.getByTestId("webhooks-replace-text-error").textContent!;
    expect(errors).toContain("Line 2: “typing” isn't an event type.");
    expect(errors).toContain("Line 3: The address must start with https://");
    expect((screen.getByTestId("webhooks-replace-confirm") as HTMLButtonElement).disabled).toBe(true);

    await user.clear(text);
    await user.type(text, "receive https://hooks.acme.example/in-line2\ncontact_created https://crm.example.com/new");
    await user.click(screen.getByTestId("webhooks-replace-preview"));
    const urls = (id: string) => within(screen.getByTestId(id)).queryAllByRole("listitem").map((li) => li.getAttribute("data-url"));
    expect(urls("webhooks-replace-added")).toEqual(["https://crm.example.com/new"]);
    expect(urls("webhooks-replace-removed")).toEqual(["https://hooks.acme.example/in", "https://hooks.acme.example/status"]);
    expect(urls("webhooks-replace-kept")).toEqual(["https://hooks.acme.example/in-line2"]);
    expect(backend.callsTo("webhooks_replace")).toEqual([]);

    await user.click(screen.getByTestId("webhooks-replace-confirm"));
    await waitFor(() => expect(backend.callsTo("webhooks_replace")).toHaveLength(1));
    const sent = backend.callsTo("webhooks_replace")[0]!.set as Record<string, unknown>;
    expect(sent.receive).toEqual([{ url: "https://hooks.acme.example/in-line2", secret: "whs_line2_secret", sendblue_numbers: ["+14155550101"] }]);
    expect(sent.contact_created).toEqual(["https://crm.example.com/new"]);
    expect(sent.outbound).toEqual([]);
    expect(sent.globalSecret).toBe("whs_global_9d2f");
    await waitFor(() => expect(screen.getAllByTestId("webhook-row").map((r) => r.getAttribute("data-url"))).toEqual([
      "https://hooks.acme.example/in-line2",
      "https://crm.example.com/new",
    ]));
  });

  it("shows a load failure with its plain message and a retry", async () => {
    const backend = installBackend();
    backend.on("webhooks_list", () => {
      throw appError("Forbidden", "This isn't available on your plan or for this line.");
    });
    renderApp("/webhooks");
    const error = await screen.findByTestId("webhooks-error");
    expect(error.textContent).toContain("This isn't available on your plan");
    expect(within(error).getByRole("button", { name: "Retry" })).toBeTruthy();
  });

  it("keeps HTML in addresses and answers as plain text", async () => {
    installBackend((s) => {
      s.areas.webhooks.set.receive = [`https://x.example.com/${XSS}`];
      s.areas.webhooks.testResult = () => ({ status: 200, ok: true, elapsed_ms: 1, excerpt: XSS, truncated: false, signed: false });
    });
    const { user } = renderApp("/webhooks");
    const row = await waitFor(() => rowOf(`https://x.example.com/${XSS}`));
    expect(row.textContent).toContain(XSS);
    await user.click(within(row).getByTestId("webhook-test"));
    expect((await within(row).findByTestId("webhook-test-excerpt")).textContent).toBe(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });

  it("opens the add-webhook form from the address (#/webhooks?new=1), then drops the flag", async () => {
    installBackend();
    renderApp("/webhooks?new=1");
    const form = await screen.findByTestId("webhook-form");
    expect(within(form).getByText("Add a webhook")).toBeTruthy();
    await waitFor(() => expect(window.location.hash).toBe("#/webhooks"));
  });
});
