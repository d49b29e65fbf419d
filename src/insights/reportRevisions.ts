/**
 * The policy revision timeline: each revision seen in a decision of the range, first and last
 * seen, and the figures under it (a conversation counts under the revision of its decision
 * before the event), so a change in the figures can be tied to an edit of the policy.
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import { figure, MoneyTally, share } from "./figures.js";
import { handoverEntries } from "./reportHandovers.js";
import {
  type ConversationView,
  confirmedViews,
  decisionBefore,
  type ReportInput,
  text,
} from "./reportInput.js";
import { undisclosedAtConfirmation } from "./reportPolicyKept.js";
import type { RevisionFigures } from "./reportTypes.js";

interface Acc {
  firstSeen: string;
  lastSeen: string;
  decisions: string[];
  confirmed: string[];
  complete: number;
  offersMade: string[];
  offersAccepted: string[];
  handovers: string[];
  waived: MoneyTally;
  charged: MoneyTally;
}

export function revisionsSection(input: ReportInput): RevisionFigures[] {
  const byRevision = new Map<string, Acc>();
  const acc = (revision: string, at: string): Acc => {
    const a = byRevision.get(revision) ?? {
      firstSeen: at,
      lastSeen: at,
      decisions: [],
      confirmed: [],
      complete: 0,
      offersMade: [],
      offersAccepted: [],
      handovers: [],
      waived: new MoneyTally(),
      charged: new MoneyTally(),
    };
    if (at < a.firstSeen) a.firstSeen = at;
    if (at > a.lastSeen) a.lastSeen = at;
    byRevision.set(revision, a);
    return a;
  };
  const revisionAt = (view: ConversationView | undefined, e: AuditEntry): string | undefined => {
    const d = view ? decisionBefore(view, e.seq) : undefined;
    return text(e, "policyRevision") ?? (d ? text(d, "policyRevision") : undefined);
  };
  for (const e of input.entries) {
    if (e.kind !== "decision") continue;
    const revision = text(e, "policyRevision");
    if (revision) acc(revision, e.at).decisions.push(e.conversationId);
  }
  for (const e of input.entries) {
    const view = input.conversations.get(e.conversationId);
    if (e.kind === "offer" || (e.kind === "offer_answer" && e.data.answer === "accepted")) {
      const revision = revisionAt(view, e);
      if (!revision) continue;
      const a = acc(revision, e.at);
      (e.kind === "offer" ? a.offersMade : a.offersAccepted).push(e.conversationId);
    }
  }
  for (const e of handoverEntries(input)) {
    const revision = revisionAt(input.conversations.get(e.conversationId), e);
    if (revision) acc(revision, e.at).handovers.push(e.conversationId);
  }
  for (const v of confirmedViews(input)) {
    const revision = revisionAt(v, v.confirmation);
    if (!revision) continue;
    const a = acc(revision, v.confirmation.at);
    a.confirmed.push(v.id);
    if (undisclosedAtConfirmation(v, v.confirmation, input.obligationStage).length === 0) a.complete++;
    const decision = decisionBefore(v, v.confirmation.seq);
    const totals = (v.confirmation.data.totals ?? decision?.data.totals ?? []) as {
      currency?: unknown;
      amount?: unknown;
    }[];
    for (const t of totals)
      if (typeof t.currency === "string" && typeof t.amount === "number")
        a.charged.add(t.currency, t.amount, v.id);
    const fallback = typeof totals[0]?.currency === "string" ? totals[0].currency : "XXX";
    const waivers = (Array.isArray(decision?.data.waivers) ? decision.data.waivers : []) as {
      serviceId?: unknown;
      amount?: unknown;
    }[];
    for (const w of waivers) {
      const currency =
        v.customer?.services.find((s) => s.id === w.serviceId)?.currency ??
        v.customer?.billing.currency ??
        fallback;
      if (typeof w.amount === "number") a.waived.add(currency, w.amount, v.id);
    }
  }
  return [...byRevision.entries()]
    .sort(([, a], [, b]) => a.firstSeen.localeCompare(b.firstSeen))
    .map(([revision, a]) => ({
      revision,
      firstSeen: a.firstSeen,
      lastSeen: a.lastSeen,
      decisions: figure([...new Set(a.decisions)]),
      confirmed: figure(a.confirmed),
      offersMade: figure(a.offersMade),
      offersAccepted: figure(a.offersAccepted),
      handovers: figure(a.handovers),
      waived: a.waived.figures(),
      charged: a.charged.figures(),
      disclosureShare: share(a.complete, a.confirmed.length),
    }));
}
