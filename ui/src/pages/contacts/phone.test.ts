import { describe, expect, it } from "vitest";
import { formatPhoneInput, phoneError, toE164 } from "./phone.ts";

describe("phone numbers", () => {
  it("formats US numbers as they are typed", () => {
    expect(formatPhoneInput("415")).toBe("(415");
    expect(formatPhoneInput("4155550")).toBe("(415) 555-0");
    expect(formatPhoneInput("4155550123")).toBe("(415) 555-0123");
    expect(formatPhoneInput("+44 20 7946 0958")).toBe("+442079460958");
  });

  it("turns them into E.164 and refuses partial numbers", () => {
    expect(toE164("(415) 555-0123")).toBe("+14155550123");
    expect(toE164("1 415 555 0123")).toBe("+14155550123");
    expect(toE164("+442079460958")).toBe("+442079460958");
    expect(toE164("555-0123")).toBeNull();
    expect(phoneError("")).toMatch(/Enter a phone number/);
    expect(phoneError("(415) 555")).toMatch(/isn't a whole phone number/);
  });
});
