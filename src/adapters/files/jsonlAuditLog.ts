/**
 * The audit trail as a JSON Lines file: one entry per line, only ever appended (never
 * rewritten, unlike lowdb files). A small anchor file beside it holds the last sequence number
 * and hash, so deleting entries from the end is detected too.
 */
import { createReadStream } from "node:fs";
import { appendFile, readFile, rename, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import {
  AuditEntry,
  type AuditRecord,
  type ChainProblem,
  chain,
  verifyChain,
} from "../../audit/auditEntry.js";
import { type AuditLog, StoreError } from "../../domain/ports.js";

interface Anchor {
  seq: number;
  hash: string;
}

async function readLines(file: string): Promise<{ entries: AuditEntry[]; bad: ChainProblem[] }> {
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
  }
  return { entries, bad };
}

export class JsonlAuditLog implements AuditLog {
  private tail: Promise<unknown> = Promise.resolve();

  private constructor(
    private readonly file: string,
    private last: AuditEntry | undefined,
  ) {}

  static async open(file: string): Promise<JsonlAuditLog> {
    const { entries, bad } = await readLines(file);
    if (bad.length > 0) throw new StoreError("invalid_data", `${file}: ${bad[0]!.problem}`);
    return new JsonlAuditLog(file, entries.at(-1));
  }

  private get anchorFile() {
    return `${this.file}.anchor.json`;
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
        last = chain(last, r);
        entries.push(last);
      }
      await appendFile(this.file, entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
      this.last = last;
      const anchor: Anchor = { seq: last!.seq, hash: last!.hash };
      await writeFile(`${this.anchorFile}.tmp`, JSON.stringify(anchor));
      await rename(`${this.anchorFile}.tmp`, this.anchorFile);
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

  async verify(): Promise<ChainProblem[]> {
    await this.tail;
    const { entries, bad } = await readLines(this.file);
    let anchor: Anchor | undefined;
    try {
      anchor = JSON.parse(await readFile(this.anchorFile, "utf8")) as Anchor;
    } catch {
      anchor = undefined;
    }
    return [...bad, ...verifyChain(entries, anchor)];
  }
}
