/**
 * A pack file deleted while the server runs is a policy change like any other: the log says
 * which pack went (a warning: the customers it covered now get the other packs' rules) and
 * `/readyz` shows the new revision and what was removed. On the real process.
 */
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { repoRoot, startFairexit } from "../support/runFairexit.js";

const ADMIN = "an-operator-token-for-the-readiness-report-0123";
let dir: string;
let stop: (() => Promise<unknown>) | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-packs-"));
  await cp(join(repoRoot, "policies"), join(dir, "policies"), { recursive: true });
});
afterEach(async () => {
  await stop?.();
  await rm(dir, { recursive: true, force: true });
});

async function policyDetail(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/readyz`, { headers: { authorization: `Bearer ${ADMIN}` } });
  const report = (await res.json()) as { checks: { name: string; detail?: string }[] };
  return report.checks.find((c) => c.name === "policy")?.detail ?? "";
}

/** Polls until `done` holds (the folder watcher reloads after a short quiet time); at most 100 tries. */
async function eventually(read: () => Promise<string>, done: (s: string) => boolean): Promise<string> {
  let last = "";
  for (let i = 0; i < 100; i++) {
    last = await read();
    if (done(last)) return last;
    await new Promise((r) => setTimeout(r, 100));
  }
  return last;
}

describe("a pack file deleted while the server runs", () => {
  it("is logged as a policy change naming the pack, and shown in /readyz", async () => {
    const server = await startFairexit({
      PORT: "0",
      HOST: "127.0.0.1",
      LOG_LEVEL: "info",
      FAIREXIT_STORE: "memory",
      FAIREXIT_POLICY_DIR: join(dir, "policies"),
      FAIREXIT_ADMIN_TOKEN: ADMIN,
    });
    stop = async () => {
      server.child.kill("SIGTERM");
      await server.exited;
    };
    const before = await policyDetail(server.baseUrl);
    expect(before).toMatch(/^sha256:[0-9a-f]+, 4 packs$/);

    await rm(join(dir, "policies", "us-california.yaml"));
    const after = await eventually(
      () => policyDetail(server.baseUrl),
      (d) => d.includes("removed"),
    );
    expect(after).toMatch(
      /^sha256:[0-9a-f]+, 3 packs; changed at .* from sha256:[0-9a-f]+: removed us-california/,
    );
    expect(after.slice(0, 20)).not.toBe(before.slice(0, 20));
    const log = await eventually(
      async () => server.output(),
      (o) => o.includes("policy pack removed"),
    );
    expect(log).toMatch(
      /"level":40[^\n]*"removed":\["us-california[^\n]*policy pack removed \(us-california/,
    );
  });
});
