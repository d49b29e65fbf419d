import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JsonlAuditLog } from "../../src/adapters/files/jsonlAuditLog.js";
import { runFairexit } from "../support/runFairexit.js";

/** The log below is keyed with the folder's generated secret: no key from the caller's environment. */
const NO_KEY_IN_ENV = { FAIREXIT_SECRET: "", FAIREXIT_AUDIT_KEY: "" };
let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-audit-cli-"));
  const log = await JsonlAuditLog.open(join(dir, "audit.jsonl"));
  await log.append({
    at: "2026-11-23T10:00:00Z",
    conversationId: "conv-7",
    kind: "decision",
    data: { totalDue: 0 },
  });
  await log.append({ at: "2026-11-23T10:01:00Z", conversationId: "conv-7", kind: "confirmation", data: {} });
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit audit", () => {
  it("verify says the chain is intact, and show prints one conversation", async () => {
    const verify = await runFairexit(["audit", "verify"], { FAIREXIT_DATA_DIR: dir, ...NO_KEY_IN_ENV });
    expect(verify.code).toBe(0);
    expect(verify.stdout).toContain("ok, 2 entries, chain intact");
    const show = await runFairexit(["audit", "show", "conv-7"], { FAIREXIT_DATA_DIR: dir, ...NO_KEY_IN_ENV });
    expect(show.stdout).toMatch(/#0 {2}2026-11-23T10:00:00Z {2}decision/);
    expect(show.stdout).toMatch(/#1 {2}2026-11-23T10:01:00Z {2}confirmation/);
  });

  it("verify exits 1 and names the edited entry", async () => {
    const file = join(dir, "audit.jsonl");
    await writeFile(file, (await readFile(file, "utf8")).replace('"totalDue":0', '"totalDue":99'));
    const verify = await runFairexit(["audit", "verify"], { FAIREXIT_DATA_DIR: dir, ...NO_KEY_IN_ENV });
    expect(verify.code).toBe(1);
    expect(verify.stderr).toContain("the audit trail was tampered with (1 problem(s))");
    expect(verify.stderr).toContain("entry 0 (line 1): content does not match its hash: edited");
  });
});
