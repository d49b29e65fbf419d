/**
 * When each service ends: the last matching `serviceEnd` rule gives the notice days and the
 * last day of service (default: today plus the notice). Without a matching rule the contract's
 * own notice applies.
 */

import { addDays, endOfDay } from "../domain/dates.js";
import type { CServiceEnd } from "./compiledPolicy.js";
import type { ServiceState } from "./decisionState.js";
import { evaluate, evaluateNumber, tested } from "./evaluate.js";
import { type TraceRecord, textRecord } from "./trace.js";

const DATE = /^\d{4}-\d{2}-\d{2}$/;
const NOT_CONSIDERED = "not considered: a later rule decides";

/** Sets `s.outcome.endDate`, `endsAt` and `noticeDays`. */
export function decideServiceEnd(
  rules: readonly CServiceEnd[],
  s: ServiceState,
  today: string,
  trace: TraceRecord[],
): void {
  const serviceId = s.service.id;
  let noticeDays = s.service.contract.noticeDays;
  let endDate: string | undefined;
  let decided = false;
  for (let i = rules.length - 1; i >= 0; i--) {
    const rule = rules[i]!;
    if (decided) {
      trace.push(textRecord(rule.id, "service_end", false, NOT_CONSIDERED, serviceId));
      continue;
    }
    const t = tested(trace, rule.id, "service_end", rule.when, s.vars, serviceId);
    if (!t.matched) continue;
    const days = evaluateNumber(rule.noticeDays, s.vars);
    if (!days.ok) {
      t.matched = false;
      t.notes = [days.error];
      continue;
    }
    let note = `notice ${days.value} days`;
    if (rule.endDate) {
      const d = evaluate(rule.endDate, s.vars);
      if (d.ok && typeof d.value === "string" && DATE.test(d.value)) endDate = d.value;
      else note += `; end date ignored (${d.ok ? `gave ${String(d.value)}` : d.error})`;
    }
    noticeDays = Math.max(0, Math.round(days.value));
    decided = true;
    t.notes = [note];
  }
  if (!decided)
    trace.push(
      textRecord(
        "(contract)",
        "service_end",
        true,
        `no serviceEnd rule applies: the contract's ${noticeDays} days' notice`,
        serviceId,
      ),
    );
  let end = endDate ?? addDays(today, noticeDays);
  if (end < today) {
    trace.push(
      textRecord("(engine)", "service_end", true, `end date ${end} is past: today instead`, serviceId),
    );
    end = today;
  }
  s.outcome.endDate = end;
  s.outcome.endsAt = endOfDay(end);
  s.outcome.noticeDays = noticeDays;
}
