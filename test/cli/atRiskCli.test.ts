/**
 * `fairexit at-risk` and `fairexit demo history` as a user runs them: the list from a customer
 * file, the backtest, the demo history played into a temporary store, and clear errors.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runFairexit } from "../support/runFairexit.js";

let dir: string;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-at-risk-cli-"));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});
const env = () => ({
  FAIREXIT_DATA_DIR: dir,
  FAIREXIT_SECRET: "at-risk-cli-test-secret-0123456789abcdef",
  LOG_LEVEL: "silent",
});

describe("fairexit at-risk", { timeout: 120_000 }, () => {
  it("lists the demo customers at risk as CSV, each point on a row", async () => {
    const r = await runFairexit(
      ["at-risk", "--file", "data/demo/customers.json", "--as-of", "2026-12-01", "--format", "csv"],
      env(),
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines[0]).toBe("customer_id,account_number,score,band,signal,points,weight,on,ids,detail");
    const customers = new Set(lines.slice(1).map((l) => l.split(",")[0]));
    expect([...customers]).toEqual(["cust-uk-paytv-outages", "cust-uk-new-broadband"]);
    expect(lines).toContain(
      'cust-uk-new-broadband,UK550913,24,urgent,undisclosed_fee,5,recent,2026-09-23,int-uk-newbb-second-visit-booked,"undisclosed fee, not refunded (care, 2026-09-23)"',
    );
  });

  it("refuses bad options, naming the option and the value", async () => {
    const date = await runFairexit(["at-risk", "--as-of", "2026-13-01"], env());
    expect(date.code).toBe(2);
    expect(date.stderr).toBe(
      'fairexit: invalid option: --as-of: expected a date as YYYY-MM-DD (got "2026-13-01")\n',
    );
    const format = await runFairexit(["at-risk", "--format", "xml", "--min-score", "ten"], env());
    expect(format.code).toBe(2);
    expect(format.stderr).toContain('--min-score: expected a whole number of points such as 10 (got "ten")');
    expect(format.stderr).toContain('--format: expected md, csv or json (got "xml")');
  });

  it("writes a synthetic history to a file and backtests the score on it", async () => {
    const file = join(dir, "history.json");
    const out = await runFairexit(
      ["demo", "history", "--customers", "40", "--seed", "3", "--end", "2026-12-01", "--out", file],
      env(),
    );
    expect(out.code).toBe(0);
    const written = JSON.parse(await readFile(file, "utf8")) as { customers: unknown[] };
    expect(written.customers).toHaveLength(40);
    const bt = await runFairexit(["at-risk", "--backtest", "--file", file, "--format", "json"], env());
    expect(bt.code).toBe(0);
    const result = JSON.parse(bt.stdout) as {
      byLead: { leadDays: number; leavers: number }[];
      leavers: number;
    };
    expect(result.byLead.map((l) => l.leadDays)).toEqual([30, 60, 90]);
    expect(result.leavers).toBeGreaterThan(0);
    expect(out.stdout).toBe(`${file}: 40 customers, ${result.leavers} who left\n`);
  });

  it("plays the demo history into the store and prints what happened", async () => {
    const r = await runFairexit(
      ["demo", "history", "--customers", "10", "--seed", "2", "--end", "2026-12-01"],
      env(),
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(
      /^10 customers added; (\d+) conversations played: \d+ cancelled, \d+ handed over, \d+ stayed, \d+ stopped/,
    );
    const audit = await readFile(join(dir, "audit.jsonl"), "utf8");
    expect(audit).toContain('"kind":"confirmation"');
  });
});
