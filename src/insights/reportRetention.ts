/**
 * Retention: offers made, accepted, declined, by offer rule, and the check that no
 * conversation heard more offers than its decision allowed (there should be none).
 */
import { figure, Tally } from "./figures.js";
import { type ConversationView, decisionBefore, type ReportInput, text } from "./reportInput.js";
import type { OfferViolation, RetentionSection } from "./reportTypes.js";

/** Offers made in a conversation against what the decision before the first one allowed. */
export function offerViolation(view: ConversationView): OfferViolation | undefined {
  const offers = view.entries.filter((e) => e.kind === "offer");
  const first = offers[0];
  if (!first) return undefined;
  const decision = decisionBefore(view, first.seq);
  const retention = decision?.data.retention as { allowed?: unknown; remaining?: unknown } | undefined;
  const allowed =
    retention?.allowed === true && typeof retention.remaining === "number" ? retention.remaining : 0;
  if (offers.length <= allowed) return undefined;
  const reason = !decision
    ? "an offer was made before any decision"
    : retention?.allowed !== true
      ? "the decision allowed no offer"
      : `the decision allowed ${allowed} offer${allowed === 1 ? "" : "s"}`;
  return { conversationId: view.id, offersMade: offers.length, allowed, reason };
}

export function retentionSection(input: ReportInput): RetentionSection {
  const made: string[] = [];
  const answers = new Tally();
  const byRule = new Tally();
  for (const e of input.entries) {
    if (e.conversationId.startsWith("assist:")) continue;
    if (e.kind === "offer") {
      made.push(e.conversationId);
      byRule.add(text(e, "ruleId") ?? "unknown", e.conversationId);
    } else if (e.kind === "offer_answer") answers.add(text(e, "answer") ?? "unclear", e.conversationId);
  }
  const violations = [...input.conversations.values()]
    .filter((v) => !v.assist && v.entries.some((e) => e.kind === "offer" && input.inRange(e.at)))
    .map(offerViolation)
    .filter((v): v is OfferViolation => v !== undefined)
    .sort((a, b) => a.conversationId.localeCompare(b.conversationId));
  return {
    offersMade: figure(made),
    accepted: figure(answers.ids("accepted")),
    declined: figure(answers.ids("declined")),
    unclear: figure(answers.ids("unclear")),
    byRule: byRule.figures(),
    overAllowance: { count: violations.length, violations },
  };
}
