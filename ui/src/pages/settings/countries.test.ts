import { describe, expect, it } from "vitest";
import { COUNTRIES, countryByCode, countryName, nationalToE164, phoneRules } from "./countries.ts";

describe("countries", () => {
  it("lists every country once, by name, with its calling code", () => {
    const codes = COUNTRIES.map((c) => c.code);
    expect(new Set(codes).size).toBe(codes.length);
    expect(codes.length).toBeGreaterThan(200);
    expect(countryByCode("gb")).toMatchObject({ code: "GB", callingCode: "44", trunk: "0", name: "United Kingdom" });
    expect(countryName("US")).toBe("United States");
    expect(countryName("ZZ")).toBe("ZZ");
    const names = COUNTRIES.map((c) => c.name);
    expect([...names].sort((a, b) => a.localeCompare(b))).toEqual(names);
  });

  it("turns national numbers into E.164 for the country", () => {
    const gb = countryByCode("GB")!;
    expect(nationalToE164("07400 123456", gb)).toBe("+447400123456");
    expect(nationalToE164("7400 123456", gb)).toBe("+447400123456");
    expect(nationalToE164("+33 6 12 34 56 78", gb)).toBe("+33612345678");
    expect(nationalToE164("0033 6 12 34 56 78", gb)).toBe("+33612345678");
    expect(nationalToE164("12", gb)).toBeNull();
    const it_ = countryByCode("IT")!;
    // Italy keeps its leading 0.
    expect(nationalToE164("06 1234 5678", it_)).toBe("+390612345678");
  });

  it("gives North American countries the US shape and others their own hint", () => {
    const ca = phoneRules("CA");
    expect(ca.format("6135550123")).toBe("(613) 555-0123");
    expect(ca.toE164("(613) 555-0123")).toBe("+16135550123");
    expect(ca.hint).toBe("Canada numbers by default; start with + for other countries.");
    const de = phoneRules("DE");
    expect(de.error("")).toBe("Enter a phone number.");
    expect(de.error("01")).toMatch(/Type a number from Germany/);
    expect(de.error("030 1234567")).toBeNull();
    expect(phoneRules("US").hint).toBe("US numbers by default; start with + for other countries.");
  });
});
