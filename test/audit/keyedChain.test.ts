/**
 * Someone who can write the data folder but does not hold the audit key cannot rewrite history
 * unnoticed: not by re-chaining the log and rewriting its anchor, not by deleting both. Checked
 * with `fairexit audit verify`, as an operator would.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JsonlAuditLog } from "../../src/adapters/files/jsonlAuditLog.js";
import {
  AuditKey,
  anchorFor,
  GENESIS_HASH,
  HASH_FORMAT,
  hashEntry,
  legacyHashEntry,
} from "../../src/audit/auditChain.js";
import type { AuditEntry } from "../../src/domain/auditEntry.js";
import { runFairexit } from "../support/runFairexit.js";

const KEY = "the-audit-key-kept-outside-the-folder-0123456789";
let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-keyed-"));
  file = join(dir, "audit.jsonl");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

const verify = (env: Record<string, string> = { FAIREXIT_AUDIT_KEY: KEY }) =>
  runFairexit(["audit", "verify"], { FAIREXIT_DATA_DIR: dir, FAIREXIT_SECRET: "", ...env });

async function aTrailWritten(options: { key?: string } = { key: KEY }) {
  const log = await JsonlAuditLog.open(file, options);
  await log.append({
    at: "2026-11-23T10:00:00Z",
    conversationId: "conv-7",
    kind: "decision",
    data: { totalDue: 450 },
  });
  await log.append({ at: "2026-11-23T10:01:00Z", conversationId: "conv-7", kind: "confirmation", data: {} });
  return log;
}

const entries = async () =>
  (await readFile(file, "utf8"))
    .trimEnd()
    .split("\n")
    .map((l) => JSON.parse(l) as AuditEntry);

/**
 * What an attacker without the key can do: edit, re-chain with the public algorithm (plain
 * SHA-256), rewrite the anchor. `unmarked`: with the hash format taken out of every entry, as
 * FairExit wrote entries before formats were marked.
 */
async function rechainWithoutTheKey(edit: (e: AuditEntry) => void, { unmarked = true } = {}) {
  const es = await entries();
  edit(es[0]!);
  let prevHash = GENESIS_HASH;
  for (const e of es) {
    if (unmarked) delete e.v;
    e.prevHash = prevHash;
    e.hash = legacyHashEntry(e);
    prevHash = e.hash;
  }
  await writeFile(file, es.map((e) => `${JSON.stringify(e)}\n`).join(""));
  const last = es.at(-1)!;
  await writeFile(`${file}.anchor.json`, JSON.stringify({ seq: last.seq, hash: last.hash }));
}

