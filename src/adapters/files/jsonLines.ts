/**
 * Append-only JSON Lines files: one record per line, validated with zod when read; appends
 * are serialised so lines never interleave. Used where history must never be rewritten
 * (outbox events, operation journals).
 */
import { createReadStream } from "node:fs";
import { appendFile } from "node:fs/promises";
import { createInterface } from "node:readline";
import type { z } from "zod";
import { StoreError } from "../../domain/ports.js";
import { formatPath } from "../../domain/validation.js";

/** Reads every line of `file` (none when it does not exist); a bad line fails naming its number. */
export async function readJsonLines<S extends z.ZodType>(file: string, schema: S): Promise<z.output<S>[]> {
  const out: z.output<S>[] = [];
  let n = 0;
  try {
    const lines = createInterface({
      input: createReadStream(file, "utf8"),
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

export class JsonLinesAppender {
  private tail: Promise<unknown> = Promise.resolve();
  constructor(readonly file: string) {}

  append(record: unknown): Promise<void> {
    const next = this.tail.then(() => appendFile(this.file, `${JSON.stringify(record)}\n`));
    this.tail = next.catch(() => {});
    return next;
  }
}
