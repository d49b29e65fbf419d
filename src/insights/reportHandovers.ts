/**
 * Hand-overs to a person and why: the bot's `handover` entries (one per hand-over id; a failed
 * identity check, filed under the same kind with `step`, is not a hand-over until the bot hands
 * over), by the rule that asked for a person.
 */
import { figure, Tally } from "./figures.js";
import { type ReportInput, text } from "./reportInput.js";
import type { HandoversSection } from "./reportTypes.js";

/** The hand-over entries of the range, one per hand-over id. */
export function handoverEntries(input: ReportInput) {
  const seen = new Set<string>();
  return input.entries.filter((e) => {
    const id = text(e, "handoverId");
    if (e.kind !== "handover" || e.data.assist !== undefined || !id || seen.has(id)) return false;
    seen.add(id);
    return true;
  });
}

export function handoversSection(input: ReportInput): HandoversSection {
  const entries = handoverEntries(input);
  const byReason = new Tally();
  for (const e of entries) {
    const reasons = Array.isArray(e.data.reasons) ? (e.data.reasons as { ruleId?: unknown }[]) : [];
    if (reasons.length === 0) byReason.add("unknown", e.conversationId);
    for (const r of reasons)
      byReason.add(typeof r.ruleId === "string" ? r.ruleId : "unknown", e.conversationId);
  }
  return {
    total: figure(entries.map((e) => e.conversationId)),
    byReason: byReason.figures(),
    afterCancellation: figure(
      entries.filter((e) => e.data.afterCancellation === true).map((e) => e.conversationId),
    ),
  };
}
