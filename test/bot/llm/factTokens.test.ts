import { describe, expect, it } from "vitest";
import { compareFacts, factTokens } from "../../../src/bot/llm/factTokens.js";

describe("factTokens", () => {
  it("finds amounts with their currency, dates, times, percentages and codes", () => {
    expect(
      factTokens("Your fee is £45.00, 10% off, due 15 December 2026 at 10:00. PAC ABC123456, 5G, 1 299 kr."),
    ).toEqual(["£45.00", "10%", "15", "2026", "10:00", "abc123456", "5g", "1299kr", "month:12"]);
    expect(factTokens("Die Gebühr beträgt 12,50 € bis zum 3. Januar 2027.")).toEqual([
      "12,50€",
      "3",
      "2027",
      "month:1",
    ]);
    expect(factTokens("Slutdatum 2026-12-15 eller 15/12/2026.")).toEqual(["2026-12-15", "15/12/2026"]);
  });

  it("counts a month only when it is part of a date", () => {
    expect(factTokens("You may cancel at any time.")).toEqual([]);
    expect(factTokens("It ends in May 2027.")).toEqual(["2027", "month:5"]);
  });
});

describe("compareFacts", () => {
  const template = "Your early termination fee is £45.00 and your service ends on 15 December 2026.";

  it("accepts a rewording with the same facts, in any order", () => {
    expect(
      compareFacts(
        template,
        "Your service ends on 15 December 2026, and the fee for leaving early is £45.00.",
      ),
    ).toEqual({ same: true, missing: [], added: [] });
  });

  it.each([
    ["a dropped amount", "Your service ends on 15 December 2026; a small fee applies.", ["£45.00"], []],
    [
      "a changed amount",
      "The fee is £40.00 and your service ends on 15 December 2026.",
      ["£45.00"],
      ["£40.00"],
    ],
    [
      "a changed currency",
      "The fee is €45.00 and your service ends on 15 December 2026.",
      ["£45.00"],
      ["€45.00"],
    ],
    [
      "a reformatted amount",
      "The fee is £45 and your service ends on 15 December 2026.",
      ["£45.00"],
      ["£45"],
    ],
    [
      "a changed month",
      "The fee is £45.00 and your service ends on 15 January 2026.",
      ["month:12"],
      ["month:1"],
    ],
    [
      "an added number",
      "The fee is £45.00, your service ends on 15 December 2026, and 20% off is possible.",
      [],
      ["20%"],
    ],
  ])("rejects %s", (_what, candidate, missing, added) => {
    expect(compareFacts(template, candidate)).toEqual({ same: false, missing, added });
  });
});
