/**
 * Progress of a long import on stderr: a bar redrawn in place on a terminal, a line every
 * `every` rows otherwise (CI logs, files). Driven by row and byte counts only, no clock, so
 * the output is the same on every run.
 */

/** Where progress goes: `process.stderr`, or a test's fake. */
export interface ProgressSink {
  readonly isTTY?: boolean;
  write(text: string): unknown;
}

export interface Progress {
  update(rows: number, bytesRead: number): void;
  finish(rows: number): void;
}

export const noProgress: Progress = { update() {}, finish() {} };

export interface ProgressOptions {
  totalBytes: number;
  /** Non-terminal output: one line per this many rows (default 10,000). */
  every?: number;
  label?: string;
  width?: number;
}

const count = (n: number) => n.toLocaleString("en-US");

export function createProgress(sink: ProgressSink, options: ProgressOptions): Progress {
  const every = options.every ?? 10_000;
  const label = options.label ?? "import";
  const width = options.width ?? 30;
  const percentOf = (bytes: number) =>
    options.totalBytes > 0 ? Math.min(100, Math.floor((bytes / options.totalBytes) * 100)) : 100;

  if (sink.isTTY) {
    let shown = -1;
    let drawn = false;
    return {
      update(rows, bytesRead) {
        const percent = percentOf(bytesRead);
        if (percent === shown && rows % 1000 !== 0) return;
        shown = percent;
        drawn = true;
        const filled = Math.round((percent / 100) * width);
        const bar = `${"#".repeat(filled)}${"-".repeat(width - filled)}`;
        sink.write(`\r${label} [${bar}] ${String(percent).padStart(3)}%  ${count(rows)} rows`);
      },
      finish() {
        if (drawn) sink.write("\r\x1b[K");
      },
    };
  }

  let lines = 0;
  return {
    update(rows, bytesRead) {
      if (rows === 0 || rows % every !== 0) return;
      lines++;
      sink.write(`${label}: ${count(rows)} rows read (${percentOf(bytesRead)}%)\n`);
    },
    finish(rows) {
      if (lines > 0) sink.write(`${label}: ${count(rows)} rows read (done)\n`);
    },
  };
}
