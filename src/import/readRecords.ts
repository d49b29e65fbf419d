/**
 * Streams the records of an export, one at a time, without reading the file whole:
 * CSV through csv-parse (header row -> column names), JSON arrays through stream-json.
 *
 * Row numbers: a CSV's header is row 1, so its first data row is row 2 (as a spreadsheet
 * shows it); a JSON array's first element is row 1.
 */
import { createReadStream } from "node:fs";
import { stat } from "node:fs/promises";
import { pipeline, type Readable } from "node:stream";
import { parse } from "csv-parse";
import pick from "stream-json/filters/pick.js";
import streamArray from "stream-json/streamers/stream-array.js";
import { ValidationError } from "../domain/validation.js";

export type ExportFormat = "csv" | "json";

export interface SourceRow {
  row: number;
  record: Record<string, unknown>;
  /** The row cannot be read as a record (wrong number of fields, not an object). */
  problem?: string;
}

export interface ReadOptions {
  csv?: { delimiter?: string; quote?: string; encoding?: "utf8" | "latin1" };
  /** JSON: dotted path of the array inside the document; the document itself by default. */
  jsonRecords?: string;
}

export interface RecordSource {
  rows: AsyncIterable<SourceRow>;
  /** Bytes read from the file so far. */
  bytesRead(): number;
  totalBytes: number;
  /** CSV: the header's column names (known once the first row is read). */
  header(): readonly string[] | undefined;
}

/** The format a file name implies, if any. */
export function formatOfFile(file: string): ExportFormat | undefined {
  const lower = file.toLowerCase();
  if (lower.endsWith(".csv")) return "csv";
  if (lower.endsWith(".json")) return "json";
  return undefined;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === "object" && v !== null && !Array.isArray(v);

interface CsvItem {
  record: Record<string, unknown>;
  info: { records: number; error?: { code?: string; record?: unknown[] } };
}

async function* csvRows(
  stream: Readable,
  file: string,
  header: () => readonly string[] | undefined,
): AsyncGenerator<SourceRow> {
  try {
    for await (const item of stream as AsyncIterable<CsvItem>) {
      const row = item.info.records + 1;
      const error = item.info.error;
      if (error?.code === "CSV_RECORD_INCONSISTENT_COLUMNS") {
        const fields = error.record?.length ?? Object.keys(item.record).length;
        const problem = `has ${fields} fields, the header has ${header()?.length ?? "a different number"}`;
        yield { row, record: item.record, problem };
      } else yield { row, record: item.record };
    }
  } catch (e) {
    const err = e as Error & { lines?: number };
    const where = err.lines === undefined ? "(file)" : `line ${err.lines}`;
    throw new ValidationError(file, [{ path: where, message: err.message }]);
  }
}

async function* jsonRows(stream: Readable, file: string): AsyncGenerator<SourceRow> {
  try {
    for await (const item of stream as AsyncIterable<{ key: number; value: unknown }>) {
      const row = item.key + 1;
      if (isRecord(item.value)) yield { row, record: item.value };
      else yield { row, record: {}, problem: `expected an object, got ${JSON.stringify(item.value)}` };
    }
  } catch (e) {
    throw new ValidationError(file, [
      { path: "(root)", message: `not a JSON array of records: ${(e as Error).message}` },
    ]);
  }
}

/** Opens `file` for streaming. Errors in the file's syntax surface as `ValidationError`s while iterating. */
export async function openRecords(
  file: string,
  format: ExportFormat,
  options: ReadOptions = {},
): Promise<RecordSource> {
  let totalBytes: number;
  try {
    totalBytes = (await stat(file)).size;
  } catch (e) {
    throw new ValidationError(file, [{ path: "(file)", message: (e as NodeJS.ErrnoException).message }]);
  }
  const source = createReadStream(file);
  const bytesRead = () => source.bytesRead;
  const ignore = () => {};

  if (format === "json") {
    const stages = options.jsonRecords
      ? [pick.withParserAsStream({ filter: options.jsonRecords }), streamArray.asStream()]
      : [streamArray.withParserAsStream()];
    const out = pipeline([source, ...stages], ignore) as unknown as Readable;
    return { rows: jsonRows(out, file), bytesRead, totalBytes, header: () => undefined };
  }

  let header: string[] | undefined;
  const parser = parse({
    bom: true,
    columns: (names: string[]) => {
      header = names.map((n) => n.trim());
      return header;
    },
    delimiter: options.csv?.delimiter ?? ",",
    quote: options.csv?.quote ?? '"',
    encoding: options.csv?.encoding ?? "utf8",
    skip_empty_lines: true,
    relax_column_count: true,
    info: true,
  });
  const out = pipeline(source, parser, ignore);
  return { rows: csvRows(out, file, () => header), bytesRead, totalBytes, header: () => header };
}
