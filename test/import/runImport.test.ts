import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { readCustomerFile } from "../../src/adapters/files/readCustomerFile.js";
import { openLowdbStore } from "../../src/adapters/lowdb/lowdbStore.js";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import type { Customer } from "../../src/domain/customer.js";
import type { Store } from "../../src/domain/ports.js";
import { ValidationError } from "../../src/domain/validation.js";
import { rejectedLines, summaryLine } from "../../src/import/importResult.js";
import { loadMapping, parseMapping } from "../../src/import/loadMapping.js";
import { runImport } from "../../src/import/runImport.js";

const FIXTURES = "test/fixtures/import";
const EXPORT = "examples/crm/export.csv";
const WITH_ERRORS = "examples/crm/export-with-errors.csv";
const mapping = await loadMapping("examples/crm/mapping.yaml");

const expected = JSON.parse(await readFile(join(FIXTURES, "export.expected.json"), "utf8")) as Customer[];
const byId = (list: Customer[]) => [...list].sort((a, b) => a.id.localeCompare(b.id));

const EXPECTED_REJECTIONS = [
  'row 2: not imported: row 3 of the same AccountNo "100231" rejected',
  'row 3: services[0].monthlyFee: expected a number with a decimal comma, got "abc" from column MonthlyFee',
  'row 4: billing.paymentMethod.kind: "PAYPAL" from column PayMethod is not in the value map (known: DD, CARD, INV)',
  'row 5: not imported: row 6 of the same AccountNo "100912" rejected',
  'row 6: email: "grace@oconnor.example" differs from "grace.oconnor@example.com" in row 5 of the same AccountNo',
  'row 7: services[0].contract.start: expected a date as DD/MM/YYYY, got "31/02/2024" from column ContractStart',
  'row 9: email: Invalid email address (got "sofia.berg(at)example.se" from column Email)',
  "row 10: column AccountNo is empty (the mapping requires it)",
];

describe("importing a CRM export", () => {
  let dir: string;
  let store: Store;
  const customersFile = () => join(dir, "store", "customers.json");

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairexit-import-"));
    store = await openLowdbStore(join(dir, "store"), {
      seed: () => readCustomerFile(join(FIXTURES, "customers.json")),
    });
  });
  afterEach(async () => {
    await store.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("imports a good export; the customers read back equal the expected ones", async () => {
    const result = await runImport(store.customers, { file: EXPORT, mapping });
    expect(result).toMatchObject({ rowsRead: 8, customers: 5, replaced: 0, rejected: [], written: true });
    expect(summaryLine(result)).toBe("imported 5 customers from examples/crm/export.csv");
    const imported = (await store.customers.list()).filter((c) => c.id.startsWith("crm-"));
    expect(byId(imported)).toEqual(byId(expected));
    expect(await store.customers.count()).toBe(7);

    await store.close();
    store = await openLowdbStore(join(dir, "store"));
    expect(await store.customers.get("crm-200044")).toEqual(expected.find((c) => c.id === "crm-200044"));
  });

  it("merges rows by key: one customer per account, one service per row", async () => {
    await runImport(store.customers, { file: EXPORT, mapping });
    const grace = await store.customers.get("crm-100912");
    expect(grace?.services.map((s) => [s.id, s.kind, s.status])).toEqual([
      ["SVC-100912-B", "broadband", "active"],
      ["SVC-100912-T", "tv", "ending"],
    ]);
  });

  it("writes nothing when a row is rejected, and reports every row with its reason", async () => {
    const before = await readFile(customersFile(), "utf8");
    const stored = await store.customers.list();
    const result = await runImport(store.customers, { file: WITH_ERRORS, mapping });
    expect(result.written).toBe(false);
    expect(result.customers).toBe(2);
    expect(result.rejected.map((r) => `row ${r.row}: ${r.reasons.join("; ")}`)).toEqual(EXPECTED_REJECTIONS);
    expect(await store.customers.list()).toEqual(stored);
    expect(await readFile(customersFile(), "utf8")).toBe(before);
  });

  it("with partial, imports only the good rows and keeps what was stored", async () => {
    const stored = await store.customers.list();
    const result = await runImport(store.customers, { file: WITH_ERRORS, mapping, partial: true });
    expect(result.written).toBe(true);
    expect(summaryLine(result)).toBe(
      "imported 2 customers from examples/crm/export-with-errors.csv (8 rows rejected, --partial)",
    );
    const all = await store.customers.list();
    expect(all.map((c) => c.id).sort()).toEqual(["crm-200371", "crm-300377", "fx-se-1", "fx-uk-1"]);
    for (const c of stored) expect(await store.customers.get(c.id)).toEqual(c);
  });

  it("with dry run, validates and reports but writes nothing", async () => {
    const before = await readFile(customersFile(), "utf8");
    const result = await runImport(store.customers, { file: EXPORT, mapping, dryRun: true });
    expect(summaryLine(result)).toBe(
      "would import 5 customers from examples/crm/export.csv (dry run, nothing written)",
    );
    expect(result.written).toBe(false);
    expect(await store.customers.count()).toBe(2);
    expect(await readFile(customersFile(), "utf8")).toBe(before);
  });

  it("counts customers it replaces", async () => {
    await runImport(store.customers, { file: EXPORT, mapping });
    const again = await runImport(store.customers, { file: EXPORT, mapping });
    expect(summaryLine(again)).toBe("imported 5 customers from examples/crm/export.csv (5 replaced)");
    expect(await store.customers.count()).toBe(7);
  });

  it("rejects an account number that belongs to another stored customer", async () => {
    const file = join(dir, "clash.csv");
    const text = await readFile(EXPORT, "utf8");
    await writeFile(file, text.replaceAll("200371;", "900002;"));
    const result = await runImport(store.customers, { file, mapping, partial: true });
    expect(rejectedLines(result.rejected)).toEqual([
      'row 9: accountNumber: "900002" already belongs to stored customer fx-se-1',
    ]);
    expect((await store.customers.get("fx-se-1"))?.name.given).toBe("Maja");
  });
});

