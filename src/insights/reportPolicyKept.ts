/**
 * Was the policy kept: every required disclosure made before the customer confirmed, tone
 * the checker blocked in the bot's words and flagged in agents' speech, contradictions of the
 * decision caught, and what customers tried (signals).
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import type { Stage } from "../domain/decision.js";
import { figure, share, Tally } from "./figures.js";
import {
  type ConversationView,
  confirmedViews,
  decisionBefore,
  type ReportInput,
  text,
} from "./reportInput.js";
import type { DisclosureGap, PolicyKeptSection } from "./reportTypes.js";

/** Stages that come after the confirmation: an obligation due before them may be said after it. */
const AFTER_CONFIRMATION: ReadonlySet<Stage> = new Set<Stage>(["receipt", "farewell"]);

/** The obligations of the decision a confirmation was made under that were not disclosed before it. */
export function undisclosedAtConfirmation(
  view: ConversationView,
  confirmation: AuditEntry,
  stageOf: (obligationId: string) => Stage | undefined,
): string[] {
  const decision = decisionBefore(view, confirmation.seq);
  const obligations = Array.isArray(decision?.data.obligations)
    ? (decision.data.obligations as unknown[])
    : [];
  const disclosed = new Set(
    view.entries
      .filter((e) => e.kind === "disclosure" && e.seq < confirmation.seq)
      .map((e) => text(e, "obligationId")),
  );
  return obligations
    .filter((id): id is string => typeof id === "string")
    .filter((id) => {
      const stage = stageOf(id);
      return !(stage && AFTER_CONFIRMATION.has(stage)) && !disclosed.has(id);
    });
}

interface FindingData {
  category?: unknown;
  ruleId?: unknown;
}

/** A tone rule id is `tone.<category>.<pattern>`: its category. */
const toneCategory = (ruleId: string): string => ruleId.split(".")[1] ?? ruleId;

/** An alert's contradiction rule is `contradiction.<category>` or the decision rule contradicted. */
const contradictionCategory = (ruleId: string): string =>
  ruleId.startsWith("contradiction.") ? ruleId.slice("contradiction.".length) : ruleId;

/** An agent assist entry, also as logs written before the assist kinds existed filed it. */
const isAgentAlert = (e: AuditEntry) =>
  e.kind === "assist_alert" || (e.kind === "tone_finding" && e.data.assist === "alert");

export function policyKeptSection(input: ReportInput): PolicyKeptSection {
  const confirmed = confirmedViews(input);
  const gaps: DisclosureGap[] = [];
  const complete: string[] = [];
  for (const v of confirmed) {
    const missing = undisclosedAtConfirmation(v, v.confirmation, input.obligationStage);
    if (missing.length === 0) complete.push(v.id);
    else gaps.push({ conversationId: v.id, obligationIds: missing });
  }

  const botTone = new Tally();
  const botToneAll: string[] = [];
  const botContradictions: string[] = [];
  const agentTone = new Tally();
  const agentToneAll: string[] = [];
  const agentByAgent = new Tally();
  const agentContradictions: string[] = [];
  const contradictionCategories = new Tally();
  const signals = new Tally();
  for (const e of input.entries) {
    if (isAgentAlert(e)) {
      const ruleId = text(e, "ruleId") ?? "unknown";
      const kind = text(e, "kind");
      if (kind === "tone") {
        agentTone.add(toneCategory(ruleId), e.conversationId);
        agentByAgent.add(text(e, "agent") ?? "unknown", e.conversationId);
        agentToneAll.push(e.conversationId);
      } else if (kind === "contradiction" || kind === "offer") {
        agentContradictions.push(e.conversationId);
        contradictionCategories.add(
          kind === "offer" ? "extra_offer" : contradictionCategory(ruleId),
          e.conversationId,
        );
      }
    } else if (e.kind === "tone_finding") {
      const findings = Array.isArray(e.data.findings) ? (e.data.findings as FindingData[]) : [];
      for (const f of findings) {
        const ruleId = typeof f.ruleId === "string" ? f.ruleId : "unknown";
        const category = typeof f.category === "string" ? f.category : toneCategory(ruleId);
        if (ruleId.startsWith("tone.")) {
          botTone.add(category, e.conversationId);
          botToneAll.push(e.conversationId);
        } else {
          botContradictions.push(e.conversationId);
          contradictionCategories.add(category, e.conversationId);
        }
      }
    } else if (e.kind === "customer_signal") {
      signals.add(text(e, "signal") ?? "unknown", e.conversationId);
    }
  }
  return {
    disclosures: {
      confirmed: figure(confirmed.map((v) => v.id)),
      allBeforeConfirmation: figure(complete),
      share: share(complete.length, confirmed.length),
      gaps,
    },
    botToneFindings: { total: figure(botToneAll), byCategory: botTone.figures() },
    agentToneAlerts: {
      total: figure(agentToneAll),
      byCategory: agentTone.figures(),
      byAgent: agentByAgent.figures(),
    },
    contradictions: {
      bot: figure(botContradictions),
      agents: figure(agentContradictions),
      byCategory: contradictionCategories.figures(),
    },
    customerSignals: signals.figures(),
  };
}
