/** How `fairexit at-risk` writes its list and its backtest: Markdown, CSV or JSON. */
import type { CustomerRisk } from "../../insights/atRisk.js";
import type { BacktestResult } from "../../insights/atRiskBacktest.js";
import { BANDS } from "../../insights/atRiskWeights.js";

export type Format = "md" | "csv" | "json";

const csvCell = (v: string | number) => {
  const s = String(v);
  return /[",\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
};
const pct = (v: number | null) => (v === null ? "n/a" : `${Math.round(v * 1000) / 10}%`);

/** The list of customers at risk, each with the points that make the score. */
export function formatAtRisk(
  list: readonly CustomerRisk[],
  format: Format,
  asOf: string,
  minScore: number,
): string {
  if (format === "json")
    return `${JSON.stringify({ asOf, minScore, bands: BANDS, customers: list }, null, 2)}\n`;
  if (format === "csv") {
    const rows = [
      ["customer_id", "account_number", "score", "band", "signal", "points", "weight", "on", "ids", "detail"],
    ];
    for (const r of list)
      for (const p of r.points)
        rows.push([
          r.customerId,
          r.accountNumber,
          String(r.score),
          r.band,
          p.signal,
          String(p.points),
          p.weight,
          p.on,
          p.ids.join(" "),
          p.detail,
        ]);
    return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
  }
  const inBand = (band: string) => list.filter((r) => r.band === band).length;
  const lines = [
    `# Customers at risk as of ${asOf}`,
    "",
    `${list.length} customer(s) scoring ${minScore} or more: ${inBand("urgent")} urgent, ${inBand("at_risk")} at risk, ${inBand("watch")} watch (bands: watch ${BANDS.watch}+, at risk ${BANDS.at_risk}+, urgent ${BANDS.urgent}+).`,
  ];

  for (const r of list) {
    lines.push(
      "",
      `## ${r.customerId} (account ${r.accountNumber}): ${r.score} points, ${r.band.replace("_", " ")}`,
      "",
    );
    lines.push("| points | signal | when | records | what | why |", "|---:|---|---|---|---|---|");
    for (const p of r.points)
      lines.push(
        `| ${p.points} | ${p.signal} | ${p.on} (${p.weight}) | ${p.ids.join(", ")} | ${p.detail} | ${p.why} |`,
      );
    if (r.notCounted > 0) lines.push("", `${r.notCounted} older or capped event(s) not counted.`);
  }
  return `${lines.join("\n")}\n`;
}

/** The backtest: recall and precision by lead time, how early, and each leaver. */
export function formatBacktest(b: BacktestResult, format: Format): string {
  if (format === "json") return `${JSON.stringify(b, null, 2)}\n`;
  if (format === "csv") {
    const rows = [
      ["lead_days", "leavers", "flagged_leavers", "recall", "stayers", "flagged_stayers", "precision"],
    ];
    for (const l of b.byLead)
      rows.push(
        [
          l.leadDays,
          l.leavers,
          l.flaggedLeavers,
          l.recall ?? "",
          l.stayers,
          l.flaggedStayers,
          l.precision ?? "",
        ].map(String),
      );
    return `${rows.map((row) => row.map(csvCell).join(",")).join("\n")}\n`;
  }
  const lines = [
    `# At-risk backtest (threshold ${b.threshold}, data up to ${b.end.slice(0, 10)})`,
    "",
    "Leavers scored N days before they asked to cancel, from what was known then; stayers N days before the end of the data.",
    "",
    "| days before | leavers flagged | recall | stayers flagged (false alarms) | precision |",
    "|---:|---:|---:|---:|---:|",
    ...b.byLead.map(
      (l) =>
        `| ${l.leadDays} | ${l.flaggedLeavers} of ${l.leavers} | ${pct(l.recall)} | ${l.flaggedStayers} of ${l.stayers} | ${pct(l.precision)} |`,
    ),
    "",
    `${b.flaggedBeforeLeaving} of ${b.leavers} leavers were flagged at some point in the year before leaving; median lead time ${
      b.medianLeadDays === null ? "n/a" : `${b.medianLeadDays} days`
    }.`,
  ];
  return `${lines.join("\n")}\n`;
}
