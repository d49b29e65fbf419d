/**
 * `fairexit db status` and `fairexit db migrate`, run in-process through the CLI's entry point
 * (runCli) with DATABASE_URL set as an operator would set it, the password never printed.
 */
import { afterEach, beforeEach, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import { createTestDatabase, describePostgres, type TestDatabase } from "../support/postgres.js";

const saved = { ...process.env };
let t: TestDatabase | undefined;

async function fairexit(...args: string[]) {
  let out = "";
  let err = "";
  const stdout = vi.spyOn(process.stdout, "write").mockImplementation((s) => {
    out += String(s);
    return true;
  });
  const stderr = vi.spyOn(process.stderr, "write").mockImplementation((s) => {
    err += String(s);
    return true;
  });
  try {
    const code = await runCli(args);
    return { code, out, err };
  } finally {
    stdout.mockRestore();
    stderr.mockRestore();
  }
}

beforeEach(() => {
  process.env.FAIREXIT_SECRET = "test-secret-for-the-db-command-tests";
  process.env.LOG_LEVEL = "silent";
});
afterEach(async () => {
  process.env = { ...saved };
  await t?.drop();
  t = undefined;
});

it("says fairexit db needs DATABASE_URL when it is not set", async () => {
  delete process.env.DATABASE_URL;
  const r = await fairexit("db", "status");
  expect(r.code).toBe(2);
  expect(r.err).toContain("fairexit: DATABASE_URL is not set");
});

describePostgres("fairexit db", () => {
  it("reports a new database as behind, migrates it once, then reports it up to date", async () => {
    t = await createTestDatabase();
    const u = new URL(t.url);
    u.password = "never-printed"; // trust authentication ignores it
    process.env.DATABASE_URL = u.toString();
    const behind = await fairexit("db", "status");
    expect(behind.code).toBe(1);
    expect(behind.err).toMatch(/schema version 0, this FairExit needs \d+: run fairexit db migrate/);
    const first = await fairexit("db", "migrate");
    expect(first.code).toBe(0);
    expect(first.out).toMatch(
      /\/fairexit_test_\w+: applied 0001_store, 0002_execution, 0003_assist_sessions, 0004_alumni_contacts, 0005_directline_log, 0006_one_time_tokens_and_rate_buckets; now at schema version 6/,
    );
    const again = await fairexit("db", "migrate");
    expect(again.out).toMatch(/up to date at schema version 6/);
    const status = await fairexit("db", "status");
    expect(status).toMatchObject({ code: 0 });
    for (const r of [behind, first, again, status]) expect(r.out + r.err).not.toContain("never-printed");
  });
});
