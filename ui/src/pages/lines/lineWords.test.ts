import { describe, expect, it } from "vitest";
import { areaCodeError, healthWords, linesOf, priceWords, timeLeft } from "./lineWords.ts";

describe("lines in words", () => {
  it("counts down the offer and says when it has passed", () => {
    const now = Date.parse("2026-03-02T19:05:00.000Z");
    expect(timeLeft("2026-03-02T19:15:00.000Z", now)).toBe("10:00");
    expect(timeLeft("2026-03-02T19:05:09.500Z", now)).toBe("0:09");
    expect(timeLeft("2026-03-02T19:05:00.000Z", now)).toBeNull();
    expect(timeLeft(null, now)).toBe("");
  });

  it("reads a price only when the offer carries one", () => {
    const base = { status: "OK", preview_token: "t", expires_at: null, message: null };
    expect(priceWords(base)).toBeNull();
    expect(priceWords({ ...base, amount: 25 })).toBe("$25.00");
    expect(priceWords({ ...base, price: "$49/month" })).toBe("$49/month");
  });

  it("merges the plain list with the state snapshot", () => {
    const state = { worker_id: "w", sendblue_number: "+1", assignment: "assigned", status: "OFFLINE", status_changed_at: null, degraded_since: null, effective_until: null };
    expect(linesOf(["+1", "+2"], [state]).map((l) => [l.number, l.state?.status ?? null])).toEqual([["+1", "OFFLINE"], ["+2", null]]);
    expect(healthWords("OFFLINE").text).toBe("Not working");
    expect(healthWords(null).text).toBe("Health not reported");
  });

  it("takes a 3-digit area code or a 5-digit ZIP", () => {
    expect(areaCodeError("")).toBeNull();
    expect(areaCodeError("415")).toBeNull();
    expect(areaCodeError("94107")).toBeNull();
    expect(areaCodeError("4155")).toMatch(/3-digit area code/);
  });
});
