import { describe, expect, it } from "vitest";
import { pathQuery } from "./router.ts";

describe("pathQuery", () => {
  it("keeps a phone number's plus sign and decodes the rest", () => {
    const query = pathQuery("/messages?number=+14155550123&name=Ada%20L&flag");
    expect(query.get("number")).toBe("+14155550123");
    expect(query.get("name")).toBe("Ada L");
    expect(query.get("flag")).toBe("");
  });

  it("is empty without a query and tolerates broken escapes", () => {
    expect([...pathQuery("/contacts")]).toEqual([]);
    expect(pathQuery("/x?bad=%E0%A4%A").get("bad")).toBe("%E0%A4%A");
  });
});
