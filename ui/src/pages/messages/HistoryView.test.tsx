import { configure, fireEvent, screen, waitFor, within } from "@testing-library/react";
import { describe, expect, it, vi } from "vitest";
import { appError, contact, installBackend } from "../../test/backend.ts";
import { message } from "../../test/fake/messages.ts";
import { renderApp } from "../../test/render.tsx";
import { DELETE_EXPLANATION } from "./MessageDetail.tsx";

// Two cores shared by several test runs: give slow renders time before calling them failures.
configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

function lastListParams(backend: ReturnType<typeof installBackend>) {
  const calls = backend.callsTo("messages_list");
  return calls[calls.length - 1]?.params;
}

describe("the messages history", () => {
  it("lists messages newest first with the contact's name, a preview and the status in plain words", async () => {
    const backend = installBackend((s) => {
      s.areas.messages.messages.push(message("m-4", { number: "+14155550199", content: "", media_url: "https://cdn.test/menu.pdf", date_sent: "2025-02-01T10:00:00Z" }));
    });
    renderApp("/messages");

    expect(await screen.findByTestId("messages-page")).toBeTruthy();
    await waitFor(() => expect(screen.getAllByTestId("message-row")).toHaveLength(4));
    const rows = screen.getAllByTestId("message-row");
    expect(rows.map((r) => r.getAttribute("data-handle"))).toEqual(["m-3", "m-2", "m-1", "m-4"]);
    expect(backend.callsTo("messages_list")[0]).toEqual({ params: { limit: 100, offset: 0 } });

    const failed = rows[0]!;
    await waitFor(() => expect(failed.textContent).toContain("Grace Hopper"));
    expect(failed.textContent).toContain("Reminder: appointment tomorrow");
    expect(within(failed).getByTestId("message-status").textContent).toBe("Failed");
    expect(failed.textContent).toContain("Sent");
    expect(within(rows[1]!).getByTestId("message-status").textContent).toBe("Received");
    expect(rows[1]!.getAttribute("data-direction")).toBe("in");
    // Unknown numbers show as numbers; media shows as an attachment.
    expect(rows[3]!.textContent).toContain("+14155550199");
    expect(within(rows[3]!).getByTestId("message-media-indicator").textContent).toContain("Attachment");
    expect(screen.getByTestId("messages-total").textContent).toBe("4 messages");
  });

  it("reads the history a page at a time as the table scrolls", async () => {
    const backend = installBackend((s) => {
      s.areas.messages.messages = Array.from({ length: 250 }, (_, i) =>
        message(`h-${i}`, { content: `Message ${i}`, date_sent: new Date(Date.UTC(2025, 0, 1, 0, 250 - i)).toISOString() }),
      );
    });
    renderApp("/messages");
    await waitFor(() => expect(screen.getAllByTestId("message-row")[0]!.getAttribute("data-handle")).toBe("h-0"));
    expect(screen.getByTestId("messages-total").textContent).toBe("250 messages");
    expect(backend.callsTo("messages_list")).toEqual([{ params: { limit: 100, offset: 0 } }]);

    const scroller = screen.getByTestId("messages-table").querySelector(".msg-table__scroll")!;
    scroller.scrollTop = 120 * 48;
    fireEvent.scroll(scroller);
    await waitFor(() => expect(backend.callsTo("messages_list")).toContainEqual({ params: { limit: 100, offset: 100 } }));
    await waitFor(() => expect(screen.getAllByTestId("message-row").some((r) => r.getAttribute("data-handle") === "h-120")).toBe(true));
  });

  it("sends every filter to messages_list exactly", async () => {
    const backend = installBackend();
    const { user } = renderApp("/messages");
    await screen.findAllByTestId("message-row");

    await user.type(screen.getByTestId("messages-filter-number"), "(415) 555-0124");
    await waitFor(() => expect(lastListParams(backend)).toEqual({ limit: 100, offset: 0, number: "+14155550124" }));
    await waitFor(() => expect(screen.getAllByTestId("message-row").map((r) => r.getAttribute("data-handle"))).toEqual(["m-3"]));

    await waitFor(() => expect(screen.getByTestId("messages-filter-line").querySelectorAll("option").length).toBe(3));
    await user.selectOptions(screen.getByTestId("messages-filter-line"), "+14155550100");
    await user.selectOptions(screen.getByTestId("messages-filter-direction"), "out");
    await user.selectOptions(screen.getByTestId("messages-filter-status"), "ERROR");
    fireEvent.change(screen.getByTestId("messages-filter-from"), { target: { value: "2025-03-02" } });
    fireEvent.change(screen.getByTestId("messages-filter-to"), { target: { value: "2025-03-03" } });

    await waitFor(() =>
      expect(lastListParams(backend)).toEqual({
        limit: 100,
        offset: 0,
        number: "+14155550124",
        sendblue_number: "+14155550100",
        is_outbound: true,
        status: "ERROR",
        created_at_gte: new Date("2025-03-02T00:00:00").toISOString(),
        created_at_lte: new Date("2025-03-03T23:59:59.999").toISOString(),
      }),
    );

    await user.selectOptions(screen.getByTestId("messages-filter-direction"), "in");
    await waitFor(() => expect(lastListParams(backend)).toMatchObject({ is_outbound: false }));
    await waitFor(() => expect(screen.getByTestId("messages-empty").textContent).toMatch(/No messages match/));

    await user.click(screen.getByTestId("messages-clear-filters"));
    await waitFor(() => expect(screen.getAllByTestId("message-row")).toHaveLength(3));
    expect((screen.getByTestId("messages-filter-number") as HTMLInputElement).value).toBe("");
  }, 20_000);

  it("suggests contacts from the mirror and filters nothing until a whole number is chosen", async () => {
    const backend = installBackend();
    const { user } = renderApp("/messages");
    await screen.findAllByTestId("message-row");
    const before = backend.callsTo("messages_list").length;

    await user.type(screen.getByTestId("messages-filter-number"), "Grace");
    await waitFor(() => expect(screen.getByTestId("messages-filter-number-error").textContent).toMatch(/Pick a contact from the suggestions/), { timeout: 4000 });
    const list = document.getElementById(screen.getByTestId("messages-filter-number").getAttribute("list")!)!;
    expect([...list.querySelectorAll("option")].map((o) => [o.value, o.textContent])).toEqual([["+14155550124", "Grace Hopper"]]);
    expect(backend.callsTo("messages_list").slice(before).every((c) => !("number" in (c.params as object)))).toBe(true);
  });

  it("says when the end date is before the start date and doesn't send the range", async () => {
    const backend = installBackend();
    renderApp("/messages");
    await screen.findAllByTestId("message-row");
    fireEvent.change(screen.getByTestId("messages-filter-from"), { target: { value: "2025-03-05" } });
    fireEvent.change(screen.getByTestId("messages-filter-to"), { target: { value: "2025-03-01" } });
    expect((await screen.findByTestId("messages-filter-to-error")).textContent).toBe("The end date is before the start date.");
    expect(backend.callsTo("messages_list").some((c) => "created_at_gte" in (c.params as object) && "created_at_lte" in (c.params as object))).toBe(false);
  });

  it("shows every field of a message in the side panel, unknown ones under More details", async () => {
    const backend = installBackend((s) => {
      const m = s.areas.messages.messages.find((x) => x.message_handle === "m-3")!;
      Object.assign(m, { carrier_name: "T-Mobile", media_url: "https://cdn.test/photo.jpg" });
    });
    const { user } = renderApp("/messages");
    const row = (await screen.findAllByTestId("message-row"))[0]!;
    await user.click(within(row).getByTestId("message-open"));

    const panel = await screen.findByTestId("message-detail");
    await waitFor(() => expect(backend.callsTo("messages_get")).toEqual([{ messageId: "m-3" }]));
    const field = (key: string) => panel.querySelector(`[data-field="${key}"]`)!;
    expect(field("message_handle").textContent).toBe("Message IDm-3");
    expect(field("status").textContent).toContain("Failed");
    expect(field("error_message").textContent).toBe("ErrorMessage failed to send");
    // In plain words, with Sendblue's code kept for their support.
    expect(field("error_code").textContent).toBe("What went wrongIt couldn't be delivered: Message failed to send (Sendblue's code 10001, for their support)");
    expect(field("accountEmail").textContent).toBe("Accountops@acme.test");
    expect(field("opted_out").textContent).toBe("The person opted outNo");
    expect(field("seat_id").textContent).toBe("SeatNone");
    expect(field("service").textContent).toContain("iMessage");
    // Every documented field has a row.
    for (const key of ["content", "date_sent", "date_updated", "from_number", "to_number", "number", "sendblue_number", "group_id", "participants", "reply_to", "location", "plan", "was_downgraded", "send_style", "message_type"]) {
      expect(field(key)).toBeTruthy();
    }
    const more = within(panel).getByTestId("message-detail-more");
    expect(more.textContent).toContain("More details");
    expect(more.querySelector('[data-field="carrier_name"]')!.textContent).toBe("Carrier nameT-Mobile");
    const img = within(panel).getByTestId("message-detail-media").querySelector("img")!;
    expect(img.getAttribute("src")).toBe("https://cdn.test/photo.jpg");
    expect(img.getAttribute("alt")).toMatch(/Attached image/);

    // Closing puts focus back on the row it was opened from; Esc closes too.
    await user.click(within(panel).getByTestId("message-detail-close"));
    expect(screen.queryByTestId("message-detail")).toBeNull();
    await waitFor(() => expect(document.activeElement).toBe(within(screen.getAllByTestId("message-row")[0]!).getByTestId("message-open")));
    await user.keyboard("{Enter}");
    expect(await screen.findByTestId("message-detail")).toBeTruthy();
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("message-detail")).toBeNull();
  });

  it("links non-image media, and never links an address that isn't the web", async () => {
    installBackend((s) => {
      s.areas.messages.messages = [
        message("m-pdf", { media_url: "https://cdn.test/menu.pdf", date_sent: "2025-03-02T00:00:00Z" }),
        message("m-js", { media_url: "javascript:alert(1)", date_sent: "2025-03-01T00:00:00Z" }),
      ];
    });
    const { user } = renderApp("/messages");
    const rows = await screen.findAllByTestId("message-row");
    await user.click(within(rows[0]!).getByTestId("message-open"));
    const link = within(await screen.findByTestId("message-detail")).getByTestId("message-detail-media");
    expect(link.tagName).toBe("A");
    expect(link.getAttribute("href")).toBe("https://cdn.test/menu.pdf");
    expect(link.textContent).toContain("menu.pdf");

    await user.click(within(rows[1]!).getByTestId("message-open"));
    await waitFor(() => expect(screen.getByTestId("message-detail").querySelector("[data-field='message_handle']")!.textContent).toContain("m-js"));
    const media = within(screen.getByTestId("message-detail")).getByTestId("message-detail-media");
    expect(media.tagName).not.toBe("A");
    expect(document.querySelector('a[href^="javascript"]')).toBeNull();
  });

  it("asks before deleting a message record, saying plainly what it does and doesn't do", async () => {
    const backend = installBackend();
    const { user } = renderApp("/messages");
    const row = (await screen.findAllByTestId("message-row"))[0]!;
    await user.click(within(row).getByTestId("message-open"));
    await user.click(await screen.findByTestId("message-delete"));

    const dialog = screen.getByTestId("message-delete-dialog");
    expect(dialog.textContent).toContain(DELETE_EXPLANATION);
    expect(DELETE_EXPLANATION).toBe("This removes the record from Sendblue's history. It does not unsend the message or remove it from the person's phone.");
    expect(backend.callsTo("messages_delete")).toEqual([]);

    await user.click(screen.getByTestId("message-delete-confirm"));
    await waitFor(() => expect(backend.callsTo("messages_delete")).toEqual([{ messageHandle: "m-3" }]));
    await waitFor(() => expect(screen.queryByTestId("message-detail")).toBeNull());
    await waitFor(() => expect(screen.getAllByTestId("message-row").map((r) => r.getAttribute("data-handle"))).toEqual(["m-2", "m-1"]));
    expect(screen.getByTestId("toast-region").textContent).toContain("Message record deleted");
  });

  it("says why a delete failed", async () => {
    const backend = installBackend();
    backend.on("messages_delete", () => {
      throw appError("NotFound", "This message isn't in Sendblue's history any more.");
    });
    const { user } = renderApp("/messages");
    const row = (await screen.findAllByTestId("message-row"))[0]!;
    await user.click(within(row).getByTestId("message-open"));
    await user.click(await screen.findByTestId("message-delete"));
    await user.click(screen.getByTestId("message-delete-confirm"));
    await waitFor(() => expect(screen.getByTestId("toast-region").textContent).toContain("This message isn't in Sendblue's history any more."));
  });

  it("shows a plain error when the history can't be read, and an empty state when there is none", async () => {
    const backend = installBackend();
    backend.on("messages_list", () => {
      throw appError("Network", "Couldn't reach Sendblue — check your internet connection and try again.");
    });
    const { user } = renderApp("/messages");
    expect((await screen.findByTestId("messages-error")).textContent).toContain("Couldn't reach Sendblue");

    backend.on("messages_list", () => ({ status: "OK", data: [], pagination: { limit: 100, offset: 0, total: 0, hasMore: false } }));
    await user.click(within(screen.getByTestId("messages-error")).getByRole("button", { name: "Retry" }));
    expect((await screen.findByTestId("messages-empty")).textContent).toContain("No messages yet");
  });

  it("keeps HTML in message text and contact names as plain text", async () => {
    installBackend((s) => {
      s.contacts = [contact("+14155550150", { first_name: XSS })];
      s.areas.messages.messages = [message("m-x", { number: "+14155550150", content: XSS, is_outbound: false })];
    });
    const { user } = renderApp("/messages");
    const row = await screen.findByTestId("message-row");
    await waitFor(() => expect(row.textContent).toContain(XSS));
    expect(row.textContent?.split(XSS).length).toBe(3); // the name and the text
    expect(row.querySelector("img, script")).toBeNull();

    await user.click(within(row).getByTestId("message-open"));
    const panel = await screen.findByTestId("message-detail");
    await waitFor(() => expect(panel.querySelector("[data-field='content']")!.textContent).toContain(XSS));
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
