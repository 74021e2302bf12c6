import { describe, expect, it } from "vitest";
import { diffOf, entryOf, parseReplacement, setOf, statusText, webhookUrlError, type WebhookItem } from "./webhookModel.ts";

const kept: WebhookItem = { type: "receive", url: "https://a.example.com/in", secret: "whs_a", lines: ["+14155550101"] };

describe("webhook addresses", () => {
  it("take https anywhere and plain http only on this computer, like the sandbox", () => {
    expect(webhookUrlError("https://a.example.com/in")).toBeNull();
    expect(webhookUrlError("http://localhost:8080/in")).toBeNull();
    expect(webhookUrlError("http://127.0.0.1:9/in")).toBeNull();
    expect(webhookUrlError("http://127.0.0.2/in")).toMatch(/localhost or 127\.0\.0\.1/);
    expect(webhookUrlError("ftp://a.example.com")).toBe("The address must start with https://.");
    expect(webhookUrlError("a.example.com/in")).toMatch(/isn't a web address/);
    expect(webhookUrlError("  ")).toMatch(/Enter the web address/);
  });
});

describe("replace all", () => {
  it("reads one webhook per line, keeps known secrets, and reports bad lines by number", () => {
    const parsed = parseReplacement("# comment\n\nreceive https://a.example.com/in\nhttps://b.example.com/in\noutbound http://x.com\nbogus https://c.example.com\nreceive a b", [kept]);
    expect(parsed.items).toEqual([kept, { type: "receive", url: "https://b.example.com/in", secret: null, lines: [] }]);
    expect(parsed.errors).toEqual([
      "Line 5: The address must start with https://. Plain http:// only works for this computer (localhost or 127.0.0.1).",
      expect.stringMatching(/^Line 6: “bogus” isn't an event type/),
      "Line 7: write the event type and one address, separated by a space.",
    ]);
  });

  it("diffs by type and address, and builds the set with the global secret", () => {
    const other: WebhookItem = { type: "outbound", url: "https://a.example.com/in", secret: null, lines: [] };
    const diff = diffOf([kept], [other]);
    expect(diff).toEqual({ added: [other], removed: [kept], kept: [] });
    const set = setOf([kept, other], "whs_g");
    expect(set.receive).toEqual([{ url: "https://a.example.com/in", secret: "whs_a", sendblue_numbers: ["+14155550101"] }]);
    expect(set.outbound).toEqual(["https://a.example.com/in"]);
    expect(set.call_log).toEqual([]);
    expect(set.globalSecret).toBe("whs_g");
    expect(entryOf("https://x", null)).toBe("https://x");
  });

  it("names HTTP statuses", () => {
    expect(statusText(200)).toBe("200 OK");
    expect(statusText(418)).toBe("418");
  });
});
