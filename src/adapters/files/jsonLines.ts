/**
 * Append-only JSON Lines files: one record per line, validated with zod when read; appends
 * are serialised so lines never interleave. Used where history must never be rewritten
 * (outbox events, operation journals).
 *
 * A torn tail (the process died, or the power went, in the middle of an append: a last line
 * with no newline that is not valid JSON) is a write that never completed. Readers skip it;
 * the appender, before its first append, moves it to `<file>.torn` and cuts it off, so the
 * next record starts on a line of its own. Any other bad line is an error naming its number.
 *
 * An append the disk refuses half-way (full, read-only) is cut back to where the file ended
 * before it, at once or, when the disk refuses that too, before the next append: a record
 * is in the file whole or not at all, and the next one never lands behind a torn line.
 */
import { createReadStream } from "node:fs";
import { appendFile, open, stat, truncate } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { StoreError } from "../../domain/ports.js";
import { formatPath } from "../../domain/validation.js";

/** Reads every line of `file` (none when it does not exist); a bad line fails naming its number. */
export async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  const torn = await tornTail(file);
  if (torn?.from === 0) return out;
  let n = 0;
  try {
    const lines = createInterface({
      input: createReadStream(file, { encoding: "utf8", ...(torn ? { end: torn.from - 1 } : {}) }),
      crlfDelay: Number.POSITIVE_INFINITY,
    });
    for await (const line of lines) {
      n++;
      if (line.trim() === "") continue;
      let json: unknown;
      try {
        json = JSON.parse(line);
      } catch {
        throw new StoreError("invalid_data", `${file}: line ${n}: not valid JSON`);
      }
      const r = schema.safeParse(json);
      if (!r.success) {
        const i = r.error.issues[0]!;
        throw new StoreError("invalid_data", `${file}: line ${n}: ${formatPath(i.path)}: ${i.message}`);
      }
      out.push(r.data);
    }
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return out;
    throw e;
  }
  return out;
}

/** Where an interrupted last append starts, and its bytes; undefined when the file ends cleanly. */
export async function tornTail(file: string): Promise<{ from: number; bytes: Buffer } | undefined> {
  let handle: Awaited<ReturnType<typeof open>>;
  try {
    handle = await open(file, "r");
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw e;
  }
  try {
    const { size } = await handle.stat();
    if (size === 0) return undefined;
    // Look back for the last newline, a block at a time (a record is rarely longer than a few KB).
    let end = size;
    const chunks: Buffer[] = [];
    while (end > 0) {
      const start = Math.max(0, end - 64 * 1024);
      const block = Buffer.alloc(end - start);
      await handle.read(block, 0, block.length, start);
      if (end === size && block[block.length - 1] === 0x0a) return undefined;
      const newline = block.lastIndexOf(0x0a);
      if (newline >= 0) {
        chunks.unshift(block.subarray(newline + 1));
        return tornIfInvalid(start + newline + 1, Buffer.concat(chunks));
      }
      chunks.unshift(block);
      end = start;
    }
    return tornIfInvalid(0, Buffer.concat(chunks));
  } finally {
    await handle.close();
  }
}

function tornIfInvalid(from: number, bytes: Buffer): { from: number; bytes: Buffer } | undefined {
  try {
    JSON.parse(bytes.toString("utf8"));
    return undefined; // a complete record whose newline did not make it: keep it
  } catch {
    return { from, bytes };
  }
}

export class JsonLinesAppender {
  private tail: Promise<unknown>;
  /** Where the file ends after the last complete append (this process is its only writer). */
  private size = 0;
  /** Set when a failed append could not be cut back yet: the length to cut the file to. */
  private cutBackTo: number | undefined;

  constructor(readonly file: string) {
    this.tail = this.cutTornTail().then(async () => {
      this.size = await sizeOf(file);
    });
  }

  append(record: unknown): Promise<void> {
    const next = this.tail.then(() => this.appendText(`${JSON.stringify(record)}\n`));
    this.tail = next.catch(() => {});
    return next;
  }

  private async appendText(text: string): Promise<void> {
    await this.finishCutBack();
    try {
      await appendFile(this.file, text);
    } catch (e) {
      this.cutBackTo = this.size;
      await this.finishCutBack().catch(() => {});
      throw e;
    }
    this.size += Buffer.byteLength(text);
  }

  /** Cuts off what a refused append left; throws (refusing the next append) while it cannot. */
  private async finishCutBack(): Promise<void> {
    if (this.cutBackTo === undefined) return;
    if ((await sizeOf(this.file)) > this.cutBackTo) await truncate(this.file, this.cutBackTo);
    this.cutBackTo = undefined;
  }

  /** Before the first append: an interrupted last write is kept aside in `<file>.torn` and cut off. */
  private async cutTornTail(): Promise<void> {
    const torn = await tornTail(this.file);
    if (torn) {
      await appendFile(`${this.file}.torn`, Buffer.concat([torn.bytes, Buffer.from("\n")]));
      const handle = await open(this.file, "r+");
      try {
        await handle.truncate(torn.from);
      } finally {
        await handle.close();
      }
      return;
    }
    // A complete last record without its newline: finish the line.
    const handle = await open(this.file, "r+").catch((e: NodeJS.ErrnoException) => {
      if (e.code === "ENOENT") return undefined;
      throw e;
    });
    if (!handle) return;
    try {
      const { size } = await handle.stat();
      if (size === 0) return;
      const last = Buffer.alloc(1);
      await handle.read(last, 0, 1, size - 1);
      if (last[0] !== 0x0a) await handle.write("\n", size);
    } finally {
      await handle.close();
    }
  }
}

/** The length of `file` in bytes; 0 when it does not exist. */
export async function sizeOf(file: string): Promise<number> {
  try {
    return (await stat(file)).size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === "ENOENT") return 0;
    throw e;
  }
}
