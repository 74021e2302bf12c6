import { act, configure, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { Activity_Serialize, SendMessage_Deserialize } from "../../bindings.gen.ts";
import { appError, contact, installBackend } from "../../test/backend.ts";
import { message } from "../../test/fake/messages.ts";
import { renderApp } from "../../test/render.tsx";

// Two cores shared by several test runs: give slow renders time before calling them failures.
configure({ asyncUtilTimeout: 4000 });
vi.setConfig({ testTimeout: 20_000 });

const ADA = "+14155550123";
const LINE = "+14155550100";
const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

/** The fake backend with the Compose area's send commands stubbed for these tests. */
function backendWithSend(change?: Parameters<typeof installBackend>[0], needsConfirmation = false) {
  const backend = installBackend(change);
  backend.on("profiles_send_needs_confirmation", () => needsConfirmation);
  backend.on("messages_send", (args) => {
    const sent = args.message as SendMessage_Deserialize;
    const stored = message(`sent-${backend.callsTo("messages_send").length}`, {
      number: sent.number,
      sendblue_number: sent.from_number,
      content: sent.content ?? "",
      status: "QUEUED",
      is_outbound: true,
      date_sent: new Date().toISOString(),
    });
    backend.state.areas.messages.messages.push(stored);
    return { ...stored, account_email: null, date_created: stored.date_sent, app_card: null };
  });
  return backend;
}

function bubbles() {
  return screen.getAllByTestId("conversation-bubble").map((b) => [b.getAttribute("data-direction"), b.getAttribute("data-handle")]);
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a conversation", () => {
  it("shows one contact's messages as bubbles, oldest first, with the status under the last one sent", async () => {
    const backend = backendWithSend((s) => {
      s.areas.messages.messages.push(message("m-0", { number: ADA, content: "Hi, booking for 4?", is_outbound: false, date_sent: "2025-02-28T17:00:00Z" }));
    });
    renderApp(`/messages?number=${ADA}`);

    const view = await screen.findByTestId("conversation");
    expect(view.getAttribute("data-number")).toBe(ADA);
    await waitFor(() => expect(bubbles()).toEqual([["in", "m-0"], ["out", "m-1"], ["in", "m-2"]]));
    expect(backend.callsTo("messages_list")).toContainEqual({ params: { number: ADA, limit: 100, offset: 0 } });
    await waitFor(() => expect(within(view).getByRole("heading", { level: 2 }).textContent).toBe("Ada Lovelace"));
    expect(within(view).getAllByTestId("conversation-bubble")[2]!.textContent).toContain("On my way!");
    expect(within(view).getByTestId("conversation-status").textContent).toBe("Delivered");
    // A separator per day: Feb 28 and Mar 1.
    expect(within(view).getAllByTestId("conversation-day")).toHaveLength(2);
  });

  it("opens from the list of recent conversations and from a history row", async () => {
    backendWithSend();
    const { user } = renderApp("/messages?view=conversations");
    const links = await screen.findAllByTestId("conversation-link");
    expect(links.map((l) => l.getAttribute("data-number"))).toEqual(["+14155550124", ADA]);
    // Group messages are in History, and the list says so.
    expect(screen.getByTestId("conversation-list-groups-note").textContent).toMatch(/Group messages .*History/);
    await user.click(links[1]!);
    await waitFor(() => expect(screen.getByTestId("conversation").getAttribute("data-number")).toBe(ADA));
    expect(window.location.hash).toBe(`#/messages?number=${ADA}`);

    await user.click(screen.getByTestId("messages-tab-history"));
    const row = (await screen.findAllByTestId("message-row"))[0]!;
    await user.click(within(row).getByTestId("message-conversation-link"));
    await waitFor(() => expect(screen.getByTestId("conversation").getAttribute("data-number")).toBe("+14155550124"));
  });

  it("shows earlier messages a page at a time, and opens anyone's conversation by number", async () => {
    const backend = backendWithSend((s) => {
      s.areas.messages.messages = Array.from({ length: 130 }, (_, i) =>
        message(`c-${i}`, { number: ADA, content: `Line ${i}`, is_outbound: i % 2 === 0, date_sent: new Date(Date.UTC(2025, 0, 1, 0, i)).toISOString() }),
      );
    });
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(screen.getAllByTestId("conversation-bubble")).toHaveLength(100));
    expect(screen.getAllByTestId("conversation-bubble")[0]!.getAttribute("data-handle")).toBe("c-30");
    await user.click(screen.getByTestId("conversation-earlier"));
    await waitFor(() => expect(backend.callsTo("messages_list")).toContainEqual({ params: { number: ADA, limit: 100, offset: 100 } }));
    await waitFor(() => expect(screen.getAllByTestId("conversation-bubble")).toHaveLength(130));
    expect(screen.getAllByTestId("conversation-bubble")[0]!.getAttribute("data-handle")).toBe("c-0");
    expect(screen.queryByTestId("conversation-earlier")).toBeNull();

    await user.type(screen.getByTestId("conversation-open-number"), "415 555");
    await user.click(screen.getByTestId("conversation-open"));
    expect(screen.getByTestId("conversation-open-number-error").textContent).toMatch(/whole phone number/);
    await user.clear(screen.getByTestId("conversation-open-number"));
    await user.type(screen.getByTestId("conversation-open-number"), "(415) 555-0124");
    await user.click(screen.getByTestId("conversation-open"));
    await waitFor(() => expect(screen.getByTestId("conversation").getAttribute("data-number")).toBe("+14155550124"));
  });

  it("sends a tapback on a bubble from its menu, by mouse or keyboard", async () => {
    const backend = backendWithSend();
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    const inbound = screen.getAllByTestId("conversation-bubble")[1]!;

    await user.click(within(inbound).getByTestId("tapback-open"));
    const menu = within(inbound).getByTestId("tapback-menu");
    expect(within(menu).getAllByRole("menuitem").map((i) => i.getAttribute("data-testid"))).toEqual([
      "tapback-love", "tapback-like", "tapback-dislike", "tapback-laugh", "tapback-emphasize", "tapback-question",
    ]);
    await user.click(within(menu).getByTestId("tapback-love"));
    await waitFor(() => expect(backend.callsTo("reactions_send")).toEqual([{ reaction: { from_number: LINE, message_handle: "m-2", reaction: "love" } }]));
    expect(screen.queryByTestId("tapback-menu")).toBeNull();

    // Keyboard: Enter opens with the first choice focused, arrows move, Enter picks.
    within(inbound).getByTestId("tapback-open").focus();
    await user.keyboard("{Enter}");
    expect(document.activeElement?.getAttribute("data-testid")).toBe("tapback-love");
    await user.keyboard("{ArrowRight}{ArrowRight}{ArrowRight}");
    expect(document.activeElement?.getAttribute("data-testid")).toBe("tapback-laugh");
    await user.keyboard("{Enter}");
    await waitFor(() => expect(backend.callsTo("reactions_send")[1]).toEqual({ reaction: { from_number: LINE, message_handle: "m-2", reaction: "laugh" } }));
    expect(document.activeElement?.getAttribute("data-testid")).toBe("tapback-open");

    // Esc closes without sending.
    await user.keyboard("{Enter}");
    await user.keyboard("{Escape}");
    expect(screen.queryByTestId("tapback-menu")).toBeNull();
    expect(backend.callsTo("reactions_send")).toHaveLength(2);
  });

  it("says why a tapback failed", async () => {
    const backend = backendWithSend();
    backend.on("reactions_send", () => {
      throw appError("Validation", "Reactions work only on iMessage conversations.");
    });
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    await user.click(within(screen.getAllByTestId("conversation-bubble")[1]!).getByTestId("tapback-open"));
    await user.click(screen.getByTestId("tapback-like"));
    await waitFor(() => expect(screen.getByTestId("toast-region").textContent).toContain("Reactions work only on iMessage conversations."));
  });

  it("marks the conversation as read from its line", async () => {
    const backend = backendWithSend();
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    await user.click(screen.getByTestId("conversation-mark-read"));
    await waitFor(() => expect(backend.callsTo("reactions_mark_read")).toEqual([{ request: { number: ADA, from_number: LINE } }]));
    await waitFor(() => expect(screen.getByTestId("toast-region").textContent).toContain("Marked as read"));
  });

  it("sends a typing indicator while the person types, at most every few seconds, never for an empty box", async () => {
    let now = 1_000_000;
    vi.spyOn(Date, "now").mockImplementation(() => now);
    const backend = backendWithSend();
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    const box = screen.getByTestId("conversation-reply");

    await user.type(box, "   ");
    expect(backend.callsTo("reactions_typing")).toEqual([]);

    await user.type(box, "Be right there");
    expect(backend.callsTo("reactions_typing")).toEqual([{ indicator: { number: ADA, from_number: LINE, state: "start", max_duration_ms: 15000 } }]);

    now += 2000;
    await user.type(box, " soon");
    expect(backend.callsTo("reactions_typing")).toHaveLength(1);

    now += 3000;
    await user.type(box, "!");
    expect(backend.callsTo("reactions_typing")).toHaveLength(2);

    // Emptying the box takes the bubble down.
    await user.clear(box);
    expect(backend.callsTo("reactions_typing")[2]).toEqual({ indicator: { number: ADA, from_number: LINE, state: "stop" } });
    expect(backend.callsTo("reactions_typing").filter((c) => (c.indicator as { state: string }).state === "start")).toHaveLength(2);
  });

  it("shows the contact's typing from an activity event, only in their conversation", async () => {
    backendWithSend();
    renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    expect(screen.queryByTestId("conversation-typing")).toBeNull();

    await act(() => emit("activity", typing("+14155550124", true)));
    expect(screen.queryByTestId("conversation-typing")).toBeNull();

    await act(() => emit("activity", typing(ADA, true)));
    expect((await screen.findByTestId("conversation-typing")).textContent).toContain("Ada Lovelace is typing");

    await act(() => emit("activity", typing(ADA, false)));
    await waitFor(() => expect(screen.queryByTestId("conversation-typing")).toBeNull());
  });

  it("shows a reply the moment it arrives, with no click, and announces it", async () => {
    const backend = backendWithSend();
    renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));

    backend.state.areas.messages.messages.push(
      message("m-new", { number: ADA, is_outbound: false, content: "Table for two please", date_sent: "2025-03-01T18:10:00Z" }),
    );
    await act(() => emit("activity", received(ADA, "m-new", "Table for two please")));

    await waitFor(() => expect(bubbles()).toEqual([["out", "m-1"], ["in", "m-2"], ["in", "m-new"]]));
    const newest = screen.getAllByTestId("conversation-bubble")[2]!;
    expect(newest.textContent).toContain("Table for two please");
    expect(screen.getByTestId("conversation-announcer").textContent).toContain("New message from Ada Lovelace: Table for two please");
    expect(screen.getByTestId("conversation-announcer").getAttribute("aria-live")).toBe("polite");
  });

  it("sends a reply from the conversation's line and shows it", async () => {
    const backend = backendWithSend((s) => {
      s.areas.messages.messages = [message("m-9", { number: ADA, sendblue_number: "+14155550101", is_outbound: false, content: "Hello?" })];
    });
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(1));

    await user.click(screen.getByTestId("conversation-send"));
    expect(screen.getByTestId("conversation-reply-error").textContent).toBe("Type a message first.");
    expect(backend.callsTo("messages_send")).toEqual([]);

    await user.type(screen.getByTestId("conversation-reply"), "Yes, we're open");
    await user.keyboard("{Enter}");
    await waitFor(() =>
      expect(backend.callsTo("messages_send")).toEqual([{ message: { number: ADA, from_number: "+14155550101", content: "Yes, we're open" }, confirmLive: false }]),
    );
    await waitFor(() => expect((screen.getByTestId("conversation-reply") as HTMLTextAreaElement).value).toBe(""));
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    expect(screen.getAllByTestId("conversation-bubble")[1]!.getAttribute("data-direction")).toBe("out");
    expect(screen.getByTestId("conversation-status").textContent).toBe("Waiting to send");
  });

  it("asks before the first send from a Live profile, and says why a send failed", async () => {
    const backend = backendWithSend(undefined, true);
    const { user } = renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(2));
    await user.type(screen.getByTestId("conversation-reply"), "Hi");
    await user.click(screen.getByTestId("conversation-send"));
    expect((await screen.findByTestId("conversation-live-confirm")).textContent).toMatch(/real phone/);
    expect(backend.callsTo("messages_send")).toEqual([]);
    await user.click(screen.getByTestId("conversation-live-confirm-send"));
    await waitFor(() => expect(backend.callsTo("messages_send")).toEqual([{ message: { number: ADA, from_number: LINE, content: "Hi" }, confirmLive: true }]));

    backend.on("profiles_send_needs_confirmation", () => false);
    backend.on("messages_send", () => {
      const refused = appError("Validation", "Sendblue refused the message.");
      throw { ...refused, detail: { ...refused.detail!, error_code: "recipient_opted_out" } };
    });
    await user.type(screen.getByTestId("conversation-reply"), "Again");
    await user.click(screen.getByTestId("conversation-send"));
    // The same plain words as Compose, not Sendblue's raw message.
    expect((await screen.findByTestId("conversation-reply-error")).textContent).toMatch(/^This person opted out of messages\. They replied STOP/);
  });

  it("says so when there are no messages yet, and when they can't be read", async () => {
    const backend = backendWithSend();
    renderApp("/messages?number=+14155550777");
    expect((await screen.findByTestId("conversation-empty")).textContent).toContain("No messages yet");

    backend.on("messages_list", () => {
      throw appError("Network", "Couldn't reach Sendblue — check your internet connection and try again.");
    });
    window.location.hash = "/messages?number=+14155550778";
    expect((await screen.findByTestId("conversation-error")).textContent).toContain("Couldn't reach Sendblue");
  });

  it("keeps HTML in bubbles, names and the typing line as plain text", async () => {
    backendWithSend((s) => {
      s.contacts = [contact(ADA, { first_name: XSS })];
      s.areas.messages.messages = [message("m-x", { number: ADA, content: XSS, is_outbound: false })];
    });
    renderApp(`/messages?number=${ADA}`);
    await waitFor(() => expect(bubbles()).toHaveLength(1));
    await waitFor(() => expect(screen.getByTestId("conversation").textContent).toContain(`${XSS}`));
    await act(() => emit("activity", typing(ADA, true)));
    expect((await screen.findByTestId("conversation-typing")).textContent).toContain(XSS);
    expect(screen.getByTestId("conversation-bubble").textContent).toContain(XSS);
    expect(document.querySelector("img[src=x], script")).toBeNull();
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});

function typing(number: string, isTyping: boolean): Activity_Serialize {
  return { kind: "typing", data: { number, is_typing: isTyping, sendblue_number: LINE, occurred_at: null, event_id: `t-${number}-${isTyping}-${Math.random()}` } };
}

function received(number: string, handle: string, content: string): Activity_Serialize {
  return {
    kind: "message_received",
    data: {
      message_handle: handle,
      status: "RECEIVED",
      number,
      sendblue_number: LINE,
      is_outbound: false,
      content,
      error_code: null,
      error_message: null,
      service: "iMessage",
      updated_at: null,
      event_id: `e-${handle}`,
    },
  } as Activity_Serialize;
}
