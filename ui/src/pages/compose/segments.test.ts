import { describe, expect, it } from "vitest";
import { countText } from "./segments.ts";

describe("countText", () => {
  it("counts nothing for an empty text", () => {
    expect(countText("")).toMatchObject({ characters: 0, segments: 0, encoding: "GSM-7" });
  });

  it("fits 160 GSM characters in one part and splits 161 into two of 153", () => {
    expect(countText("a".repeat(160))).toMatchObject({ segments: 1, perSegment: 160, remaining: 0, encoding: "GSM-7" });
    expect(countText("a".repeat(161))).toMatchObject({ segments: 2, perSegment: 153, remaining: 153 - 8 });
    expect(countText("a".repeat(306))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countText("a".repeat(307))).toMatchObject({ segments: 3 });
  });

  it("counts the extension characters as two and never splits their escape", () => {
    expect(countText("€".repeat(80))).toMatchObject({ encoding: "GSM-7", units: 160, segments: 1, characters: 80 });
    expect(countText("€".repeat(81))).toMatchObject({ units: 162, segments: 2 });
    // 152 single septets then a two-septet character: it moves whole to the next part.
    expect(countText(`${"a".repeat(152)}{${"a".repeat(10)}`)).toMatchObject({ segments: 2, remaining: 153 - 12 });
  });

  it("keeps the GSM accents (é, ñ, Ø) in 7-bit", () => {
    expect(countText("Café, señor Ørsted £5 @ 3pm")).toMatchObject({ encoding: "GSM-7", segments: 1 });
  });

  it("switches to UCS-2 for other characters: 70 in one part, 67 each after", () => {
    const ucs = countText(`ç${"a".repeat(69)}`);
    expect(ucs).toMatchObject({ encoding: "UCS-2", segments: 1, remaining: 0, nonGsm: ["ç"] });
    expect(countText(`ç${"a".repeat(70)}`)).toMatchObject({ segments: 2, perSegment: 67 });
    expect(countText("ê".repeat(134))).toMatchObject({ segments: 2, remaining: 0 });
    expect(countText("ê".repeat(135))).toMatchObject({ segments: 3 });
  });

  it("counts an emoji as one character but two UCS-2 units, kept whole in one part", () => {
    expect(countText("👍")).toMatchObject({ characters: 1, units: 2, encoding: "UCS-2", segments: 1, remaining: 68 });
    expect(countText("👍".repeat(35))).toMatchObject({ units: 70, segments: 1 });
    // 66 units then an emoji: the pair doesn't fit the 67-unit part, so it starts the next.
    expect(countText(`${"ê".repeat(66)}👍`)).toMatchObject({ units: 68, segments: 1 });
    expect(countText(`${"ê".repeat(66)}👍${"ê".repeat(3)}`)).toMatchObject({ units: 71, segments: 2, remaining: 67 - 5 });
  });
});
