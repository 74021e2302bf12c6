import { describe, expect, it } from "vitest";
import { validateDraft, type ComposeDraft } from "./validation.ts";

const base: ComposeDraft = { recipients: [], pending: "", groupAction: "send", text: "Hi", mediaError: null, hasMedia: false, carousel: null, line: "+14155550100" };

describe("validateDraft", () => {
  it("needs someone to send to, and a whole number", () => {
    expect(validateDraft(base).errors.recipient).toBe("Add who gets the message: type a phone number or a name.");
    expect(validateDraft({ ...base, pending: "41555" }).errors.recipient).toMatch(/isn't a whole phone number/);
    expect(validateDraft({ ...base, pending: "Ada" }).errors.recipient).toMatch(/Choose the person from the suggestions/);
    const ok = validateDraft({ ...base, pending: "+14155550123" });
    expect(ok.errors).toEqual({});
    expect(ok.recipients).toEqual(["+14155550123"]);
  });

  it("needs text or a file, within the length limit", () => {
    const one = { ...base, recipients: ["+14155550123"] };
    expect(validateDraft({ ...one, text: "  " }).errors.text).toBe("Write a message or attach a file.");
    expect(validateDraft({ ...one, text: "", hasMedia: true }).errors).toEqual({});
    expect(validateDraft({ ...one, text: "a".repeat(18_997) }).errors.text).toMatch(/18,997 characters long; the most is 18,996/);
    expect(validateDraft({ ...one, mediaError: "Too big" }).errors.media).toBe("Too big");
  });

  it("checks carousels: 2–20 https pictures, one person, no text", () => {
    const one = { ...base, recipients: ["+14155550123"], text: "" };
    const pic = (i: number) => `https://cdn.test/p${i}.jpg`;
    expect(validateDraft({ ...one, carousel: [pic(1)] }).errors.carousel).toMatch(/at least 2 pictures/);
    expect(validateDraft({ ...one, carousel: Array.from({ length: 21 }, (_, i) => pic(i)) }).errors.carousel).toMatch(/at most 20 pictures; remove 1/);
    expect(validateDraft({ ...one, carousel: [pic(1), "http://cdn.test/x.jpg"] }).errors.carousel).toMatch(/https/);
    expect(validateDraft({ ...one, carousel: [pic(1), "https://cdn.test/x.pdf"] }).errors.carousel).toMatch(/pictures only/);
    expect(validateDraft({ ...one, carousel: [pic(1), pic(2)], text: "hi" }).errors.text).toMatch(/without text/);
    expect(validateDraft({ ...one, carousel: [pic(1), pic(2)] }).errors).toEqual({});
  });

  it("allows at most 25 people and needs a line", () => {
    const many = Array.from({ length: 26 }, (_, i) => `+1415555${String(1000 + i)}`);
    expect(validateDraft({ ...base, recipients: many }).errors.recipient).toMatch(/at most 25 people; remove 1/);
    expect(validateDraft({ ...base, recipients: ["+14155550123"], line: "" }).errors.line).toBe("Choose the line to send from.");
  });

  it("creates a group without text", () => {
    expect(validateDraft({ ...base, recipients: ["+14155550123", "+14155550124"], groupAction: "create", text: "" }).errors).toEqual({});
  });
});
