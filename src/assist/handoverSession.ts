/**
 * A session opened by a bot hand-over: the whole conversation so far, the bot's decision and its
 * ledger. What the bot already said is ticked as "bot"; the customer's words give the facts the
 * bot's decision stands on, so it stands until the customer says something that changes them.
 */
import { isoString } from "../domain/dates.js";
import type { HandoverRecord } from "../domain/handover.js";
import { factsAfter } from "./customerFacts.js";
import { type AssistSession, newSession, TRANSCRIPT_LIMIT } from "./session.js";
import type { UtteranceRef } from "./view.js";

/** The assist session for `record`; its id is the bot conversation's id. */
export function sessionFromHandover(
  record: HandoverRecord,
  o: { now: Date; jurisdiction?: string },
): AssistSession {
  const s = newSession({
    sessionId: record.conversationId,
    source: "handover",
    ...(record.customerId ? { customerId: record.customerId } : {}),
    at: isoString(o.now),
  });
  const transcript: UtteranceRef[] = [];
  let facts = s.facts;
  record.transcript.forEach((line, i) => {
    if (line.speaker !== "customer" && line.speaker !== "bot" && line.speaker !== "agent") return;
    const ref: UtteranceRef = {
      utteranceId: `handover:${record.id}:${i}`,
      speaker: line.speaker === "customer" ? "customer" : "agent",
      text: line.text,
      at: line.at,
      final: true,
      ...(line.speaker === "bot" ? { bot: true } : {}),
    };
    transcript.push(ref);
    if (line.speaker === "customer") facts = factsAfter(facts, line.text, o.jurisdiction);
  });
  const discharged: AssistSession["discharged"] = {};
  for (const d of record.ledger.discharges) discharged[d.obligationId] = { kind: "bot", at: d.at };
  return {
    ...s,
    version: 1,
    transcript: transcript.slice(-TRANSCRIPT_LIMIT),
    facts,
    ledger: record.ledger,
    discharged,
    handover: {
      id: record.id,
      at: record.at,
      ...(record.decision ? { decision: record.decision } : {}),
      factsAtHandover: facts,
    },
  };
}
