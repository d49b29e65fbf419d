/**
 * The audit trail's hash chain: append-only. Each entry's hash covers its content and the
 * previous entry's hash, so editing or deleting any entry breaks every hash after it. The
 * entry itself (`AuditEntry`, `AuditKind`) is in `src/domain/auditEntry.ts`.
 *
 * The hash is keyed: HMAC-SHA256 with the audit key (FAIREXIT_AUDIT_KEY, else FAIREXIT_SECRET,
 * else the data folder's generated secret). A plain hash anyone can recompute, so whoever could
 * write the folder could re-chain an edited history; without the key they cannot. Logs written
 * before the key (plain SHA-256, `legacyHashEntry`) stay verifiable as a prefix that the first
 * keyed entry after them pins (a `chain_keyed` entry written when such a log is first opened).
 *
 * Each entry names its hash format in `v` (`HASH_FORMAT`, covered by the hash), and is checked
 * with that format only. Entries without `v` were written before formats were marked: format 1
 * (plain SHA-256) or keyed; for them alone both are tried.
 */
import { createHmac } from "node:crypto";
import type { AuditEntry, AuditRecord, ChainProblem } from "../domain/auditEntry.js";
import { sha256Hex } from "../domain/sha256.js";

export const GENESIS_HASH = "0".repeat(64);

/**
 * The hash format written into every new entry (`v`): 2 = HMAC-SHA256 with the audit key of the
 * entry's canonical JSON (`v` included). Format 1, plain SHA-256, was never marked. A new format
 * gets the next number here and a case in `checkHash`; entries already written keep theirs.
 */
export const HASH_FORMAT = 2;

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

/** The bytes an entry's hash covers: the canonical JSON of everything but the hash itself. */
function entryBytes(entry: Omit<AuditEntry, "hash">): string {
  const { v, seq, at, conversationId, kind, data, prevHash } = entry;
  const complete =
    seq !== undefined &&
    at !== undefined &&
    conversationId !== undefined &&
    kind !== undefined &&
    data !== undefined &&
    prevHash !== undefined;
  if (!complete) return canonicalJson({ v, seq, at, conversationId, kind, data, prevHash });
  // The same bytes as canonicalJson of { v, seq, at, conversationId, kind, data, prevHash }: its
  // keys sorted, `v` left out when absent (entries written before formats were marked).
  const version = v === undefined ? "" : `,"v":${json(v)}`;
  return `{"at":${json(at)},"conversationId":${json(conversationId)},"data":${canonicalJson(
    data,
  )},"kind":${json(kind)},"prevHash":${json(prevHash)},"seq":${json(seq)}${version}}`;
}

/** The hash of an entry before chains were keyed: SHA-256 of its bytes. Kept to verify old logs. */
export function legacyHashEntry(entry: Omit<AuditEntry, "hash">): string {
  return sha256Hex(entryBytes(entry));
}

/** The key the chain is hashed with, derived from the configured secret (never used as it is). */
export class AuditKey {
  private readonly key: Buffer;

  constructor(secret: string) {
    if (secret.length < 16) throw new Error("the audit key must have at least 16 characters");
    this.key = createHmac("sha256", secret).update("fairexit audit chain v2").digest();
  }

  /** HMAC-SHA256 of `text`, hex. */
  mac(text: string): string {
    return createHmac("sha256", this.key).update(text).digest("hex");
  }
}

/** The keyed hash of an entry: HMAC-SHA256 with the audit key of its bytes (format 2, and unmarked keyed entries). */
export function hashEntry(entry: Omit<AuditEntry, "hash">, key: AuditKey): string {
  return key.mac(entryBytes(entry));
}

/**
 * How `entry`'s hash checks out with `key`, by the format it names: `keyed`; `plain` (format 1,
 * only possible in an entry that names no format); or the problem.
 */
export function checkHash(entry: AuditEntry, key: AuditKey): "keyed" | "plain" | { problem: string } {
  switch (entry.v) {
    case HASH_FORMAT:
      return hashEntry(entry, key) === entry.hash ? "keyed" : MISMATCH;
    case undefined:
      // Written before formats were marked: keyed, or (older still) plain.
      if (hashEntry(entry, key) === entry.hash) return "keyed";
      return legacyHashEntry(entry) === entry.hash ? "plain" : MISMATCH;
    default:
      return {
        problem: `hash format ${entry.v} is unknown to this FairExit (written by a newer one?): it cannot be checked`,
      };
  }
}

