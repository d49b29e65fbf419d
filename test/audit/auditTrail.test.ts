/**
 * The audit trail proves what happened: any edit or deletion is found, and the personal data
 * in it is masked.
 */
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { JsonlAuditLog } from "../../src/adapters/files/jsonlAuditLog.js";
import {
  AuditKey,
  canonicalJson,
  HASH_FORMAT,
  hashEntry,
  legacyHashEntry,
} from "../../src/audit/auditChain.js";
import { AuditTrail } from "../../src/audit/auditTrail.js";
import { maskPii } from "../../src/audit/maskPii.js";
import type { AuditKind } from "../../src/domain/auditEntry.js";
import { ManualClock } from "../../src/domain/clock.js";

let dir: string;
let file: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-audit-"));
  file = join(dir, "audit.jsonl");
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

/** What a cancellation records, in order. */
const CANCELLATION = [
  { kind: "decision", data: { policyRevision: "rev-1", totalDue: 0, waivedBy: "prom-1" } },
  { kind: "disclosure", data: { obligation: "device_unlock", message: "We unlock it remotely now." } },
  { kind: "confirmation", data: { customer: { email: "anna@example.se", postcode: "114 55" } } },
  { kind: "receipt", data: { reference: "FX-2026-000123", sha256: "ab".repeat(32) } },
] as const satisfies readonly { kind: AuditKind; data: Record<string, unknown> }[];

async function aCancellationRecorded() {
  const log = await JsonlAuditLog.open(file);
  const trail = new AuditTrail(log, new ManualClock("2026-11-23T10:00:00Z"));
  for (const r of CANCELLATION) await trail.record("conv-1", r.kind, r.data);
  return log;
}

const lines = async () => (await readFile(file, "utf8")).trimEnd().split("\n");
const writeLines = (ls: string[]) => writeFile(file, `${ls.join("\n")}\n`);

