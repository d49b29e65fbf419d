/**
 * The report as CSV (RFC 4180): a header, then one row per figure with the conversations
 * behind it (ids separated by spaces), so a spreadsheet can filter and drill down.
 */
import { reportRows } from "./reportRows.js";
import type { Report } from "./reportTypes.js";

const HEADER = ["section", "figure", "label", "currency", "value", "conversation_ids"];

/** Quotes a field when it holds a comma, a quote or a line break; a leading = + - @ is defused. */
function field(value: string): string {
  const safe = /^[=+\-@]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

const number = (n: number | null): string => (n === null ? "" : String(Math.round(n * 10_000) / 10_000));

export function reportCsv(report: Report): string {
  const lines = [HEADER.join(",")];
  for (const r of reportRows(report))
    lines.push(
      [r.section, r.figure, r.label, r.currency, number(r.value), r.conversationIds.join(" ")]
        .map((v, i) => (i === 4 ? v : field(v)))
        .join(","),
    );
  return `${lines.join("\r\n")}\r\n`;
}
