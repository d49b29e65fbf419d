/**
 * The do-not-contact list: three demo customers leave through the real bot (one says yes to
 * contact in the farewell; the other two were never asked, having never consented), the rest stay.
 * The list holds exactly the former customers who may not be contacted now, with id and email
 * only, the reason and until when; a yes drops off the list once their quiet period is over.
 */
import { describe, expect, it } from "vitest";
import {
  csvField,
  SUPPRESSION_CSV_HEADER,
  suppressionCsv,
  suppressionJson,
} from "../../src/insights/alumniSuppression.js";
import { aBotWithAlumni, leaveSaying } from "./alumniBot.js";

describe("the suppression list", () => {
  it("lists former customers who may not be contacted, with the reason and until when", async () => {
    const bot = await aBotWithAlumni();
    for (const [id, consent] of [
      ["cust-se-winback-consent", "yes"],
      ["cust-de-rolling", "no"],
      ["cust-uk-price-rise", "no"],
    ] as const)
      await leaveSaying(bot, id, consent);

    const now = await bot.alumni.suppression();
    expect(now.map((r) => [r.customerId, r.reasons[0], r.until])).toEqual([
      ["cust-de-rolling", "no_consent", null],
      ["cust-se-winback-consent", "quiet_period", "2027-03-23T00:00:00.000Z"],
      ["cust-uk-price-rise", "no_consent", null],
    ]);

    bot.clock.set("2027-06-01T00:00:00Z");
    const later = await bot.alumni.suppression();
    expect(suppressionCsv(later)).toBe(
      [
        SUPPRESSION_CSV_HEADER,
        "cust-de-rolling,lukas.becker@example.de,no_consent,no_consent,",
        "cust-uk-price-rise,sarah.okafor@example.com,no_consent,no_consent,",
        "",
      ].join("\r\n"),
    );
    const json = JSON.parse(suppressionJson(later, "2027-06-01T00:00:00.000Z"));
    expect(json).toMatchObject({ generatedAt: "2027-06-01T00:00:00.000Z", count: 2 });
    expect(Object.keys(json.rows[0]).sort()).toEqual(["customerId", "email", "reasons", "until"]);
  });

  it("writes fields a spreadsheet would run as formulas, or that hold commas and quotes, safely", () => {
    expect(csvField("=HYPERLINK(1)")).toBe("'=HYPERLINK(1)");
    expect(csvField('a,"b"')).toBe('"a,""b"""');
    expect(csvField("plain@example.com")).toBe("plain@example.com");
  });
});
