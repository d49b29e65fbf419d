/**
 * A decision in plain words, for supervisors (`fairexit policy explain`) and for logs a
 * person reads: what the customer owes and why, what must be said and done, whether an offer
 * or a hand-off is due, and (on request) every rule considered.
 */

import { longDate } from "../domain/dates.js";
import type { Decision } from "../domain/decision.js";
import { formatMoney, formatTotals } from "../domain/money.js";
import { packsOf } from "./trace.js";

export interface ExplainOptions {
  /** Include every rule considered (default false). */
  trace?: boolean;
  /** Include rules that did not apply in the trace (default false: only what applied). */
  all?: boolean;
}

const STAGES = ["review", "offer", "confirm", "execute", "receipt", "farewell"] as const;

export function explainDecision(d: Decision, options: ExplainOptions = {}): string {
  const lines: string[] = [];
  const push = (s = "") => lines.push(s);
  push(`Decision for ${d.customerId} at ${d.decidedAt}, policy ${d.policyRevision}`);
  push(`Packs: ${packsOf(d).join(", ") || "(none)"}`);
  push();
  if (d.services.length === 0) push("No service is being ended.");
  for (const s of d.services) {
    const notice = s.noticeDays === 1 ? "1 day's notice" : `${s.noticeDays} days' notice`;
    push(`${s.serviceId} (${s.serviceKind}): ends ${longDate(s.endDate)} (${notice})`);
    for (const f of s.fees)
      push(`  fee     ${formatMoney(f.amount, f.currency).padStart(12)}  ${f.explanation}  [${f.ruleId}]`);
    for (const w of s.waivers) {
      push(`  waived  ${formatMoney(-w.amountWaived, w.currency).padStart(12)}  ${w.reason}  [${w.ruleId}]`);
      for (const e of w.evidence)
        push(`            evidence: ${e.kind} ${e.ref}${e.note ? ` (${e.note})` : ""}`);
    }
    push(`  due     ${formatMoney(s.totalDue, s.currency).padStart(12)}`);
  }
  push(`Total due on leaving: ${formatTotals(d.totals)}`);
  push();
  push("Must be said:");
  for (const stage of STAGES) {
    for (const o of d.obligations.filter((x) => x.before === stage))
      push(`  before ${stage}: ${o.message}  [${o.id}]${o.citation ? ` (${o.citation})` : ""}`);
  }
  push();
  push("On confirmation:");
  for (const a of d.actions)
    push(
      `  ${a.kind}${a.at ? ` at ${a.at}` : ""}${a.serviceId ? ` for ${a.serviceId}` : ""}  key ${a.idempotencyKey}  [${a.ruleId}]`,
    );
  push();
  const r = d.retention;
  if (r.allowed) {
    push(`Retention: up to ${r.remaining} offer${r.remaining === 1 ? "" : "s"} may be made:`);
    for (const o of r.offers) push(`  ${o.text}  [${o.id}]`);
  } else push(`Retention: no offer. ${r.blockedBy.map((b) => `${b.reason} [${b.ruleId}]`).join(" ")}`);
  if (d.escalation.required) {
    push("A person takes over:");
    for (const e of d.escalation.reasons) push(`  ${e.reason}  [${e.ruleId}]`);
  } else push("No hand-off needed (a person is always available on request).");
  const a = d.alumni;
  push(
    a.contactAllowed
      ? `After leaving: up to ${a.maxContacts} contacts, after ${a.quietDays} quiet days. ${a.reason}`
      : `After leaving: no contact. ${a.reason}`,
  );
  push(
    d.rootCause.chain.length > 0
      ? `Root cause (departments that failed the customer, in order): ${d.rootCause.chain.join(" -> ")}`
      : "Root cause: no department failed the customer on record.",
  );
  if (options.trace) {
    push();
    push("Trace:");
    for (const t of d.trace) {
      if (!t.matched && !options.all) continue;
      push(
        `  ${t.matched ? "✓" : "·"} ${t.kind.padEnd(11)} ${t.ruleId}${t.serviceId ? ` (${t.serviceId})` : ""}: ${t.why}`,
      );
    }
  }
  return `${lines.join("\n")}\n`;
}
