import { describe, expect, it } from "vitest";
import { applyMapping, readSource } from "../../src/import/applyMapping.js";
import { convertValue } from "../../src/import/convertValue.js";
import { compileDateFormat, type DateFormat, toIsoDateTime } from "../../src/import/dateFormat.js";
import { parseMapping } from "../../src/import/loadMapping.js";
import { splitFullName } from "../../src/import/transforms.js";

const HEADER = `version: 1
required: [Acc]
fields:
  id: { template: "crm-{Acc}" }
  accountNumber: Acc
  name: { column: Name, splitName: true }
  email: { column: Email, transform: [trim, lower] }
  phone: { column: Phone, transform: removeSpaces }
  postcode: { column: Postcode, transform: upper }
  locale: { column: Lang, map: { EN: en-GB, SV: sv-SE } }
  jurisdiction: { value: UK }
  customerSince: { column: Since, type: date, format: DD/MM/YYYY }
  vulnerabilities: { column: Flags, separator: "|", map: { BER: bereavement, ELD: elderly } }
  consents.marketing.given: { column: OptIn, truthy: [J, Y] }
  consents.marketing.at: { column: OptInAt, type: datetime, format: YYYYMMDD HH:mm, timeZone: Europe/Stockholm }
  address.line1: Street
  address.city: City
  address.postcode: { column: [DeliveryPostcode, Postcode], transform: upper }
  address.country: { value: GB }
  services[0].id: ServiceId
  services[0].kind: { column: Product, map: { MOB: mobile, BB: broadband }, otherwise: other }
  services[0].plan: Plan
  services[0].monthlyFee: { column: MonthlyFee, type: number, decimalComma: true }
  services[0].currency: { value: GBP }
  services[0].promo.code: { column: Promo, required: false }
  services[0].promo.monthlyDiscount: { column: PromoDiscount, when: Promo, default: 0 }
  services[0].promo.applied: { value: true, when: Promo }
  services[0].contract.start: { column: Start, type: date, format: YYYYMMDD }
  services[0].contract.minimumTermMonths: Term
  services[0].contract.noticeDays: { column: Notice, default: 30 }
  services[0].contract.salesChannel: { value: web }
  services[0].contract.autoRenews: AutoRenew
  billing.paymentMethod.kind: { value: invoice }
  billing.currency: { value: GBP }
  billing.balance: { column: Balance, type: number, decimalComma: true, default: 0, required: true }
`;

const mapping = parseMapping(HEADER, "m.yaml");

const GOOD = {
  Acc: "1001",
  Name: " Anna  Maria Svensson ",
  Email: " Anna@Example.COM ",
  Phone: "+44 7700 900123",
  Postcode: "sw1a 1aa",
  Lang: "EN",
  Since: "03/02/2019",
  Flags: "BER | ELD",
  OptIn: "j",
  OptInAt: "20240701 10:30",
  Street: "1 Road",
  City: "London",
  DeliveryPostcode: "",
  ServiceId: "S1",
  Product: "MOB",
  Plan: "5G",
  MonthlyFee: "1.234,50",
  Promo: "",
  PromoDiscount: "",
  Start: "20250115",
  Term: "24",
  Notice: "",
  AutoRenew: "no",
  Balance: "",
};

describe("applyMapping", () => {
  it("maps a good row: templates, transforms, value maps, types, defaults and lists", () => {
    const { candidate, problems } = applyMapping(mapping, GOOD);
    expect(problems).toEqual([]);
    expect(candidate).toEqual({
      id: "crm-1001",
      accountNumber: "1001",
      name: { given: "Anna Maria", family: "Svensson" },
      email: "anna@example.com",
      phone: "+447700900123",
      postcode: "SW1A 1AA",
      locale: "en-GB",
      jurisdiction: "UK",
      customerSince: "2019-02-03",
      vulnerabilities: ["bereavement", "elderly"],
      consents: { marketing: { given: true, at: "2024-07-01T08:30:00Z" } },
      address: { line1: "1 Road", city: "London", postcode: "SW1A 1AA", country: "GB" },
      services: [
        {
          id: "S1",
          kind: "mobile",
          plan: "5G",
          monthlyFee: 1234.5,
          currency: "GBP",
          contract: {
            start: "2025-01-15",
            minimumTermMonths: 24,
            noticeDays: 30,
            salesChannel: "web",
            autoRenews: false,
          },
        },
      ],
      billing: { paymentMethod: { kind: "invoice" }, currency: "GBP", balance: 0 },
    });
  });

  it("writes `when` fields only when their column has a value", () => {
    const { candidate } = applyMapping(mapping, { ...GOOD, Promo: "SPRING", PromoDiscount: "5" });
    expect((candidate.services as { promo: unknown }[])[0]?.promo).toEqual({
      code: "SPRING",
      monthlyDiscount: 5,
      applied: true,
    });
  });

  it("uses the first non-empty column of a list, and `otherwise` for unmapped codes", () => {
    const { candidate } = applyMapping(mapping, { ...GOOD, DeliveryPostcode: "e1 6an", Product: "XYZ" });
    expect((candidate.address as { postcode: string }).postcode).toBe("E1 6AN");
    expect((candidate.services as { kind: string }[])[0]?.kind).toBe("other");
  });

  it("names the field, the value and the column of every problem", () => {
    const { problems } = applyMapping(mapping, {
      ...GOOD,
      Acc: " ",
      MonthlyFee: "abc",
      Lang: "DE",
      Since: "31/02/2019",
      Flags: "BER|XX",
      OptIn: "",
      Term: "2.5",
      Name: "Cher",
    });
    expect(problems).toEqual([
      "column Acc is empty (the mapping requires it)",
      'name: cannot split "Cher" from column Name into given and family names',
      'locale: "DE" from column Lang is not in the value map (known: EN, SV)',
      'customerSince: expected a date as DD/MM/YYYY, got "31/02/2019" from column Since',
      'vulnerabilities: "XX" from column Flags is not in the value map (known: BER, ELD)',
      'services[0].monthlyFee: expected a number with a decimal comma, got "abc" from column MonthlyFee',
      'services[0].contract.minimumTermMonths: expected a whole number, got "2.5" from column Term',
    ]);
  });

  it("rejects an empty required field that has no default", () => {
    const strict = parseMapping(HEADER.replace("default: 0, required: true", "required: true"), "m.yaml");
    expect(applyMapping(strict, GOOD).problems).toEqual([
      "billing.balance: no value (column Balance is empty)",
    ]);
  });

  it("records where each value came from", () => {
    const { provenance } = applyMapping(mapping, GOOD);
    expect(provenance.find((p) => p.path.join(".") === "services.0.monthlyFee")).toEqual({
      path: ["services", 0, "monthlyFee"],
      columns: ["MonthlyFee"],
      raw: "1.234,50",
      origin: "column MonthlyFee",
    });
  });
});

