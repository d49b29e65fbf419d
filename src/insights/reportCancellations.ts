/**
 * Cancellations: asked for, confirmed, stayed; over time; by stated reason; by root-cause
 * department and chain (`rootCause.ts`), one attribution per leaver with its evidence.
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import { addDays, isoDate, toMillis } from "../domain/dates.js";
import { figure, Tally } from "./figures.js";
import {
  type ConversationView,
  confirmedViews,
  decisionBefore,
  type ReportInput,
  text,
} from "./reportInput.js";
import {
  type CancellationsSection,
  DEPARTMENTS,
  type LeaverAttribution,
  type PeriodFigure,
} from "./reportTypes.js";
import { attributeExit } from "./rootCause.js";

interface DecisionData {
  services?: { serviceId?: unknown }[];
  waivers?: { evidence?: { ref?: unknown }[] }[];
}

/** The stated reason of a conversation (`state.facts.reason`), `unknown` when none. */
export function statedReason(view: ConversationView): string {
  const facts = view.conversation?.state.facts as { reason?: unknown } | undefined;
  return typeof facts?.reason === "string" ? facts.reason : "unknown";
}

function leaverOf(view: ConversationView, confirmation: AuditEntry): LeaverAttribution {
  const decision = decisionBefore(view, confirmation.seq);
  const data = (decision?.data ?? {}) as DecisionData;
  const serviceIds = (data.services ?? [])
    .map((s) => s.serviceId)
    .filter((s): s is string => typeof s === "string");
  const honoured = new Set(
    (data.waivers ?? []).flatMap((w) =>
      (w.evidence ?? []).map((e) => e.ref).filter((r) => typeof r === "string"),
    ),
  ) as Set<string>;
  const reason = statedReason(view);
  const attribution = view.customer
    ? attributeExit(view.customer, {
        at: confirmation.at,
        ...(reason === "unknown" ? {} : { reason }),
        serviceIds,
        honoured,
      })
    : { rootCause: "unknown", chain: [], links: [] };
  const revision =
    text(confirmation, "policyRevision") ?? (decision ? text(decision, "policyRevision") : undefined);
  return {
    conversationId: view.id,
    customerId: view.conversation?.customerId ?? "unknown",
    confirmedAt: confirmation.at,
    statedReason: reason,
    ...attribution,
    ...(revision ? { policyRevision: revision } : {}),
  };
}

/** Monday of the ISO week of a date. */
const weekStart = (date: string): string => addDays(date, -((new Date(toMillis(date)).getUTCDay() + 6) % 7));
const monthStart = (date: string): string => `${date.slice(0, 7)}-01`;

function periods(from: string, to: string, leavers: LeaverAttribution[], startOf: (d: string) => string) {
  const tally = new Tally();
  const starts: string[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const s = startOf(d);
    if (starts.at(-1) !== s) starts.push(s);
  }
  // The UTC day, as the range is: an instant with an offset may fall on another calendar day.
  for (const l of leavers) tally.add(startOf(isoDate(toMillis(l.confirmedAt))), l.conversationId);
  return starts.map((start): PeriodFigure => ({ start, ...figure(tally.ids(start)) }));
}

export function cancellationsSection(input: ReportInput): CancellationsSection {
  const bot = [...input.conversations.values()].filter((v) => !v.assist);
  const started = bot.filter((v) => v.entries.some((e) => e.kind === "decision" && input.inRange(e.at)));
  const confirmed = confirmedViews(input);
  const stayed = bot.filter(
    (v) =>
      !v.entries.some((e) => e.kind === "confirmation" && e.data.answer === "yes") &&
      v.entries.some(
        (e) =>
          input.inRange(e.at) &&
          ((e.kind === "confirmation" && (e.data.answer === "no" || e.data.answer === "keep_service")) ||
            (e.kind === "offer_answer" && e.data.answer === "accepted")),
      ),
  );
  const leavers = confirmed.map((v) => leaverOf(v, v.confirmation));
  const byReason = new Tally();
  const byRoot = new Tally();
  const inChain = new Tally();
  const byChain = new Tally();
  for (const l of leavers) {
    byReason.add(l.statedReason, l.conversationId);
    byRoot.add(l.rootCause, l.conversationId);
    for (const d of l.chain) inChain.add(d, l.conversationId);
    byChain.add(l.chain.length > 0 ? l.chain.join(" > ") : "none", l.conversationId);
  }
  return {
    started: figure(started.map((v) => v.id)),
    confirmed: figure(leavers.map((l) => l.conversationId)),
    stayed: figure(stayed.map((v) => v.id)),
    overTime: {
      day: periods(input.from, input.to, leavers, (d) => d),
      week: periods(input.from, input.to, leavers, weekStart),
      month: periods(input.from, input.to, leavers, monthStart),
    },
    byStatedReason: byReason.figures(),
    byRootCause: byRoot.figures([...DEPARTMENTS, "none"]),
    byDepartmentInChain: inChain.figures(DEPARTMENTS),
    byChain: byChain.figures(),
    leavers,
  };
}
