/**
 * The audit trail: append-only, hash-chained. Each entry's hash covers its content and the
 * previous entry's hash, so editing or deleting any entry breaks every hash after it.
 */
import { z } from "zod";
import { IsoDateTime } from "../domain/customer.js";
import { sha256Hex } from "../domain/sha256.js";

export const AuditKind = z.enum([
  "decision",
  "disclosure",
  "consent",
  "offer",
  "offer_answer",
  "confirmation",
  /** A planned action, with how its delivery went in the turn that executed it. */
  "action",
  /** Only in logs written before an action entry carried its result: still valid when read. */
  "action_result",
  "handover",
  "receipt",
  "survey",
  /** Something the customer did that the record should show (an attempt to instruct the bot). */
  "customer_signal",
  /** An outgoing text the utterance checker flagged. */
  "tone_finding",
]);
export type AuditKind = z.infer<typeof AuditKind>;

export const GENESIS_HASH = "0".repeat(64);

export const AuditEntry = z.strictObject({
  seq: z.number().int().nonnegative(),
  at: IsoDateTime,
  conversationId: z.string().min(1),
  kind: AuditKind,
  /** What happened; personal data masked before it is written (see maskPii). */
  data: z.record(z.string(), z.unknown()),
  prevHash: z.string().regex(/^[0-9a-f]{64}$/),
  hash: z.string().regex(/^[0-9a-f]{64}$/),
});
export type AuditEntry = z.infer<typeof AuditEntry>;
export type AuditRecord = Pick<AuditEntry, "at" | "conversationId" | "kind" | "data">;

/**
 * JSON with object keys sorted, so the same content always hashes the same. Properties whose
 * value is undefined are left out, as JSON.stringify leaves them out. The output of every
 * chain ever written depends on these exact bytes: change nothing here without a new chain.
 */
export function canonicalJson(value: unknown): string {
  if (typeof value === "string") return jsonString(value);
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "null";
  if (value === null || typeof value !== "object") return JSON.stringify(value);
  if (Array.isArray(value)) {
    let out = "[";
    for (let i = 0; i < value.length; i++) {
      if (i > 0) out += ",";
      out += canonicalJson(value[i]) ?? "";
    }
    return `${out}]`;
  }
  const record = value as Record<string, unknown>;
  const keys = Object.keys(record).sort();
  let out = "{";
  for (const key of keys) {
    const v = record[key];
    if (v === undefined) continue;
    if (out.length > 1) out += ",";
    out += `${jsonString(key)}:${canonicalJson(v)}`;
  }
  return `${out}}`;
}

/** Printable ASCII but `"` and `\`: JSON writes such a string as it is, between quotes. */
const WRITTEN_AS_IS = /^[\x20\x21\x23-\x5b\x5d-\x7e]*$/;

/**
 * `JSON.stringify` of a string, byte for byte. Keys, ids, hashes and dates are plain ASCII:
 * quoting them directly takes a fraction of a `JSON.stringify` call, the cost of most of a
 * small entry's hash.
 */
function jsonString(s: string): string {
  return WRITTEN_AS_IS.test(s) ? `"${s}"` : JSON.stringify(s);
}

/** `JSON.stringify` of any value, byte for byte. */
const json = (v: unknown): string => (typeof v === "string" ? jsonString(v) : JSON.stringify(v));

/** The hash of an entry: SHA-256 of the canonical JSON of everything but the hash itself. */
export function hashEntry(entry: Omit<AuditEntry, "hash">): string {
  const { seq, at, conversationId, kind, data, prevHash } = entry;
  const complete =
    seq !== undefined &&
    at !== undefined &&
    conversationId !== undefined &&
    kind !== undefined &&
    data !== undefined &&
    prevHash !== undefined;
  if (!complete) return sha256Hex(canonicalJson({ seq, at, conversationId, kind, data, prevHash }));
  // The same bytes as canonicalJson of { seq, at, conversationId, kind, data, prevHash }: its keys sorted.
  return sha256Hex(
    `{"at":${json(at)},"conversationId":${json(conversationId)},"data":${canonicalJson(
      data,
    )},"kind":${json(kind)},"prevHash":${json(prevHash)},"seq":${json(seq)}}`,
  );
}

/** Links `record` after `previous` (or at the start of the chain). */
export function chain(previous: AuditEntry | undefined, record: AuditRecord): AuditEntry {
  const entry: AuditEntry = {
    seq: previous ? previous.seq + 1 : 0,
    at: record.at,
    conversationId: record.conversationId,
    kind: record.kind,
    data: record.data,
    prevHash: previous ? previous.hash : GENESIS_HASH,
    hash: "",
  };
  entry.hash = hashEntry(entry);
  return entry;
}

export interface ChainProblem {
  seq: number;
  /** Line or position in the log the problem was found at. */
  position: number;
  problem: string;
}

/**
 * Checks a whole chain: every hash recomputes, every entry points at the one before, the
 * sequence has no gaps. Optionally checks the last entry against an anchor kept elsewhere
 * (so a deleted tail is found too).
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  anchor?: { seq: number; hash: string },
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: AuditEntry | undefined;
  entries.forEach((e, i) => {
    const position = i + 1;
    const expectedSeq = prev ? prev.seq + 1 : 0;
    if (e.seq !== expectedSeq)
      problems.push({
        seq: e.seq,
        position,
        problem: `sequence jumps from ${expectedSeq - 1} to ${e.seq}: entries deleted`,
      });
    const expectedPrev = prev ? prev.hash : GENESIS_HASH;
    if (e.prevHash !== expectedPrev)
      problems.push({ seq: e.seq, position, problem: "previous-hash does not match the entry before it" });
    if (hashEntry(e) !== e.hash)
      problems.push({ seq: e.seq, position, problem: "content does not match its hash: edited" });
    prev = e;
  });
  if (anchor) {
    const last = entries.at(-1);
    if (!last || last.seq < anchor.seq)
      problems.push({
        seq: anchor.seq,
        position: entries.length,
        problem: `log ends at ${last?.seq ?? "nothing"} but the anchor says ${anchor.seq}: entries deleted from the end`,
      });
    else if (last.seq === anchor.seq && last.hash !== anchor.hash)
      problems.push({
        seq: last.seq,
        position: entries.length,
        problem: "last entry does not match the anchor",
      });
  }
  return problems;
}
