import { describe, expect, it } from "vitest";
import { baseUrlProblem, EMPTY_PROFILE_FORM, MESSAGES, toNewProfile, validateProfileForm } from "./profileValidation.ts";

const valid = { name: "Acme", base_url: "https://api.sendblue.co", key_id: "k", secret: "s", kind: "Live" as const };

describe("validateProfileForm", () => {
  it("accepts a complete profile", () => {
    expect(validateProfileForm(valid)).toEqual({});
  });

  it("names every empty field (blank counts as empty)", () => {
    expect(validateProfileForm({ ...EMPTY_PROFILE_FORM, base_url: "  " })).toEqual({
      name: MESSAGES.nameEmpty,
      base_url: MESSAGES.baseUrlEmpty,
      key_id: MESSAGES.keyIdEmpty,
      secret: MESSAGES.secretEmpty,
    });
  });

  it("starts with Live and the Sendblue address, and never a secret", () => {
    expect(EMPTY_PROFILE_FORM.kind).toBe("Live");
    expect(EMPTY_PROFILE_FORM.base_url).toBe("https://api.sendblue.co");
    expect(EMPTY_PROFILE_FORM.secret).toBe("");
  });

  it("trims what it sends", () => {
    expect(toNewProfile({ ...valid, name: " Acme ", base_url: " https://x.example ", key_id: " k " })).toEqual({
      ...valid,
      base_url: "https://x.example",
    });
  });
});

describe("baseUrlProblem", () => {
  it.each([
    "https://api.sendblue.co",
    "https://api.sendblue.co/",
    "HTTPS://API.SENDBLUE.CO",
    "http://127.0.0.1:8080",
    "http://localhost:3000",
    "http://LOCALHOST",
  ])("accepts %s", (url) => {
    expect(baseUrlProblem(url)).toBeNull();
  });

  it.each([
    ["http://api.sendblue.co", MESSAGES.baseUrlHttp],
    ["http://192.168.1.5:8080", MESSAGES.baseUrlHttp],
    ["http://localhost.evil.com", MESSAGES.baseUrlHttp],
    ["api.sendblue.co", MESSAGES.baseUrlScheme],
    ["ftp://api.sendblue.co", MESSAGES.baseUrlScheme],
    ["https://", MESSAGES.baseUrlInvalid],
    ["https://exa mple.com", MESSAGES.baseUrlInvalid],
    ["", MESSAGES.baseUrlEmpty],
  ])("refuses %s", (url, message) => {
    expect(baseUrlProblem(url)).toBe(message);
  });
});