describe("reading source fields", () => {
  it("reads exact keys first, then dotted paths into JSON", () => {
    const record = { "a.b": 1, a: { b: 2, list: [{ c: 3 }] } };
    expect(readSource(record, "a.b")).toBe(1);
    expect(readSource(record, "a.list[0].c")).toBe(3);
    expect(readSource(record, "a.list[1].c")).toBeUndefined();
    expect(readSource(record, "missing")).toBeUndefined();
  });
});

describe("type conversion", () => {
  it("reads numbers, strictly", () => {
    expect(convertValue("38.50", { type: "number" })).toEqual({ ok: true, value: 38.5 });
    expect(convertValue("38,50", { type: "number" })).toEqual({ ok: false, expected: "a number" });
    expect(convertValue("1 049,00", { type: "number", decimalComma: true })).toEqual({
      ok: true,
      value: 1049,
    });
    expect(convertValue("-4,20", { type: "number", decimalComma: true })).toEqual({ ok: true, value: -4.2 });
    expect(convertValue("12.50", { type: "number", decimalComma: true }).ok).toBe(false);
    expect(convertValue(12, { type: "integer" })).toEqual({ ok: true, value: 12 });
    expect(convertValue("12.5", { type: "integer" }).ok).toBe(false);
  });

  it("reads booleans with default or custom words", () => {
    expect(convertValue("Yes", { type: "boolean" })).toEqual({ ok: true, value: true });
    expect(convertValue("0", { type: "boolean" })).toEqual({ ok: true, value: false });
    expect(convertValue("maybe", { type: "boolean" })).toEqual({
      ok: false,
      expected: "one of true, yes, y, 1, false, no, n, 0",
    });
    expect(convertValue("J", { type: "boolean", truthy: ["j"] })).toEqual({ ok: true, value: true });
    expect(convertValue("N", { type: "boolean", truthy: ["j"] })).toEqual({ ok: true, value: false });
    expect(convertValue("X", { type: "boolean", truthy: ["J"], falsy: ["N"] }).ok).toBe(false);
  });

  it("reads dates and date-times", () => {
    const format = compileDateFormat("D.M.YYYY") as DateFormat;
    expect(convertValue("3.2.2019", { type: "date", format })).toEqual({ ok: true, value: "2019-02-03" });
    expect(convertValue("29.2.2023", { type: "date", format }).ok).toBe(false);
    expect(convertValue("2024-02-29", { type: "date" })).toEqual({ ok: true, value: "2024-02-29" });
    expect(convertValue("2023-02-29", { type: "date" }).ok).toBe(false);
    expect(convertValue("2026-03-10T14:05:00+01:00", { type: "datetime" }).ok).toBe(true);
    expect(convertValue("2026-03-10 14:05", { type: "datetime" }).ok).toBe(false);
  });

  it("converts wall-clock times in a zone to UTC, across daylight saving", () => {
    const p = { year: 2026, month: 1, day: 15, hour: 9, minute: 0, second: 0 };
    expect(toIsoDateTime(p, "Europe/Stockholm")).toBe("2026-01-15T08:00:00Z");
    expect(toIsoDateTime({ ...p, month: 7 }, "Europe/Stockholm")).toBe("2026-07-15T07:00:00Z");
    expect(toIsoDateTime({ ...p, month: 7 }, "UTC")).toBe("2026-07-15T09:00:00Z");
  });

  it("rejects unusable formats", () => {
    expect(compileDateFormat("DD/MM/YY")).toEqual({
      error: 'format DD/MM/YY: "Y" is not a supported token (use YYYY, MM, M, DD, D, HH, H, mm, ss)',
    });
    expect(compileDateFormat("MM/YYYY")).toEqual({ error: "format MM/YYYY has no day (YYYY, MM or DD)" });
  });
});

describe("splitting full names", () => {
  it("reads given-first and family-first names", () => {
    expect(splitFullName("Olivia Bennett")).toEqual({ given: "Olivia", family: "Bennett" });
    expect(splitFullName("Hughes, Mohammed")).toEqual({ given: "Mohammed", family: "Hughes" });
    expect(splitFullName("Madonna")).toBeUndefined();
  });
});
