/**
 * The do-not-contact list as files for marketing tools that only take files (`fairexit alumni
 * suppression`): every former customer who may not be contacted now, with the reason codes and
 * until when. Each row is the customer id and the email address, nothing more: the email is what
 * such tools match their audience on (docs/personal-data.md says why it leaves the system).
 */
import type { SuppressionRow } from "./alumniRegister.js";

export const SUPPRESSION_CSV_HEADER = "customer_id,email,reason,reasons,until";

/**
 * One CSV field: quoted when it holds a comma, quote or line break; a field a spreadsheet would
 * take for a formula (`=`, `+`, `-`, `@`, tab, return first) gets a leading apostrophe.
 */
export function csvField(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

/** RFC 4180 CSV with a header line; `reason` is the main reason, `reasons` all of them (`;`). */
export function suppressionCsv(rows: readonly SuppressionRow[]): string {
  const lines = rows.map((r) =>
    [r.customerId, r.email, r.reasons[0] ?? "", r.reasons.join(";"), r.until ?? ""].map(csvField).join(","),
  );
  return `${[SUPPRESSION_CSV_HEADER, ...lines].join("\r\n")}\r\n`;
}

/** The same rows as a JSON document (`until: null` = until consent changes). */
export function suppressionJson(rows: readonly SuppressionRow[], generatedAt: string): string {
  return `${JSON.stringify({ generatedAt, count: rows.length, rows }, null, 2)}\n`;
}
