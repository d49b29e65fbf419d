/**
 * The audit trail as a JSON Lines file: one entry per line, only ever appended (never
 * rewritten, unlike lowdb files). A small anchor file beside it holds the last sequence number
 * and hash, signed with the audit key, so deleting entries from the end is detected too.
 *
 * The chain is keyed, each entry naming its hash format (see src/audit/auditChain.ts). The key comes from the configuration; without one the
 * data folder's generated secret is used, and then the chain is only as safe as the folder.
 * A fresh log gets its anchor when it is created, so a missing anchor is never normal: it is a
 * problem `verify` reports. A log written before keyed chains is pinned, when first opened
 * for writing, by a keyed `chain_keyed` entry after its last entry.
 */
import { createReadStream } from "node:fs";
import { appendFile, readFile, rename, truncate, writeFile } from "node:fs/promises";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import {
  type Anchor,
  type AnchorRead,
  AuditKey,
  anchorFor,
  chain,
  checkHash,
  GENESIS_HASH,
  HASH_FORMAT,
  verifyChain,
} from "../../audit/auditChain.js";
import { AuditEntry, type AuditRecord, type ChainProblem } from "../../domain/auditEntry.js";
import { type AuditLog, StoreError } from "../../domain/ports.js";
import { dataFolderSecret, readDataFolderSecret } from "./dataFolderSecret.js";
import { sizeOf } from "./jsonLines.js";

export interface JsonlAuditLogOptions {
  /** The audit key; unset = the secret of the log's folder (created when writing, if missing). */
  key?: string;
  /** For `fairexit audit`: read and verify only, create and append nothing (the server may be running). */
  readOnly?: boolean;
  /** The time of the `chain_keyed` entry that pins an old log. */
  now?: () => Date;
}

