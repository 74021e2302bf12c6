import { describe, expect, it } from "vitest";
import { filterByQuery, matchScore, normalize, queryWords } from "./match.ts";

describe("palette matching", () => {
  it("normalizes case, accents and spaces", () => {
    expect(normalize("  Élodie   CAFÉ ")).toBe("elodie cafe");
    expect(queryWords("  Switch  Profile ")).toEqual(["switch", "profile"]);
    expect(queryWords("   ")).toEqual([]);
  });

  it("needs every typed word, as a prefix or inside a word", () => {
    expect(matchScore("sett", "Settings")).not.toBeNull();
    expect(matchScore("ings", "Settings")).not.toBeNull();
    expect(matchScore("switch acme", "Switch profile to Acme Live")).not.toBeNull();
    expect(matchScore("acme switch", "Switch profile to Acme Live")).not.toBeNull();
    expect(matchScore("switch zebra", "Switch profile to Acme Live")).toBeNull();
    expect(matchScore("xyz", "Settings")).toBeNull();
  });

  it("ignores case and accents on both sides", () => {
    expect(matchScore("ELODIE", "Switch profile to Élodie")).not.toBeNull();
    expect(matchScore("élo", "Switch profile to Elodie")).not.toBeNull();
  });

  it("matches keywords too", () => {
    expect(matchScore("sms", "Send a message", ["compose", "sms", "text"])).not.toBeNull();
    expect(matchScore("sms", "Send a message")).toBeNull();
  });

  it("an empty query matches everything, in order", () => {
    expect(filterByQuery(["b", "a", "c"], "", (s) => s)).toEqual(["b", "a", "c"]);
  });

  it("ranks the start of the label first, then word starts, then inside words", () => {
    const items = ["Import contacts", "Contacts", "New contact", "Refresh contacts"];
    expect(filterByQuery(items, "con", (s) => s)).toEqual(["Contacts", "Import contacts", "New contact", "Refresh contacts"]);
    expect(filterByQuery(["Audit log", "Catalog", "Logs"], "log", (s) => s)).toEqual(["Logs", "Audit log", "Catalog"]);
  });

  it("treats regex and HTML characters as plain text", () => {
    expect(matchScore("<img", "Switch profile to <img src=x>")).not.toBeNull();
    expect(matchScore(".*", "Settings")).toBeNull();
  });
});