describe("the keyed audit chain", () => {
  it("is intact when untouched, verified with the key from the environment", async () => {
    await aTrailWritten();
    const result = await verify();
    expect(result.stderr).toBe("");
    expect(result.stdout).toContain("ok, 2 entries, chain intact");
  });

  it("finds a history re-chained and re-anchored without the key", async () => {
    await aTrailWritten();
    await rechainWithoutTheKey((e) => {
      e.data = { totalDue: 0 };
    });
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the audit trail was tampered with");
    expect(result.stderr).toContain("the anchor is not signed with the audit key");
    expect(result.stderr).toContain("not hashed with the audit key");
  });

  it("finds a history re-chained without the key that keeps the entries' hash format", async () => {
    await aTrailWritten();
    await rechainWithoutTheKey(
      (e) => {
        e.data = { totalDue: 0 };
      },
      { unmarked: false },
    );
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(
      "content does not match its hash: edited, or written without the audit key",
    );
  });

  it("writes its hash format into each entry and checks each entry by it", async () => {
    await aTrailWritten();
    const es = await entries();
    expect(es.map((e) => e.v)).toEqual([HASH_FORMAT, HASH_FORMAT]);
    // The format is covered by the hash: taking it out does not make an entry "old".
    delete es[0]!.v;
    await writeFile(file, es.map((e) => `${JSON.stringify(e)}\n`).join(""));
    const unmarked = await verify();
    expect(unmarked.code).toBe(1);
    expect(unmarked.stderr).toContain("content does not match its hash");
    // A format this FairExit does not know is named, not guessed at, and nothing is appended after it.
    es[0]!.v = 3;
    es[1]!.v = 3;
    await writeFile(file, es.map((e) => `${JSON.stringify(e)}\n`).join(""));
    const unknown = await verify();
    expect(unknown.code).toBe(1);
    expect(unknown.stderr).toContain("hash format 3 is unknown to this FairExit");
    await expect(JsonlAuditLog.open(file, { key: KEY })).rejects.toThrow(
      "the last entry: hash format 3 is unknown to this FairExit",
    );
  });

  it("keeps a keyed log written before hash formats were marked verifiable, and appends to it", async () => {
    await aTrailWritten();
    // As FairExit wrote it between keyed chains and marked formats: keyed, without `v`.
    const key = new AuditKey(KEY);
    let prevHash = GENESIS_HASH;
    const es = await entries();
    for (const e of es) {
      delete e.v;
      e.prevHash = prevHash;
      e.hash = hashEntry(e, key);
      prevHash = e.hash;
    }
    await writeFile(file, es.map((e) => `${JSON.stringify(e)}\n`).join(""));
    await writeFile(`${file}.anchor.json`, JSON.stringify(anchorFor(es.at(-1), key)));
    expect((await verify()).stdout).toContain("ok, 2 entries, chain intact");
    const log = await JsonlAuditLog.open(file, { key: KEY });
    const next = await log.append({
      at: "2026-11-23T10:02:00Z",
      conversationId: "conv-7",
      kind: "receipt",
      data: {},
    });
    expect(next).toMatchObject({ seq: 2, v: HASH_FORMAT, prevHash: es.at(-1)!.hash });
    expect((await verify()).stdout).toContain("ok, 3 entries, chain intact");
  });

  it("finds a log deleted together with its anchor", async () => {
    await aTrailWritten();
    await rm(file);
    await rm(`${file}.anchor.json`);
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`the log ${file} is missing`);
    expect(result.stderr).toContain("anchor.json is missing");
  });

  it("finds a missing anchor, and an anchor for an empty log made up without the key", async () => {
    await aTrailWritten();
    await rm(`${file}.anchor.json`);
    expect((await verify()).stderr).toContain("anchor.json is missing");
    await writeFile(file, "");
    await writeFile(`${file}.anchor.json`, JSON.stringify({ seq: -1, hash: GENESIS_HASH }));
    const result = await verify();
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("the anchor is not signed with the audit key");
  });

  it("creates a new log with its anchor, so an empty trail verifies and a missing anchor never is normal", async () => {
    await JsonlAuditLog.open(file, { key: KEY });
    const result = await verify();
    expect(result.stdout).toContain("ok, 0 entries, chain intact");
  });

  it("cannot be verified with another key, and is not opened for writing with one", async () => {
    await aTrailWritten();
    const result = await verify({ FAIREXIT_AUDIT_KEY: "another-key-that-is-long-enough-0123456789" });
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("written without the audit key");
    await expect(
      JsonlAuditLog.open(file, { key: "another-key-that-is-long-enough-0123456789" }),
    ).rejects.toThrow("the last entry is not hashed with this audit key");
  });

  it("without a key in the environment, uses the data folder's generated secret (and says when there is none)", async () => {
    await aTrailWritten({});
    expect((await readFile(join(dir, "secret"), "utf8")).trim().length).toBeGreaterThanOrEqual(32);
    expect((await verify({})).stdout).toContain("ok, 2 entries, chain intact");
    await rm(join(dir, "secret"));
    const result = await verify({});
    expect(result.code).toBe(1);
    expect(result.stderr).toContain("no audit key: set FAIREXIT_AUDIT_KEY");
  });

  it("keeps a log written before keyed chains verifiable: pinned by a keyed entry when first opened", async () => {
    await aTrailWritten();
    await rechainWithoutTheKey(() => {}); // the same content, as the plain-hash FairExit wrote it
    expect((await verify()).stderr).toContain("entries 0 to 1 are not hashed with the audit key");
    const log = await JsonlAuditLog.open(file, { key: KEY, now: () => new Date("2026-11-24T09:00:00Z") });
    expect((await log.read()).at(-1)).toMatchObject({
      seq: 2,
      kind: "chain_keyed",
      data: { legacyUntil: 1 },
    });
    expect((await verify()).stdout).toContain("ok, 3 entries, chain intact");
    // Once pinned, the old entries cannot be rewritten either.
    const es = await entries();
    es[0]!.data = { totalDue: 0 };
    es[0]!.hash = legacyHashEntry(es[0]!);
    await writeFile(file, es.map((e) => `${JSON.stringify(e)}\n`).join(""));
    expect((await verify()).code).toBe(1);
  });

  it("finds a tail cut back to an older anchor, with a checkpoint kept outside the folder", async () => {
    const log = await aTrailWritten();
    const oldAnchor = await readFile(`${file}.anchor.json`, "utf8");
    const oldLog = await readFile(file, "utf8");
    await log.append({ at: "2026-11-23T10:02:00Z", conversationId: "conv-7", kind: "receipt", data: {} });
    const ok = await verify();
    const checkpoint = /checkpoint (\d+:[0-9a-f]{64})/.exec(ok.stdout)?.[1];
    expect(checkpoint).toMatch(/^2:/);
    // Someone with a copy of the folder from before puts the old log and anchor back.
    await writeFile(file, oldLog);
    await writeFile(`${file}.anchor.json`, oldAnchor);
    expect((await verify()).code).toBe(0); // the folder alone cannot tell
    const checked = await runFairexit(["audit", "verify", "--checkpoint", checkpoint!], {
      FAIREXIT_DATA_DIR: dir,
      FAIREXIT_SECRET: "",
      FAIREXIT_AUDIT_KEY: KEY,
    });
    expect(checked.code).toBe(1);
    expect(checked.stderr).toContain(
      "entry 2 (line 2): is gone, but the checkpoint names it: entries deleted",
    );
  });

  it("refuses to append to a log whose anchor was deleted", async () => {
    await aTrailWritten();
    await rm(`${file}.anchor.json`);
    await expect(JsonlAuditLog.open(file, { key: KEY })).rejects.toThrow("anchor.json is missing");
  });

  it("refuses to append after a tail deleted behind the anchor", async () => {
    await aTrailWritten();
    const es = await entries();
    await writeFile(file, `${JSON.stringify(es[0])}\n`);
    await expect(JsonlAuditLog.open(file, { key: KEY })).rejects.toThrow(
      "the log ends at 0 but its anchor says 1: entries deleted from the end",
    );
  });
});
