import { describe, expect, it } from "vitest";
import { checkMediaSize, checkMediaUrl, MB } from "./media.ts";

describe("media checks (§7.3)", () => {
  it("wants a public https link ending in the file type, without spaces or a signature", () => {
    expect(checkMediaUrl("")).toEqual({ ok: false, error: "Paste the link to the file." });
    expect(checkMediaUrl("http://cdn.test/a.jpg")).toMatchObject({ ok: false, error: expect.stringMatching(/https:\/\//) });
    expect(checkMediaUrl("https://cdn.test/my photo.jpg")).toMatchObject({ ok: false, error: expect.stringMatching(/space/) });
    expect(checkMediaUrl("https://cdn.test/download")).toMatchObject({ ok: false, error: expect.stringMatching(/end with the file's type/) });
    expect(checkMediaUrl("https://s3.test/a.jpg?X-Amz-Signature=abc")).toMatchObject({ ok: false, signed: true });
    expect(checkMediaUrl("not a link")).toMatchObject({ ok: false });
    expect(checkMediaUrl("https://cdn.test/card.vcf")).toMatchObject({ ok: true, link: { kind: "contact card", fileName: "card.vcf" } });
    expect(checkMediaUrl("http://127.0.0.1:4000/a.png")).toMatchObject({ ok: true });
  });

  it("applies the size limits of the service", () => {
    expect(checkMediaSize(101 * MB, "iMessage").error).toMatch(/up to 100 MB/);
    expect(checkMediaSize(6 * MB, "SMS").error).toMatch(/SMS\) carry files up to 5 MB/);
    expect(checkMediaSize(6 * MB, "unknown")).toMatchObject({ error: null, warning: expect.stringMatching(/over 5 MB/) });
    expect(checkMediaSize(6 * MB, "iMessage")).toEqual({ error: null, warning: null });
    expect(checkMediaSize(30 * MB, "iMessage").warning).toMatch(/over 20 MB/);
  });
});
