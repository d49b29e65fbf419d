/**
 * `fairexit report` through the real command, over an embedded data folder holding the report
 * fixture (test/fixtures/insights/report-fixture.json): the figures in each format, the file
 * written for its owner only, and bad input refused with what was wrong.
 */
import { mkdtemp, readFile, rm, stat } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openLowdbStore } from "../../src/adapters/lowdb/lowdbStore.js";
import { loadConfig } from "../../src/config.js";
import { loadReportFixture } from "../insights/reportFixture.js";
import { repoRoot, runFairexit } from "../support/runFairexit.js";

let dir: string;
const env = () => ({
  FAIREXIT_STORE: "lowdb",
  FAIREXIT_DATA_DIR: dir,
  FAIREXIT_SECRET: "test-secret-for-the-report-cli-test-0001",
  LOG_LEVEL: "silent",
});
const NOVEMBER = ["report", "--from", "2026-11-01", "--to", "2026-11-30"];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-report-cli-"));
  const store = await openLowdbStore(dir, { auditKey: loadConfig(env(), repoRoot).auditKey });
  try {
    await loadReportFixture(store);
  } finally {
    await store.close();
  }
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit report", () => {
  it("json: the figures of the fixture, with the policy in force deciding which disclosures were due", async () => {
    const r = await runFairexit([...NOVEMBER, "--format", "json"], env());
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(report.range).toEqual({ from: "2026-11-01", to: "2026-11-30" });
    expect(report.cancellations.confirmed).toEqual({
      count: 4,
      conversationIds: ["conv-chain", "conv-cooling", "conv-late", "conv-none"],
    });
    expect(report.policyKept.disclosures.share).toBe(0.75);
    expect(report.policyKept.disclosures.gaps).toEqual([
      { conversationId: "conv-late", obligationIds: ["porting-code:svc-m3"] },
    ]);
    expect(report.retention.overAllowance.count).toBe(1);
    expect(
      report.money.waivedTotal.map((m: { currency: string; amount: number }) => [m.currency, m.amount]),
    ).toEqual([
      ["EUR", 79.99],
      ["GBP", 120],
      ["SEK", 1197],
    ]);
  });

  it("csv: one row per figure", async () => {
    const r = await runFairexit([...NOVEMBER, "--format", "csv"], env());
    expect(r.code).toBe(0);
    expect(r.stdout.split("\r\n")).toContain("cancellations,by_root_cause,install,,1,conv-chain");
  });

  it("md to --out: a file only its owner can read", async () => {
    const out = join(dir, "report.md");
    const r = await runFairexit([...NOVEMBER, "--out", out], env());
    expect(r.code).toBe(0);
    expect(r.stderr).toBe(`wrote ${out}\n`);
    const md = await readFile(out, "utf8");
    expect(md).toContain("| Cancellations confirmed | 4 |");
    expect((await stat(out)).mode & 0o777).toBe(0o600);
  });

  it("refuses bad input, naming what was wrong", async () => {
    const cases: [string[], string][] = [
      [
        ["report", "--from", "2026-13-01"],
        'fairexit: --from: expected a date as YYYY-MM-DD, got "2026-13-01"\n',
      ],
      [["report", "--to", "tomorrow"], 'fairexit: --to: expected a date as YYYY-MM-DD, got "tomorrow"\n'],
      [
        ["report", "--from", "2026-11-30", "--to", "2026-11-01"],
        "fairexit: --from (2026-11-30) is after --to (2026-11-01)\n",
      ],
      [["report", "--format", "pdf"], 'fairexit: --format: expected md, csv or json, got "pdf"\n'],
    ];
    for (const [args, stderr] of cases) {
      const r = await runFairexit(args, env());
      expect({ args, code: r.code, stderr: r.stderr }).toEqual({ args, code: 2, stderr });
    }
  }, 120_000); // four processes, each loading the whole CLI
});
