import { act, screen, waitFor, within } from "@testing-library/react";
import { emit } from "@tauri-apps/api/event";
import { describe, expect, it } from "vitest";
import type { Activity_Serialize, MessageActivity_Serialize } from "../../bindings.gen.ts";
import { appError, installBackend } from "../../test/backend.ts";
import { renderApp } from "../../test/render.tsx";

const XSS = '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>';

let n = 0;
function message(fields: Partial<MessageActivity_Serialize> = {}): MessageActivity_Serialize {
  n += 1;
  return {
    message_handle: `act-${n}`,
    status: null,
    number: "+14155550123",
    sendblue_number: "+14155550100",
    is_outbound: false,
    content: null,
    error_code: null,
    error_message: null,
    service: null,
    updated_at: null,
    event_id: `ev-${n}`,
    repaired: false,
    ...fields,
  };
}

async function send(activity: Activity_Serialize) {
  await act(() => emit("activity", activity));
}

function texts(): string[] {
  return screen.queryAllByTestId("activity-item").map((li) => li.querySelector(".activity-item__text")!.textContent ?? "");
}

describe("the activity page", () => {
  it("explains that activity appears live, and seeds the connection from the backend", async () => {
    const backend = installBackend();
    renderApp("/activity");
    expect(await screen.findByTestId("activity-page")).toBeTruthy();
    expect(screen.getByTestId("activity-empty").textContent).toMatch(/appears here live/);
    await waitFor(() => expect(screen.getByTestId("activity-connection").textContent).toBe("Connected live"));
    expect(backend.callsTo("activity_connection_state")).toEqual([{}]);
  });

  it("shows each kind of activity as a plain sentence, newest first, with the contact's name", async () => {
    installBackend();
    renderApp("/activity");
    await screen.findByTestId("activity-empty");

    await send({ kind: "message_received", data: message({ content: "hello" }) });
    await send({ kind: "message_updated", data: message({ is_outbound: true, status: "DELIVERED", number: "+14155550999" }) });
    await send({
      kind: "contact_created",
      data: { contact_id: "c9", phone: "+12125550100", first_name: "Alan", last_name: "Turing", created_at: null, event_id: "ev-c", repaired: false },
    });
    await send({ kind: "typing", data: { number: "+14155550124", is_typing: true, sendblue_number: null, occurred_at: null, event_id: "ev-t" } });
    await send({
      kind: "line_changed",
      data: { change: "status_changed", sendblue_number: "+14155550100", worker_id: null, status: "DEGRADED", assignment: null, occurred_at: null, event_id: "ev-l", repaired: false },
    });
    await send({ kind: "other", data: { event_type: "verification.approved", occurred_at: null, data: {}, event_id: "ev-o" } });

    await waitFor(() =>
      expect(texts()).toEqual([
        "Other: Something else happened on the account (verification approved)",
        "Line: Line +1 415 555 0100 changed health (now: working with problems)",
        "Typing: Grace Hopper (+1 415 555 0124) is typing…",
        "Contact: New contact: Alan Turing (+1 212 555 0100)",
        "Message out: Message to +1 415 555 0999 was delivered",
        "Message in: Ada Lovelace (+1 415 555 0123) sent: hello",
      ]),
    );
    const inbound = screen.getAllByTestId("activity-item")[5]!;
    expect(within(inbound).getByTestId("activity-item-conversation").getAttribute("href")).toBe("#/messages?number=+14155550123");
    expect(within(inbound).getByTestId("activity-item-contact").getAttribute("href")).toBe("#/contacts?number=%2B14155550123");
    const time = inbound.querySelector("time")!;
    expect(time.textContent).toBe("just now");
    expect(time.getAttribute("title")).toBeTruthy();
    // No contact link for a number that isn't a contact.
    expect(within(screen.getAllByTestId("activity-item")[4]!).queryByTestId("activity-item-contact")).toBeNull();
  });

  it("reads the text of an inbound message the live event came without", async () => {
    const backend = installBackend();
    renderApp("/activity");
    await screen.findByTestId("activity-empty");
    // m-2 is "On my way!" from Ada in the fake account.
    await send({ kind: "message_received", data: message({ message_handle: "m-2", content: null }) });
    await waitFor(() => expect(texts()).toEqual(["Message in: Ada Lovelace (+1 415 555 0123) sent: On my way!"]));
    expect(backend.callsTo("messages_get")).toEqual([{ messageId: "m-2" }]);
  });

  it("filters by kind, with counts", async () => {
    installBackend();
    const { user } = renderApp("/activity");
    await screen.findByTestId("activity-empty");
    await send({ kind: "message_received", data: message({ content: "one" }) });
    await send({ kind: "message_created", data: message({ is_outbound: true, status: "QUEUED" }) });
    await send({ kind: "message_received", data: message({ content: "two" }) });
    await waitFor(() => expect(screen.getAllByTestId("activity-item")).toHaveLength(3));

    const filter = screen.getByTestId("activity-filter");
    expect(within(filter).getByTestId("activity-filter-in").textContent).toBe("Messages in (2)");
    await user.click(within(filter).getByTestId("activity-filter-in"));
    expect(within(filter).getByTestId("activity-filter-in").getAttribute("aria-pressed")).toBe("true");
    expect(screen.getAllByTestId("activity-item").map((li) => li.dataset.kind)).toEqual(["in", "in"]);

    await user.click(within(filter).getByTestId("activity-filter-out"));
    expect(texts()).toEqual(["Message out: Message to Ada Lovelace (+1 415 555 0123) is waiting to be sent"]);

    await user.click(within(filter).getByTestId("activity-filter-lines"));
    expect(screen.getByTestId("activity-empty-filter")).toBeTruthy();
    await user.click(within(filter).getByTestId("activity-filter-all"));
    expect(screen.getAllByTestId("activity-item")).toHaveLength(3);
  });

  it("says how it is connected, in plain words, as the connection changes", async () => {
    installBackend((s) => {
      s.areas.activity.connection = { state: "connecting" };
    });
    renderApp("/activity");
    const indicator = await screen.findByTestId("activity-connection");
    await waitFor(() => expect(indicator.textContent).toBe("Connecting…"));

    await send({ kind: "connection_state", data: { state: "reconnecting", attempt: 2, retry_in_ms: 5000, reason: "Sendblue didn't answer" } });
    await waitFor(() => expect(screen.getByTestId("activity-connection").textContent).toBe("Reconnecting in 5 s (Sendblue didn't answer)"));
    expect(screen.getByTestId("activity-connection").dataset.state).toBe("reconnecting");

    await send({ kind: "connection_state", data: { state: "polling", reason: "this account has no live stream" } });
    await waitFor(() => expect(screen.getByTestId("activity-connection").textContent).toBe("Checking for news every few seconds (this account has no live stream)"));

    await send({ kind: "connection_state", data: { state: "live" } });
    await waitFor(() => expect(screen.getByTestId("activity-connection").textContent).toBe("Connected live"));
    // Connection changes are shown by the indicator, not as feed items.
    expect(screen.queryAllByTestId("activity-item")).toHaveLength(0);
  });

  it("says so when the connection state can't be read", async () => {
    const backend = installBackend();
    backend.on("activity_connection_state", () => {
      throw appError("Unauthorized", "No profile is selected.");
    });
    renderApp("/activity");
    await waitFor(() => expect(screen.getByTestId("activity-connection").textContent).toBe("Can't tell whether live updates are on"));
  });

  it("keeps HTML and script in messages and names as plain text", async () => {
    installBackend();
    renderApp("/activity");
    await screen.findByTestId("activity-empty");
    await send({ kind: "message_received", data: message({ number: "+19995550000", content: XSS }) });
    await send({
      kind: "contact_created",
      data: { contact_id: "x", phone: "+19995550001", first_name: XSS, last_name: null, created_at: null, event_id: "ev-x", repaired: false },
    });
    await send({ kind: "other", data: { event_type: XSS, occurred_at: null, data: {}, event_id: "ev-ox" } });
    await waitFor(() => expect(screen.getAllByTestId("activity-item")).toHaveLength(3));
    const page = screen.getByTestId("activity-page");
    expect(page.querySelector("img")).toBeNull();
    expect(page.querySelector("script")).toBeNull();
    expect(texts().every((t) => t.includes(XSS))).toBe(true);
    expect((window as { __pwned?: number }).__pwned).toBeUndefined();
  });
});