describe("import details", () => {
  it("imports a JSON export, streamed, with nested fields and merged rows", async () => {
    const store = openMemoryStore();
    const json = await loadMapping(join(FIXTURES, "mapping-json.yaml"));
    const result = await runImport(store.customers, {
      file: join(FIXTURES, "export.json"),
      mapping: json,
      partial: true,
    });
    expect(rejectedLines(result.rejected)).toEqual([
      'row 3: services[0].monthlyFee: expected a number, got "abc" from column subscription.price',
      'row 4: expected an object, got "not a record"',
    ]);
    expect(result).toMatchObject({ format: "json", rowsRead: 5, customers: 2, written: true });
    const tom = await store.customers.get("crm-510001");
    expect(tom?.services.map((s) => [s.id, s.monthlyFee, s.contract.start, s.contract.autoRenews])).toEqual([
      ["S-510001-1", 15.5, "2025-01-01", true],
      ["S-510001-2", 30, "2024-06-01", false],
    ]);
    expect((await store.customers.get("crm-510003"))?.billing).toMatchObject({
      balance: 120.75,
      currency: "SEK",
    });
    expect((await store.customers.get("crm-510003"))?.jurisdiction).toBe("SE");
  });

  it("rejects every row that gives an id another row also gives", async () => {
    const text = await readFile("examples/crm/mapping.yaml", "utf8");
    const oneRowPerCustomer = parseMapping(
      text.replace("mergeBy: AccountNo\nappendOnMerge: [services]\n", ""),
      "no-merge.yaml",
    );
    const store = openMemoryStore();
    const result = await runImport(store.customers, {
      file: EXPORT,
      mapping: oneRowPerCustomer,
      partial: true,
    });
    const pairs: [row: number, other: number, account: string][] = [
      [2, 3, "100231"],
      [3, 2, "100231"],
      [5, 6, "100912"],
      [6, 5, "100912"],
      [7, 8, "200044"],
      [8, 7, "200044"],
    ];
    expect(rejectedLines(result.rejected)).toEqual(
      pairs.map(
        ([row, other, account]) =>
          `row ${row}: id: "crm-${account}" is also given by row ${other}; accountNumber: "${account}" is also given by row ${other}`,
      ),
    );
    expect((await store.customers.list()).map((c) => c.id).sort()).toEqual(["crm-100587", "crm-200371"]);
  });

  it("reports columns the mapping reads that the header lacks", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-import-"));
    try {
      const file = join(dir, "renamed.csv");
      await writeFile(file, (await readFile(EXPORT, "utf8")).replace(";MonthlyFee;", ";Fee;"));
      const error = await runImport(openMemoryStore().customers, { file, mapping }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).message).toBe(
        `${file}: row 1: column MonthlyFee (used by fields.services[0].monthlyFee in examples/crm/mapping.yaml) is not in the header (and 1 more)`,
      );
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("says which empty column left a needed field missing", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-import-"));
    try {
      const file = join(dir, "no-phone.csv");
      await writeFile(file, (await readFile(EXPORT, "utf8")).replace(";+46 70 174 06 48;", ";;"));
      const result = await runImport(openMemoryStore().customers, { file, mapping, partial: true });
      expect(rejectedLines(result.rejected)).toEqual(["row 9: phone: missing (column Mobile is empty)"]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("rejects a row with the wrong number of fields", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-import-"));
    try {
      const file = join(dir, "short.csv");
      const lines = (await readFile(EXPORT, "utf8")).trimEnd().split("\n");
      lines[8] = lines[8]!.split(";").slice(0, 10).join(";");
      await writeFile(file, `${lines.join("\n")}\n`);
      const result = await runImport(openMemoryStore().customers, { file, mapping, partial: true });
      expect(result.rejected.map((r) => r.row)).toEqual([9]);
      expect(result.rejected[0]?.reasons[0]).toBe("has 10 fields, the header has 28");
      expect(result.customers).toBe(4);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});

describe("importing a FairExit customer file (no mapping)", () => {
  it("imports the customers and the coverage", async () => {
    const store = openMemoryStore();
    const result = await runImport(store.customers, { file: join(FIXTURES, "customers.json") });
    expect(summaryLine(result)).toBe(
      "imported 2 customers from test/fixtures/import/customers.json (1 coverage area)",
    );
    expect(await store.customers.count()).toBe(2);
    expect(await store.customers.coverage()).toEqual([
      { country: "GB", kind: "broadband", postcodePrefixes: ["SW1A"] },
    ]);
  });

  it("rejects the whole file when an id repeats, naming both entries", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-import-"));
    try {
      const data = JSON.parse(await readFile(join(FIXTURES, "customers.json"), "utf8"));
      data.customers[1].id = data.customers[0].id;
      const file = join(dir, "dup.json");
      await writeFile(file, JSON.stringify(data));
      const store = openMemoryStore();
      await expect(runImport(store.customers, { file })).rejects.toThrow(
        `${file}: customers[1].id: duplicate id fx-uk-1 (also customers[0])`,
      );
      expect(await store.customers.count()).toBe(0);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
