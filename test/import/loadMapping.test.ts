import { describe, expect, it } from "vitest";
import { loadMapping, parseMapping } from "../../src/import/loadMapping.js";
import { MappingError } from "../../src/import/mappingError.js";

/** A minimal valid mapping; `extra` lines are appended under `fields:`. */
const BASE_FIELDS = `  id: { template: "c-{Acc}" }
  accountNumber: Acc
  name: { column: Name, splitName: true }
  email: Email
  phone: Phone
  postcode: Postcode
  locale: { value: en-GB }
  jurisdiction: { value: UK }
  customerSince: { column: Since, type: date, format: DD/MM/YYYY }
  address.line1: Street
  address.city: City
  address.postcode: Postcode
  address.country: { value: GB }
  services[0].id: ServiceId
  services[0].kind: { value: mobile }
  services[0].plan: Plan
  services[0].monthlyFee: Fee
  services[0].currency: { value: GBP }
  services[0].contract.start: { column: Start, type: date, format: DD/MM/YYYY }
  services[0].contract.minimumTermMonths: { value: 0 }
  services[0].contract.noticeDays: { value: 30 }
  services[0].contract.salesChannel: { value: web }
  billing.paymentMethod.kind: { value: invoice }
  billing.currency: { value: GBP }
  billing.balance: { value: 0 }
`;

const mappingText = (extra = "", top = "") => `version: 1\n${top}fields:\n${BASE_FIELDS}${extra}`;

function errorOf(text: string): MappingError {
  try {
    parseMapping(text, "m.yaml");
  } catch (e) {
    if (e instanceof MappingError) return e;
    throw e;
  }
  throw new Error("expected a MappingError");
}

/** The 1-based line of the first line in `text` containing `needle`. */
const lineOf = (text: string, needle: string) => text.split("\n").findIndex((l) => l.includes(needle)) + 1;

