import { execFile } from "node:child_process";
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { rejectedLines } from "../../src/import/importResult.js";

const FIXTURE = resolve("test/fixtures/import/customers.json");
const MAPPING = "examples/crm/mapping.yaml";

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(args: string[]): Promise<Run> {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}

describe("fairexit import (CLI)", () => {
  let dir: string;
  const saved = { ...process.env };
  const storedIds = async () =>
    (
      JSON.parse(await readFile(join(dir, "store", "customers.json"), "utf8")) as {
        customers: { id: string }[];
      }
    ).customers
      .map((c) => c.id)
      .sort();

  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairexit-cli-"));
    process.env.FAIREXIT_DATA_DIR = join(dir, "store");
    process.env.FAIREXIT_DEMO_DATA = FIXTURE;
    process.env.FAIREXIT_STORE = "lowdb";
    process.env.LOG_LEVEL = "silent";
  });
  afterEach(async () => {
    process.env = { ...saved };
    await rm(dir, { recursive: true, force: true });
  });

  it("imports a CRM export through a mapping", async () => {
    const run = await cli(["import", "--mapping", MAPPING, "examples/crm/export.csv"]);
    expect(run).toEqual({
      code: 0,
      stdout: "imported 5 customers from examples/crm/export.csv\n",
      stderr: "",
    });
    expect(await storedIds()).toEqual([
      "crm-100231",
      "crm-100587",
      "crm-100912",
      "crm-200044",
      "crm-200371",
      "fx-se-1",
      "fx-uk-1",
    ]);
  });

  it("fails with one line and every rejected row when rows are rejected, writing nothing", async () => {
    await cli(["import", "--dry-run", "--mapping", MAPPING, "examples/crm/export.csv"]);
    const before = await readFile(join(dir, "store", "customers.json"), "utf8");
    const run = await cli(["import", "-m", MAPPING, "examples/crm/export-with-errors.csv"]);
    expect(run.code).toBe(1);
    expect(run.stdout).toBe("");
    const lines = run.stderr.trimEnd().split("\n");
    expect(lines[0]).toBe(
      "fairexit: 8 rows rejected in examples/crm/export-with-errors.csv; nothing imported (fix the rows, or use --partial to import the other 2 customers)",
    );
    expect(lines.slice(1)).toHaveLength(8);
    expect(lines[2]).toBe(
      '  row 3: services[0].monthlyFee: expected a number with a decimal comma, got "abc" from column MonthlyFee',
    );
    expect(await readFile(join(dir, "store", "customers.json"), "utf8")).toBe(before);
  });

  it("with --partial, imports the good rows and lists the rejected ones on stderr", async () => {
    const run = await cli(["import", "--partial", "-m", MAPPING, "examples/crm/export-with-errors.csv"]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe(
      "imported 2 customers from examples/crm/export-with-errors.csv (8 rows rejected, --partial)\n",
    );
    expect(run.stderr.split("\n").filter((l) => l.startsWith("row "))).toHaveLength(8);
    expect(await storedIds()).toEqual(["crm-200371", "crm-300377", "fx-se-1", "fx-uk-1"]);
  });

  it("names the mapping file, line and column of a bad mapping", async () => {
    const mapping = join(dir, "bad.yaml");
    const text = await readFile(MAPPING, "utf8");
    await writeFile(
      mapping,
      text.replace("type: number, decimalComma: true }", "type: money, decimalComma: true }"),
    );
    const run = await cli(["import", "-m", mapping, "examples/crm/export.csv"]);
    expect(run.code).toBe(1);
    expect(run.stderr).toMatch(
      new RegExp(
        `^fairexit: ${mapping.replace(/[.]/g, "\\.")}:\\d+:\\d+: fields\\.services\\[0\\]\\.monthlyFee\\.type: expected a type: `,
      ),
    );
    expect(run.stderr.trimEnd().split("\n")).toHaveLength(1);
  });

  it("imports a FairExit customer file without a mapping", async () => {
    const file = join(dir, "more.json");
    const data = JSON.parse(await readFile(FIXTURE, "utf8"));
    data.customers[0].id = "fx-uk-2";
    data.customers[0].accountNumber = "900003";
    data.customers = [data.customers[0]];
    await writeFile(file, JSON.stringify(data));
    const run = await cli(["import", file]);
    expect(run).toEqual({
      code: 0,
      stdout: `imported 1 customer from ${file} (1 coverage area)\n`,
      stderr: "",
    });
    expect(await storedIds()).toEqual(["fx-se-1", "fx-uk-1", "fx-uk-2"]);
  });

  it("refuses a CSV without a mapping, and --partial without one", async () => {
    expect((await cli(["import", "examples/crm/export.csv"])).stderr).toBe(
      "fairexit: examples/crm/export.csv: without --mapping, import reads a FairExit customer file (.json)\n",
    );
    expect((await cli(["import", "--partial", FIXTURE])).code).toBe(1);
  });

  it("runs as a program: node bin/fairexit.js import --dry-run", async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      ["bin/fairexit.js", "import", "--dry-run", "--mapping", MAPPING, "examples/crm/export.csv"],
      { env: { ...process.env } },
    );
    expect(stdout).toBe("would import 5 customers from examples/crm/export.csv (dry run, nothing written)\n");
  });
});

describe("rejected rows on stderr", () => {
  it("are capped at 50 lines plus a count of the rest", () => {
    const rejected = Array.from({ length: 60 }, (_, i) => ({
      row: i + 2,
      reasons: ["email: Invalid email address"],
    }));
    const lines = rejectedLines(rejected);
    expect(lines).toHaveLength(51);
    expect(lines[0]).toBe("row 2: email: Invalid email address");
    expect(lines[50]).toBe("... and 10 more rejected rows");
  });
});
