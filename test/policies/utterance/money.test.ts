import { describe, expect, it } from "vitest";
import { moneyMentions, parseAmount, resolveCurrency } from "../../../src/policies/utterance/money.js";

describe("money", () => {
  it("parses English, Swedish and German number formats", () => {
    expect(parseAmount("1,197")).toBe(1197);
    expect(parseAmount("1,197.50")).toBe(1197.5);
    expect(parseAmount("1.197,00")).toBe(1197);
    expect(parseAmount("1 197")).toBe(1197);
    expect(parseAmount("12,50")).toBe(12.5);
    expect(parseAmount("30")).toBe(30);
  });

  it("finds amounts with symbols and words before or after", () => {
    const found = (text: string) => moneyMentions(text.toLowerCase()).map((m) => [m.amount, m.currency]);
    expect(found("Pay £12.50 now")).toEqual([[12.5, "GBP"]]);
    expect(found("It is 1,197 SEK in total")).toEqual([[1197, "SEK"]]);
    expect(found("Det blir 1 197 kr eller 399:-")).toEqual([
      [1197, "KR"],
      [399, "KR"],
    ]);
    expect(found("Sie zahlen 1.197,00 € bzw. 30 Euro")).toEqual([
      [1197, "EUR"],
      [30, "EUR"],
    ]);
    expect(found("$20 or 20 dollars or 5 pounds")).toEqual([
      [20, "$"],
      [20, "USD"],
      [5, "GBP"],
    ]);
    expect(found("3 months and 48 hours")).toEqual([]);
  });

  it("resolves kr and $ against the decision's currencies", () => {
    expect(resolveCurrency("KR", ["NOK"])).toBe("NOK");
    expect(resolveCurrency("KR", ["EUR"])).toBe("SEK");
    expect(resolveCurrency("$", ["CAD", "EUR"])).toBe("CAD");
    expect(resolveCurrency("GBP", ["SEK"])).toBe("GBP");
  });
});
