/**
 * The report as rows, one per figure: section, figure, label, currency (money only), value
 * and the conversations behind it. What the CSV export writes; also a flat list to check a
 * report against.
 */
import type { Figure, LabelledFigure, MoneyFigure, Report } from "./reportTypes.js";

export interface ReportRow {
  section: string;
  figure: string;
  /** A reason, a department, a rule, a period start … ; empty for a figure without one. */
  label: string;
  /** ISO 4217 for money; empty otherwise. */
  currency: string;
  /** A count, an amount (major unit) or a share (0..1); empty when there is none (a share of nothing). */
  value: number | null;
  conversationIds: string[];
}

export function reportRows(r: Report): ReportRow[] {
  const rows: ReportRow[] = [];
  const count = (section: string, name: string, f: Figure, label = "") =>
    rows.push({
      section,
      figure: name,
      label,
      currency: "",
      value: f.count,
      conversationIds: f.conversationIds,
    });
  const labelled = (section: string, name: string, fs: readonly LabelledFigure[]) => {
    for (const f of fs) count(section, name, f, f.label);
  };
  const money = (section: string, name: string, ms: readonly MoneyFigure[], label = "") => {
    for (const m of ms)
      rows.push({
        section,
        figure: name,
        label,
        currency: m.currency,
        value: m.amount,
        conversationIds: m.conversationIds,
      });
  };
  const ratio = (section: string, name: string, value: number | null, ids: string[], label = "") =>
    rows.push({ section, figure: name, label, currency: "", value, conversationIds: ids });

  const c = r.cancellations;
  count("cancellations", "started", c.started);
  count("cancellations", "confirmed", c.confirmed);
  count("cancellations", "stayed", c.stayed);
  for (const [period, fs] of Object.entries(c.overTime))
    for (const f of fs) count("cancellations", `confirmed_per_${period}`, f, f.start);
  labelled("cancellations", "by_stated_reason", c.byStatedReason);
  labelled("cancellations", "by_root_cause", c.byRootCause);
  labelled("cancellations", "by_department_in_chain", c.byDepartmentInChain);
  labelled("cancellations", "by_chain", c.byChain);

  const p = r.policyKept;
  count("policy_kept", "confirmed_checked", p.disclosures.confirmed);
  count("policy_kept", "all_disclosed_before_confirmation", p.disclosures.allBeforeConfirmation);
  ratio("policy_kept", "disclosure_share", p.disclosures.share, p.disclosures.confirmed.conversationIds);
  for (const g of p.disclosures.gaps)
    rows.push({
      section: "policy_kept",
      figure: "disclosure_gap",
      label: g.obligationIds.join(" "),
      currency: "",
      value: g.obligationIds.length,
      conversationIds: [g.conversationId],
    });
  count("policy_kept", "bot_tone_findings", p.botToneFindings.total);
  labelled("policy_kept", "bot_tone_findings_by_category", p.botToneFindings.byCategory);
  count("policy_kept", "agent_tone_alerts", p.agentToneAlerts.total);
  labelled("policy_kept", "agent_tone_alerts_by_category", p.agentToneAlerts.byCategory);
  labelled("policy_kept", "agent_tone_alerts_by_agent", p.agentToneAlerts.byAgent);
  count("policy_kept", "contradictions_bot", p.contradictions.bot);
  count("policy_kept", "contradictions_agents", p.contradictions.agents);
  labelled("policy_kept", "contradictions_by_category", p.contradictions.byCategory);
  labelled("policy_kept", "customer_signals", p.customerSignals);

  const t = r.retention;
  count("retention", "offers_made", t.offersMade);
  count("retention", "offers_accepted", t.accepted);
  count("retention", "offers_declined", t.declined);
  count("retention", "offers_unclear", t.unclear);
  labelled("retention", "offers_by_rule", t.byRule);
  rows.push({
    section: "retention",
    figure: "over_allowance",
    label: "",
    currency: "",
    value: t.overAllowance.count,
    conversationIds: t.overAllowance.violations.map((v) => v.conversationId),
  });

  const m = r.money;
  for (const w of m.waiversByRule) {
    count("money", "waivers_by_rule", w, w.label);
    money("money", "waived_by_rule", w.amounts, w.label);
  }
  for (const g of m.waiversByGroup) {
    count("money", "waivers_by_group", g, g.label);
    money("money", "waived_by_group", g.amounts, g.label);
  }
  money("money", "waived_total", m.waivedTotal);
  money("money", "charged_total", m.chargedTotal);
  count("money", "dispute_refunds", m.refunds.disputes.count);
  money("money", "dispute_refunds_amount", m.refunds.disputes.amounts);
  count("money", "promotion_credits", m.refunds.promotions.count);
  count("money", "undisclosed_fee_waivers", m.refunds.undisclosedFees.count);
  money("money", "undisclosed_fee_waived_amount", m.refunds.undisclosedFees.amounts);

  count("handovers", "total", r.handovers.total);
  labelled("handovers", "by_reason", r.handovers.byReason);
  count("handovers", "after_cancellation", r.handovers.afterCancellation);

  for (const v of r.policyRevisions) {
    const s = "policy_revisions";
    count(s, "decisions", v.decisions, v.revision);
    count(s, "confirmed", v.confirmed, v.revision);
    count(s, "offers_made", v.offersMade, v.revision);
    count(s, "offers_accepted", v.offersAccepted, v.revision);
    count(s, "handovers", v.handovers, v.revision);
    money(s, "waived", v.waived, v.revision);
    money(s, "charged", v.charged, v.revision);
    ratio(s, "disclosure_share", v.disclosureShare, v.confirmed.conversationIds, v.revision);
  }
  return rows;
}