const MISMATCH = { problem: "content does not match its hash: edited, or written without the audit key" };

/** Links `record` after `previous` (or at the start of the chain), hashed with `key`. */
export function chain(previous: AuditEntry | undefined, record: AuditRecord, key: AuditKey): AuditEntry {
  const entry: AuditEntry = {
    v: HASH_FORMAT,
    seq: previous ? previous.seq + 1 : 0,
    at: record.at,
    conversationId: record.conversationId,
    kind: record.kind,
    data: record.data,
    prevHash: previous ? previous.hash : GENESIS_HASH,
    hash: "",
  };
  entry.hash = hashEntry(entry, key);
  return entry;
}

/** Where the log ended when last written: kept beside it so a deleted tail is found. */
export interface Anchor {
  seq: number;
  hash: string;
  /** HMAC with the audit key over seq and hash: an anchor cannot be made up without the key. */
  mac?: string;
}

/** The anchor of an empty log. */
export const EMPTY_ANCHOR = { seq: -1, hash: GENESIS_HASH } as const;

const anchorText = (a: { seq: number; hash: string }) => `fairexit audit anchor ${a.seq} ${a.hash}`;

/** The anchor for a log whose last entry is `last` (undefined: an empty log), signed with `key`. */
export function anchorFor(last: AuditEntry | undefined, key: AuditKey): Required<Anchor> {
  const a = last ? { seq: last.seq, hash: last.hash } : EMPTY_ANCHOR;
  return { seq: a.seq, hash: a.hash, mac: key.mac(anchorText(a)) };
}

export type AnchorRead = { found: true; anchor: Anchor } | { found: false; problem: string };

/**
 * Checks a whole chain: every hash recomputes with the key, in the format its entry names, every
 * entry points at the one before, the sequence has no gaps. Entries with a plain (legacy) hash
 * are accepted only as the chain's first entries, pinned by a keyed entry after them. With `anchor`, the last entry is
 * checked against the anchor kept beside the log (so a deleted tail is found too); an anchor that
 * is missing, unreadable or not signed with the key is a problem, never a fresh log.
 */
export function verifyChain(
  entries: readonly AuditEntry[],
  key: AuditKey,
  anchor?: AnchorRead,
): ChainProblem[] {
  const problems: ChainProblem[] = [];
  let prev: AuditEntry | undefined;
  let keyedSeen = false;
  let legacyCount = 0;
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
    const hashed = checkHash(e, key);
    if (hashed === "keyed") keyedSeen = true;
    else if (hashed !== "plain") problems.push({ seq: e.seq, position, problem: hashed.problem });
    else if (keyedSeen)
      problems.push({
        seq: e.seq,
        position,
        problem: "not hashed with the audit key, after keyed entries: rewritten without the key",
      });
    else legacyCount++;
    prev = e;
  });
  if (legacyCount > 0 && !keyedSeen)
    problems.push({
      seq: legacyCount - 1,
      position: legacyCount,
      problem: `entries 0 to ${legacyCount - 1} are not hashed with the audit key and no keyed entry pins them: written by a FairExit before keyed chains (open the store once with the key to pin them) or rewritten without the key`,
    });
  if (anchor) problems.push(...anchorProblems(entries, key, anchor));
  return problems;
}

function anchorProblems(entries: readonly AuditEntry[], key: AuditKey, read: AnchorRead): ChainProblem[] {
  const last = entries.at(-1);
  const position = entries.length;
  const lastSeq = last?.seq ?? -1;
  if (!read.found) return [{ seq: lastSeq, position, problem: read.problem }];
  const { anchor } = read;
  const problems: ChainProblem[] = [];
  if (anchor.mac === undefined || anchor.mac !== key.mac(anchorText(anchor)))
    problems.push({
      seq: anchor.seq,
      position,
      problem: "the anchor is not signed with the audit key: written or edited without the key",
    });
  if (lastSeq < anchor.seq)
    problems.push({
      seq: anchor.seq,
      position,
      problem: `log ends at ${last?.seq ?? "nothing"} but the anchor says ${anchor.seq}: entries deleted from the end`,
    });
  else if (lastSeq === anchor.seq && (last?.hash ?? GENESIS_HASH) !== anchor.hash)
    problems.push({ seq: lastSeq, position, problem: "last entry does not match the anchor" });
  return problems;
}
