/**
 * `npm start` as a new user runs it: the server comes up on the embedded store created from
 * the demo data, answers health and readiness, and stops cleanly on SIGTERM.
 */
import { mkdtemp, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { runFairexit, startFairexit } from "../support/runFairexit.js";

const demoFixture = join(import.meta.dirname, "../fixtures/store/customers-v1.json");
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-start-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit start", () => {
  it("creates the embedded store from the demo data, serves /healthz and /readyz, and stops on SIGTERM", async () => {
    const env = {
      PORT: "0",
      HOST: "127.0.0.1",
      FAIREXIT_DATA_DIR: dir,
      FAIREXIT_DEMO_DATA: demoFixture,
      LOG_LEVEL: "silent",
      FAIREXIT_ADMIN_TOKEN: "an-operator-admin-token-of-32-characters-or-more",
    };
    const server = await startFairexit(env);
    expect(server.output()).toContain("FairExit is running (lowdb store");

    const health = await fetch(`${server.baseUrl}/healthz`);
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: "ok" });

    expect(await (await fetch(`${server.baseUrl}/readyz`)).json()).toMatchObject({ ready: true });
    const ready = await fetch(`${server.baseUrl}/readyz`, {
      headers: { authorization: `Bearer ${env.FAIREXIT_ADMIN_TOKEN}` },
    });
    expect(ready.status).toBe(200);
    expect(await ready.json()).toMatchObject({
      ready: true,
      checks: expect.arrayContaining([{ name: "store", ok: true, detail: "lowdb, 1 customers" }]),
    });

    server.child.kill("SIGTERM");
    expect(await server.exited).toBe(0);
    expect(server.output()).toContain("FairExit stopped; the store is flushed.");
    const stored = JSON.parse(await readFile(join(dir, "customers.json"), "utf8"));
    expect(stored.schemaVersion).toBe(2);
    expect(stored.customers[0].id).toBe("cust-legacy-1");
  });

  it("fails at start with the variable's name when the configuration is wrong", async () => {
    const r = await runFairexit(["start"], { PORT: "eighty", FAIREXIT_DATA_DIR: dir });
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe('fairexit: PORT: expected a port number (got "eighty")');
  });

  it("refuses to start a second server on the same data folder", async () => {
    const env = { PORT: "0", HOST: "127.0.0.1", FAIREXIT_DATA_DIR: dir, FAIREXIT_DEMO_DATA: demoFixture };
    const first = await startFairexit({ ...env, LOG_LEVEL: "silent" });
    try {
      const second = await runFairexit(["start"], env);
      expect(second.code).toBe(1);
      expect(second.stderr).toMatch(/is in use by process \d+: the embedded store is for one process/);
    } finally {
      first.child.kill("SIGTERM");
      await first.exited;
    }
  });
});

describe("fairexit data check", () => {
  it("says ok for a valid customer file", async () => {
    const r = await runFairexit(["data", "check", demoFixture]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("ok, 1 customers, 1 coverage areas");
  });

  it("names the file and field of a malformed one, in one line", async () => {
    const bad = join(import.meta.dirname, "../fixtures/store/customers-malformed.json");
    const r = await runFairexit(["data", "check", bad]);
    expect(r.code).toBe(1);
    expect(r.stderr.trim()).toBe(`fairexit: ${bad}: customers[1].email: Invalid email address`);
  });

  it("exits non-zero on an unknown command, with usage help", async () => {
    const r = await runFairexit(["frobnicate"]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain("unknown command 'frobnicate'");
  });
});