describe("the hash-chained audit trail", () => {
  it("verifies clean when nothing was touched, also after reopening", async () => {
    await aCancellationRecorded();
    const reopened = await JsonlAuditLog.open(file);
    expect(await reopened.verify()).toEqual([]);
    const next = await reopened.append({
      at: "2026-11-23T10:05:00Z",
      conversationId: "conv-2",
      kind: "handover",
      data: {},
    });
    expect(next.seq).toBe(4);
    expect(await reopened.verify()).toEqual([]);
  });

  it("finds an entry edited after the fact", async () => {
    const log = await aCancellationRecorded();
    const ls = await lines();
    ls[0] = ls[0]!.replace('"totalDue":0', '"totalDue":450');
    await writeLines(ls);
    expect(await log.verify()).toEqual([
      expect.objectContaining({
        seq: 0,
        problem: "content does not match its hash: edited, or written without the audit key",
      }),
    ]);
  });

  it("finds an entry deleted from the middle", async () => {
    const log = await aCancellationRecorded();
    const ls = await lines();
    ls.splice(1, 1);
    await writeLines(ls);
    const problems = await log.verify();
    expect(problems.map((p) => p.problem)).toContain("sequence jumps from 0 to 2: entries deleted");
  });

  it("finds entries deleted from the end, through the anchor", async () => {
    const log = await aCancellationRecorded();
    const ls = await lines();
    await writeLines(ls.slice(0, 2));
    expect((await log.verify()).map((p) => p.problem)).toEqual([
      "log ends at 1 but the anchor says 3: entries deleted from the end",
    ]);
  });

  it("writes a turn's records together: one append, the same chain as one by one", async () => {
    const byOne = await aCancellationRecorded();
    const oneByOne = await byOne.read();
    await rm(file);
    await rm(`${file}.anchor.json`);
    const log = await JsonlAuditLog.open(file);
    const trail = new AuditTrail(log, new ManualClock("2026-11-23T10:00:00Z"));
    const written = await trail.recordAll("conv-1", CANCELLATION);
    expect(written.map((e) => e.hash)).toEqual(oneByOne.map((e) => e.hash));
    expect(await lines()).toHaveLength(4);
    expect(await log.verify()).toEqual([]);
    // The anchor moved to the last of them: deleting the last line is found.
    await writeLines((await lines()).slice(0, 3));
    expect((await log.verify()).map((p) => p.problem)).toEqual([
      "log ends at 2 but the anchor says 3: entries deleted from the end",
    ]);
    expect(await trail.recordAll("conv-1", [])).toEqual([]);
  });

  it("appends nothing of a batch when its write fails, and goes on after it", async () => {
    const log = await aCancellationRecorded();
    const before = await readFile(file, "utf8");
    const cyclic: Record<string, unknown> = {};
    cyclic.self = cyclic;
    await expect(
      log.appendAll([
        { at: "2026-11-23T10:06:00Z", conversationId: "conv-2", kind: "handover", data: {} },
        { at: "2026-11-23T10:06:00Z", conversationId: "conv-2", kind: "handover", data: cyclic },
      ]),
    ).rejects.toThrow();
    expect(await readFile(file, "utf8")).toBe(before);
    const next = await log.append({
      at: "2026-11-23T10:07:00Z",
      conversationId: "conv-2",
      kind: "handover",
      data: {},
    });
    expect(next.seq).toBe(4);
    expect(await log.verify()).toEqual([]);
  });

  it("masks personal data but keeps it correlatable", async () => {
    const log = await aCancellationRecorded();
    const [confirmation] = await log.read().then((es) => es.filter((e) => e.kind === "confirmation"));
    const customer = confirmation?.data.customer as Record<string, string>;
    expect(customer.email).toMatch(/^masked:[0-9a-f]{12}$/);
    expect(customer.postcode).toMatch(/^masked:[0-9a-f]{12}$/);
    expect(await readFile(file, "utf8")).not.toContain("anna@example.se");
  });

  it("hashes and masks byte for byte as the chains already written (pinned values)", () => {
    const entry = {
      seq: 41,
      at: "2026-11-23T10:00:00.000Z",
      conversationId: "conv-x",
      kind: "disclosure" as const,
      data: {
        z: 1,
        a: [1, undefined, { y: 'é\u2028"', b: null, c: undefined }],
        ä: { n: -0.5, big: 1e21 },
        B: true,
        "": "empty",
        list: [[], {}],
      },
      prevHash: "a".repeat(64),
    };
    // Logs written before chains were keyed still verify: their plain SHA-256, byte for byte.
    expect(legacyHashEntry(entry)).toBe("2f8a48fe9bfc3049ac5d77fab92895c7711d12b0301b8bd661e005cb6b127fc7");
    // Chains written now: HMAC-SHA256 of the same bytes, with a key derived from the secret.
    const key = new AuditKey("a pinned audit key for this test");
    expect(hashEntry(entry, key)).toBe("011fc5f6c286267caf217630bf29ea5427d3f3927cf1f2bdadba39e1e1ca15f9");
    // Entries written now name their hash format (2), and the hash covers it: the canonical JSON
    // of the entry with `v` among its keys.
    const marked = { ...entry, v: HASH_FORMAT };
    expect(HASH_FORMAT).toBe(2);
    expect(hashEntry(marked, key)).toBe("67060a18174607ef40a11a65cbcaacc0a2a1c4ed357a6f3ca14fb4d910e787e5");
    expect(hashEntry(marked, key)).toBe(key.mac(canonicalJson(marked)));
    expect(maskPii({ customer: { email: "anna@example.se" } }, ["email"], "fairexit")).toEqual({
      customer: { email: "masked:c0cfa571b290" },
    });
  });

  it("writes every value's canonical JSON as JSON.stringify of its keys sorted would", () => {
    // The reference: JSON.stringify for every string and number, keys sorted, undefined left out.
    const reference = (v: unknown): string => {
      if (v === null || typeof v !== "object") return JSON.stringify(v);
      if (Array.isArray(v)) return `[${v.map((x) => reference(x) ?? "").join(",")}]`;
      const entries = Object.keys(v)
        .sort()
        .filter((k) => (v as Record<string, unknown>)[k] !== undefined);
      return `{${entries.map((k) => `${JSON.stringify(k)}:${reference((v as Record<string, unknown>)[k])}`).join(",")}}`;
    };
    const text = fc.oneof(
      fc.string(),
      fc.string({ unit: "binary" }),
      fc.constantFrom('say "hi"', "C:\\path", "tab\there", "\u007f", "\ud800 alone", "ok"),
    );
    const value = fc.letrec((tie) => ({
      leaf: fc.oneof(
        text,
        fc.double(),
        fc.integer(),
        fc.boolean(),
        fc.constant(null),
        fc.constant(undefined),
      ),
      node: fc.oneof(
        { depthSize: "small" },
        tie("leaf"),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.dictionary(text, tie("node"), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(canonicalJson(v)).toBe(reference(v));
      }),
      { numRuns: 500 },
    );
  });

  it("refuses to open a log with a line that is not an entry, naming the line", async () => {
    await aCancellationRecorded();
    const ls = await lines();
    ls[2] = "{ this is not json";
    await writeLines(ls);
    await expect(JsonlAuditLog.open(file)).rejects.toThrow(`${file}: line 3 is not valid JSON`);
  });
});
