import { once } from "node:events";
import { createWriteStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { parseMapping } from "../../src/import/loadMapping.js";
import { createProgress, type ProgressSink } from "../../src/import/progress.js";
import { openRecords } from "../../src/import/readRecords.js";
import { runImport } from "../../src/import/runImport.js";

const ROWS = 100_000;

const MAPPING = `version: 1
fields:
  id: { template: "big-{n}" }
  accountNumber: { template: "ACC{n}" }
  name.given: given
  name.family: family
  email: email
  phone: { template: "+4470{n}" }
  postcode: postcode
  locale: { value: en-GB }
  jurisdiction: { value: UK }
  customerSince: { column: since, type: date, format: DD/MM/YYYY }
  address.line1: street
  address.city: { value: London }
  address.postcode: postcode
  address.country: { value: GB }
  services[0].id: { template: "svc-{n}" }
  services[0].kind: { value: mobile }
  services[0].plan: { value: SIM Only }
  services[0].monthlyFee: fee
  services[0].currency: { value: GBP }
  services[0].contract.start: { column: since, type: date, format: DD/MM/YYYY }
  services[0].contract.minimumTermMonths: { value: 12 }
  services[0].contract.noticeDays: { value: 30 }
  services[0].contract.salesChannel: { value: web }
  billing.paymentMethod.kind: { value: invoice }
  billing.currency: { value: GBP }
  billing.balance: { value: 0 }
`;

/** Writes the export row by row, never holding it whole in memory. */
async function writeExport(file: string, rows: number): Promise<void> {
  const out = createWriteStream(file);
  out.write("n,given,family,email,postcode,since,street,fee\n");
  for (let i = 1; i <= rows; i++) {
    const n = String(i).padStart(7, "0");
    const line = `${n},Given${i},Family${i},user${i}@example.com,SW1A ${i % 10}AA,${String((i % 28) + 1).padStart(2, "0")}/03/2024,${i} Long Street,${(i % 50) + 0.99}\n`;
    if (!out.write(line)) await once(out, "drain");
  }
  out.end();
  await once(out, "finish");
}

class Collect implements ProgressSink {
  readonly chunks: string[] = [];
  constructor(readonly isTTY: boolean) {}
  write(text: string) {
    this.chunks.push(text);
    return true;
  }
}

describe("a large export", () => {
  let dir: string;
  let file: string;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairexit-big-"));
    file = join(dir, "big.csv");
    await writeExport(file, ROWS);
  }, 120_000);
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("is read as a stream: the first record arrives before the file is read whole", async () => {
    const source = await openRecords(file, "csv");
    for await (const { row } of source.rows) {
      expect(row).toBe(2);
      expect(source.bytesRead()).toBeGreaterThan(0);
      expect(source.bytesRead()).toBeLessThan(source.totalBytes / 10);
      break;
    }
  });

  it(`imports ${ROWS.toLocaleString("en-US")} rows with progress lines when not on a terminal`, async () => {
    const store = openMemoryStore();
    const progress = new Collect(false);
    const result = await runImport(store.customers, {
      file,
      mapping: parseMapping(MAPPING, "big.yaml"),
      progress,
      progressEvery: 10_000,
    });
    expect(result).toMatchObject({ rowsRead: ROWS, customers: ROWS, rejected: [], written: true });
    expect(await store.customers.count()).toBe(ROWS);
    expect((await store.customers.get("big-0054321"))?.services[0]?.monthlyFee).toBe(21.99);

    const lines = progress.chunks.join("").trimEnd().split("\n");
    expect(lines).toHaveLength(11);
    expect(lines[0]).toMatch(/^import: 10,000 rows read \(\d+%\)$/);
    expect(lines[10]).toBe("import: 100,000 rows read (done)");
    const percents = lines.slice(0, 10).map((l) => Number(/\((\d+)%\)/.exec(l)?.[1]));
    expect(percents[0]).toBeLessThan(50);
    expect(percents).toEqual([...percents].sort((a, b) => a - b));
  }, 180_000);
});

describe("progress", () => {
  it("draws a bar in place on a terminal and clears it at the end", () => {
    const sink = new Collect(true);
    const progress = createProgress(sink, { totalBytes: 1000, width: 10 });
    progress.update(1, 100);
    progress.update(2, 100);
    progress.update(3, 500);
    progress.finish(3);
    expect(sink.chunks).toEqual([
      "\rimport [#---------]  10%  1 rows",
      "\rimport [#####-----]  50%  3 rows",
      "\r\x1b[K",
    ]);
  });

  it("prints nothing for a small import off a terminal", () => {
    const sink = new Collect(false);
    const progress = createProgress(sink, { totalBytes: 1000 });
    for (let i = 1; i <= 9; i++) progress.update(i, i * 100);
    progress.finish(9);
    expect(sink.chunks).toEqual([]);
  });
});