describe("loading a mapping", () => {
  it("loads the shipped example mapping", async () => {
    const mapping = await loadMapping("examples/crm/mapping.yaml");
    expect(mapping.format).toBe("csv");
    expect(mapping.csv.delimiter).toBe(";");
    expect(mapping.mergeBy).toEqual(["AccountNo"]);
    expect(mapping.appendOnMerge).toEqual([["services"]]);
    expect(mapping.fields.map((f) => f.target)).toContain("services[0].monthlyFee");
    expect(mapping.columns.get("MonthlyFee")).toBe("fields.services[0].monthlyFee");
  });

  it("accepts the minimal mapping and infers types from the model", () => {
    const mapping = parseMapping(mappingText(), "m.yaml");
    const fee = mapping.fields.find((f) => f.target === "services[0].monthlyFee");
    expect(fee?.conversion.type).toBe("number");
    expect(mapping.trim).toBe(true);
    expect(mapping.mergeBy).toEqual([]);
  });

  it("reports an unknown key with file, line, column and a suggestion", () => {
    const text = mappingText("  email2: { colum: Email }\n");
    const e = errorOf(text.replace("  email: Email\n", ""));
    const line = lineOf(text.replace("  email: Email\n", ""), "colum:");
    expect(e.message).toBe(
      `m.yaml:${line}:13: fields.email2.colum: unknown key "colum" (did you mean column?)`,
    );
  });

  it("reports an unknown key at the top level", () => {
    const text = mappingText("", "mergeby: Acc\n");
    const e = errorOf(text);
    expect(e.message).toBe('m.yaml:2:1: mergeby: unknown key "mergeby" (did you mean mergeBy?)');
  });

  it("reports a bad type name at its value", () => {
    const text = mappingText().replace(
      "services[0].monthlyFee: Fee",
      "services[0].monthlyFee: { column: Fee, type: money }",
    );
    const e = errorOf(text);
    const line = lineOf(text, "type: money");
    expect(e.message).toMatch(
      new RegExp(
        `^m\\.yaml:${line}:\\d+: fields\\.services\\[0\\]\\.monthlyFee\\.type: expected a type: string, number`,
      ),
    );
    expect(e.located[0]?.column).toBe(text.split("\n")[line - 1]!.indexOf("money") + 1);
  });

  it("reports a target path the customer model does not have, at its key", () => {
    const text = mappingText("  services[0].monthlyFe: Fee2\n");
    const e = errorOf(text);
    expect(e.message).toContain(`m.yaml:${lineOf(text, "monthlyFe:")}:3: fields.services[0].monthlyFe:`);
    expect(e.message).toContain(
      'unknown field "monthlyFe" in services[0] (known: id, kind, plan, monthlyFee',
    );
  });

  it("checks value-map results against the model", () => {
    const text = mappingText().replace(
      "billing.paymentMethod.kind: { value: invoice }",
      "billing.paymentMethod.kind: { column: Pay, map: { DD: direct_debt, CARD: card } }",
    );
    const e = errorOf(text);
    expect(e.message).toContain("fields.billing.paymentMethod.kind.map.DD:");
    expect(e.message).toContain('"direct_debt" does not fit billing.paymentMethod.kind');
    expect(e.located).toHaveLength(1);
  });

  it("checks constants against the model", () => {
    const e = errorOf(
      mappingText().replace("jurisdiction: { value: UK }", "jurisdiction: { value: england }"),
    );
    expect(e.message).toContain(
      'fields.jurisdiction.value: "england" does not fit jurisdiction: expected a jurisdiction',
    );
  });

  it("reports options that do not fit the field's type", () => {
    const text = mappingText().replace(
      "  email: Email\n",
      "  email: { column: Email, decimalComma: true }\n",
    );
    expect(errorOf(text).message).toContain(
      "fields.email.decimalComma: decimalComma only applies to numbers (this field is read as string)",
    );
  });

  it("reports a bad date format and an unknown time zone", () => {
    const text = mappingText(
      "  consents.marketing.at: { column: At, type: datetime, format: DD/MM/YY, timeZone: Mars/Base }\n",
    );
    const e = errorOf(text);
    expect(e.lines()).toEqual([
      expect.stringContaining("fields.consents.marketing.at.format: format DD/MM/YY"),
      expect.stringContaining("fields.consents.marketing.at.timeZone: unknown time zone Mars/Base"),
    ]);
  });

  it("asks for a separator on list fields", () => {
    const e = errorOf(mappingText("  vulnerabilities: Flags\n"));
    expect(e.message).toContain('vulnerabilities is a list: add separator (e.g. separator: "|")');
  });

  it("names required model fields no rule gives", () => {
    const e = errorOf(
      mappingText().replace("  phone: Phone\n", "").replace("  services[0].plan: Plan\n", ""),
    );
    expect(e.lines().map((l) => l.replace(/^m\.yaml:\d+:\d+: /, ""))).toEqual([
      "fields: no rule gives phone, which every customer needs (add a rule with a column, value or default)",
      "fields: no rule gives services[0].plan, which every customer needs (add a rule with a column, value or default)",
    ]);
  });

  it("needs exactly one source per field", () => {
    const e = errorOf(
      mappingText().replace("  email: Email\n", "  email: { column: Email, value: a@b.se }\n"),
    );
    expect(e.message).toContain("email: give only one of column, value and template (got column, value)");
  });

  it("reports YAML syntax errors with their line", () => {
    const e = errorOf("version: 1\nfields:\n  email: Email\n  email: Mail\n");
    expect(e.message).toBe("m.yaml:4:3: (yaml): Map keys must be unique");
  });

  it("reports the version and an empty file", () => {
    expect(errorOf(mappingText().replace("version: 1", "version: 2")).message).toBe(
      "m.yaml:1:10: version: expected version: 1",
    );
    expect(errorOf("").message).toBe("m.yaml: (root): the mapping file is empty");
  });

  it("names a missing mapping file", async () => {
    await expect(loadMapping("test/fixtures/import/nope.yaml")).rejects.toThrow(
      /^test\/fixtures\/import\/nope\.yaml: \(file\): ENOENT/,
    );
  });
});
