import { describe, expect, it } from "vitest";
import { connectionWords, kindOf, prettyNumber, relativeTime, sentence, who } from "./describe.ts";

describe("activity in plain words", () => {
  it("names people by name and number", () => {
    expect(prettyNumber("+14155550123")).toBe("+1 415 555 0123");
    expect(prettyNumber("+447400123456")).toBe("+447400123456");
    expect(who("+14155550123", "Ada")).toBe("Ada (+1 415 555 0123)");
    expect(who(null, null)).toBe("Someone");
  });

  it("describes a message without text and a failed one", () => {
    const base = {
      message_handle: "m",
      status: null,
      number: "+14155550123",
      sendblue_number: null,
      is_outbound: false,
      content: null,
      error_code: null,
      error_message: null,
      service: null,
      updated_at: null,
      event_id: null,
      repaired: false,
    };
    expect(sentence({ kind: "message_received", data: base }, null)).toBe("+1 415 555 0123 sent a message");
    expect(sentence({ kind: "message_updated", data: { ...base, status: "ERROR", error_message: "This person opted out" } }, "Ada")).toBe(
      "Message to Ada (+1 415 555 0123) couldn't be sent: This person opted out",
    );
    expect(kindOf({ kind: "connection_state", data: { state: "live" } })).toBeNull();
  });

  it("counts down a reconnect and tells relative times", () => {
    const state = { state: "reconnecting" as const, attempt: 1, retry_in_ms: 10_000, reason: "offline" };
    expect(connectionWords(state, 4_000, 0)).toBe("Reconnecting in 6 s (offline)");
    expect(connectionWords(state, 20_000, 0)).toBe("Reconnecting in 0 s (offline)");
    expect(connectionWords(undefined)).toBe("Connecting…");
    expect(connectionWords({ state: "stopped" })).toBe("Not following the account");
    expect(relativeTime(0, 10_000)).toBe("just now");
    expect(relativeTime(0, 5 * 60_000)).toBe("5 min ago");
    expect(relativeTime(0, 3 * 3_600_000)).toBe("3 h ago");
    expect(relativeTime(0, 26 * 3_600_000)).toBe("yesterday");
  });
});
