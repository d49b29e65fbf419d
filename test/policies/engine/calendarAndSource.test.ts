import { describe, expect, it } from "vitest";
import {
  addMonths,
  daysBetween,
  longDate,
  monthsBetween,
  workingDaysAfter,
} from "../../../src/domain/dates.js";
import { formatMoney, formatTotals, roundMoney } from "../../../src/domain/money.js";
import { parseYamlSource } from "../../../src/policies/yamlSource.js";

describe("calendar arithmetic", () => {
  it("counts whole months left; a month not yet complete is not charged", () => {
    expect(monthsBetween("2026-11-23", "2027-01-25")).toBe(2);
    expect(monthsBetween("2026-11-23", "2027-08-23")).toBe(9);
    expect(monthsBetween("2026-11-23", "2026-11-01")).toBe(0);
  });

  it("adding a month to the 31st lands on the last day of a shorter month", () => {
    expect(addMonths("2026-01-31", 1)).toBe("2026-02-28");
    expect(addMonths("2028-01-31", 1)).toBe("2028-02-29");
  });

  it("working days skip the weekend", () => {
    expect(workingDaysAfter("2026-11-27", 1)).toBe("2026-11-30");
    expect(daysBetween("2026-11-23", "2026-11-30")).toBe(7);
    expect(longDate("2026-11-30")).toBe("Monday 30 November 2026");
  });
});

describe("money", () => {
  it("is rounded to cents and written the way customers read it", () => {
    expect(roundMoney(33.335)).toBe(33.34);
    expect(formatMoney(1234.5, "GBP")).toBe("£1,234.50");
    expect(formatMoney(399, "SEK")).toBe("399.00 SEK");
    expect(
      formatTotals([
        { currency: "GBP", amount: 12 },
        { currency: "SEK", amount: 399 },
      ]),
    ).toBe("£12.00 and 399.00 SEK");
    expect(formatTotals([{ currency: "GBP", amount: 0 }])).toBe("nothing");
  });
});

describe("positions in a YAML file", () => {
  const text = 'a:\n  plain: x + y\n  quoted: "x + y"\n  block: |\n    x +\n    y\n';
  const src = parseYamlSource("f.yaml", text);

  it("map a character of a value to its line and column, whatever the scalar style", () => {
    expect(src.positionInValue(["a", "plain"], 4)).toEqual({ line: 2, column: 14 });
    expect(src.positionInValue(["a", "quoted"], 4)).toEqual({ line: 3, column: 16 });
    expect(src.positionInValue(["a", "block"], 4)).toEqual({ line: 6, column: 5 });
  });

  it("a path that does not exist is placed at its nearest ancestor", () => {
    expect(src.positionOf(["a", "missing", 3])).toEqual({ line: 2, column: 3 });
  });
});
