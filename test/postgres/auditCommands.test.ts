/**
 * `fairexit audit verify` and `audit show` with DATABASE_URL read the PostgreSQL trail every
 * instance writes, and `fairexit start` names the database it runs on; the URL's password is
 * never printed.
 */
import { afterAll, beforeAll, expect, it, vi } from "vitest";
import { runCli } from "../../src/cli/main.js";
import {
  AUDIT_KEY,
  createTestDatabase,
  describePostgres,
  openTestStore,
  type TestDatabase,
} from "../support/postgres.js";
import { startFairexit } from "../support/runFairexit.js";

const saved = { ...process.env };
let t: TestDatabase;
let url: string;

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

describePostgres("fairexit audit and start on PostgreSQL", () => {
  beforeAll(async () => {
    t = await createTestDatabase();
    const store = await openTestStore(t.url);
    await store.audit.appendAll(
      ["decision", "confirmation", "receipt"].map((kind) => ({
        at: "2026-11-23T10:00:00.000Z",
        conversationId: "conv-cli-audit",
        kind: kind as "decision",
        data: { n: kind },
      })),
    );
    await store.close();
    const u = new URL(t.url);
    u.password = "never-printed"; // trust authentication ignores it
    url = u.toString();
    Object.assign(process.env, {
      DATABASE_URL: url,
      FAIREXIT_SECRET: "test-secret-for-the-audit-command-tests",
      FAIREXIT_AUDIT_KEY: AUDIT_KEY,
      LOG_LEVEL: "silent",
    });
  });
  afterAll(async () => {
    process.env = { ...saved };
    await t?.drop();
  });

  it("verifies the PostgreSQL trail, shows a conversation, and finds an edited entry", async () => {
    const ok = await fairexit("audit", "verify");
    expect(ok.code).toBe(0);
    expect(ok.out).toMatch(
      new RegExp(
        `^postgres://postgres@127\\.0\\.0\\.1:5432/${t.name}: ok, 3 entries, chain intact; checkpoint 2:[0-9a-f]{64}\\n$`,
      ),
    );
    const shown = await fairexit("audit", "show", "conv-cli-audit");
    expect(shown.code).toBe(0);
    expect(
      shown.out
        .trim()
        .split("\n")
        .map((l) => l.split(/\s+/)[2]),
    ).toEqual(["decision", "confirmation", "receipt"]);

    const store = await openTestStore(t.url);
    await store.db.query(
      "tampering",
      `UPDATE audit_entries SET entry = replace(entry, '"n":"confirmation"', '"n":"declined"') WHERE seq = 1`,
    );
    await store.close();
    const tampered = await fairexit("audit", "verify");
    expect(tampered.code).toBe(1);
    expect(tampered.err).toMatch(/fairexit_test_\w+: the audit trail was tampered with/);
    expect(tampered.err).toMatch(/entry 1 .*content does not match its hash/);
    for (const r of [ok, shown, tampered]) expect(r.out + r.err).not.toContain("never-printed");
  });

  it("says which database it cannot reach, without the password", async () => {
    process.env.DATABASE_URL = "postgres://fairexit:never-printed@127.0.0.1:1/fairexit";
    try {
      const r = await fairexit("audit", "verify");
      expect(r.code).toBe(1);
      expect(r.err).toMatch(/cannot connect to PostgreSQL at postgres:\/\/fairexit@127\.0\.0\.1:1\/fairexit/);
      expect(r.out + r.err).not.toContain("never-printed");
    } finally {
      process.env.DATABASE_URL = url;
    }
  });

  it("fairexit start names the database (host and database, no password) instead of a data folder", async () => {
    const started = await startFairexit({ ...process.env, PORT: "0", HOST: "127.0.0.1" });
    try {
      expect(started.output()).toMatch(
        new RegExp(
          `FairExit is running \\(postgres store: postgres://postgres@127\\.0\\.0\\.1:5432/${t.name}\\)`,
        ),
      );
      expect(started.output()).not.toContain("never-printed");
    } finally {
      started.child.kill("SIGTERM");
      await started.exited;
    }
  }, 30_000);
});