async function readLines(
  file: string,
): Promise<{ exists: boolean; entries: AuditEntry[]; bad: ChainProblem[] }> {
  const entries: AuditEntry[] = [];
  const bad: ChainProblem[] = [];
  let position = 0;
  try {
    const lines = createInterface({
      input: createReadStream(file, "utf8"),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      position++;
      if (line.trim() === "") continue;
      try {
        const parsed = AuditEntry.safeParse(JSON.parse(line));
        if (parsed.success) entries.push(parsed.data);
        else
          bad.push({
            seq: -1,
            position,
            problem: `line ${position} is not an audit entry: ${parsed.error.issues[0]?.message}`,
          });
      } catch {
        bad.push({ seq: -1, position, problem: `line ${position} is not valid JSON` });
      }
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== "ENOENT") throw e;
    return { exists: false, entries, bad };
  }
  return { exists: true, entries, bad };
}

async function readAnchor(anchorFile: string): Promise<AnchorRead> {
  let text: string;
  try {
    text = await readFile(anchorFile, "utf8");
  } catch (e) {
    const missing = (e as NodeJS.ErrnoException).code === "ENOENT";
    return {
      found: false,
      problem: missing
        ? `the anchor ${anchorFile} is missing: the log's end cannot be checked (entries, or the whole log, deleted)`
        : `the anchor ${anchorFile} cannot be read: ${(e as Error).message}`,
    };
  }
  try {
    const a = JSON.parse(text) as Partial<Anchor>;
    if (Number.isInteger(a.seq) && typeof a.hash === "string")
      return {
        found: true,
        anchor: { seq: a.seq!, hash: a.hash, ...(typeof a.mac === "string" ? { mac: a.mac } : {}) },
      };
  } catch {
    // reported below
  }
  return { found: false, problem: `the anchor ${anchorFile} is not a valid anchor` };
}

/** The tail problem that makes appending unsafe: the log ends before (or differs from) its anchor. */
function tailProblem(last: AuditEntry | undefined, read: AnchorRead): string | undefined {
  if (!read.found) return undefined;
  const lastSeq = last?.seq ?? -1;
  if (lastSeq < read.anchor.seq)
    return `the log ends at ${last?.seq ?? "nothing"} but its anchor says ${read.anchor.seq}: entries deleted from the end`;
  if (lastSeq === read.anchor.seq && (last?.hash ?? GENESIS_HASH) !== read.anchor.hash)
    return "the last entry does not match the anchor";
  return undefined;
}

export class JsonlAuditLog implements AuditLog {
  private tail: Promise<unknown> = Promise.resolve();
  /** Where the log ends after the last complete append (this process is its only writer). */
  private size = 0;
  /** Set when a refused append could not be cut back yet: the length to cut the log to. */
  private cutBackTo: number | undefined;

  private constructor(
    private readonly file: string,
    private readonly key: AuditKey,
    private last: AuditEntry | undefined,
  ) {}

  static async open(file: string, options: JsonlAuditLogOptions = {}): Promise<JsonlAuditLog> {
    const secret =
      options.key ??
      (options.readOnly ? readDataFolderSecret(dirname(file)) : dataFolderSecret(dirname(file)));
    if (!secret)
      throw new StoreError(
        "not_found",
        `${file}: no audit key: set FAIREXIT_AUDIT_KEY (or FAIREXIT_SECRET) as the server has it; this data folder has no generated secret either`,
      );
    const key = new AuditKey(secret);
    const { exists, entries, bad } = await readLines(file);
    if (bad.length > 0) throw new StoreError("invalid_data", `${file}: ${bad[0]!.problem}`);
    const log = new JsonlAuditLog(file, key, entries.at(-1));
    if (options.readOnly) return log;
    const anchor = await readAnchor(log.anchorFile);
    if (entries.length === 0 && !anchor.found) {
      // A new log: created with its anchor, so that a missing anchor is never normal.
      if (!exists) await writeFile(file, "", { flag: "a" });
      await log.writeAnchor(log.last);
      log.size = await sizeOf(file);
      return log;
    }
    log.size = await sizeOf(file);
    const broken = anchor.found ? tailProblem(log.last, anchor) : anchor.problem;
    if (broken)
      throw new StoreError(
        "invalid_data",
        `${file}: ${broken}. The audit trail was tampered with or lost: restore audit.jsonl and its anchor from a backup (fairexit audit verify lists the problems)`,
      );
    const last = log.last;
    const hashed = last ? checkHash(last, key) : "keyed";
    if (typeof hashed === "object")
      throw new StoreError(
        "invalid_data",
        last?.v === undefined || last.v === HASH_FORMAT
          ? `${file}: the last entry is not hashed with this audit key: it was written with another FAIREXIT_AUDIT_KEY or FAIREXIT_SECRET (a folder that ran without either used the content of its "secret" file), or edited`
          : `${file}: the last entry: ${hashed.problem}`,
      );
    if (last && hashed === "plain") {
      const at = (options.now?.() ?? new Date()).toISOString();
      await log.append({ at, conversationId: "audit", kind: "chain_keyed", data: { legacyUntil: last.seq } });
    }
    return log;
  }

  private get anchorFile() {
    return `${this.file}.anchor.json`;
  }

  private async writeAnchor(last: AuditEntry | undefined): Promise<void> {
    await writeFile(`${this.anchorFile}.tmp`, JSON.stringify(anchorFor(last, this.key)));
    await rename(`${this.anchorFile}.tmp`, this.anchorFile);
  }

  /** Cuts off what a refused append left; throws (refusing the next append) while it cannot. */
  private async finishCutBack(): Promise<void> {
    if (this.cutBackTo === undefined) return;
    if ((await sizeOf(this.file)) > this.cutBackTo) await truncate(this.file, this.cutBackTo);
    this.cutBackTo = undefined;
  }

  async append(record: AuditRecord): Promise<AuditEntry> {
    const [entry] = await this.appendAll([record]);
    return entry!;
  }

  /** One append of all the lines, then the anchor moved to the last of them. */
  appendAll(records: readonly AuditRecord[]): Promise<AuditEntry[]> {
    const next = this.tail.then(async () => {
      if (records.length === 0) return [];
      const entries: AuditEntry[] = [];
      let last = this.last;
      for (const r of records) {
        last = chain(last, r, this.key);
        entries.push(last);
      }
      const text = entries.map((e) => `${JSON.stringify(e)}\n`).join("");
      await this.finishCutBack();
      // The lines and then the anchor, or neither: a disk that refuses either (full, read-only)
      // leaves the log and its anchor as they were, and the next append chains from there.
      try {
        await appendFile(this.file, text);
        await this.writeAnchor(last);
      } catch (e) {
        this.cutBackTo = this.size;
        await this.finishCutBack().catch(() => {});
        throw e;
      }
      this.size += Buffer.byteLength(text);
      this.last = last;
      return entries;
    });
    this.tail = next.catch(() => {});
    return next;
  }

  async read(filter: { conversationId?: string } = {}) {
    await this.tail;
    const { entries } = await readLines(this.file);
    return entries.filter(
      (e) => filter.conversationId === undefined || e.conversationId === filter.conversationId,
    );
  }

  /** The whole chain with the key, and its end against the signed anchor (missing = a problem). */
  async verify(): Promise<ChainProblem[]> {
    await this.tail;
    const { exists, entries, bad } = await readLines(this.file);
    const missing: ChainProblem[] = exists
      ? []
      : [{ seq: -1, position: 0, problem: `the log ${this.file} is missing` }];
    return [...missing, ...bad, ...verifyChain(entries, this.key, await readAnchor(this.anchorFile))];
  }
}
