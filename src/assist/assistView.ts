/**
 * The view of one session: a pure function of the session (its utterances and the agent's own
 * actions, as accumulated by `hearUtterance`), the customer, the policy and `now`.
 *
 * - checklist: the decision's obligations, in the order the conversation needs them, each with
 *   whether and how it was discharged (the agent's words, the bot before the hand-over, a hand tick);
 * - alerts: raised on final utterances, then the provisional ones of partials still being spoken;
 * - next: what to say next (the policy's own messages for the first open items, at most 3);
 * - history: the customer's card;
 * - summary: the LLM's summary, when one was made (llmFollowUps.ts).
 */
import type { Decision, Obligation } from "../domain/decision.js";
import { STAGES } from "../guardrails/index.js";
import { openBeforeExecute } from "./hearUtterance.js";
import { historyCardOf } from "./historyCard.js";
import type { AssistSession } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import type { Alert, AssistView, ChecklistItem, Suggestion } from "./view.js";

/** At most this many suggestions of what to say next. */
export const NEXT_LIMIT = 3;

const byStage = (a: Obligation, b: Obligation) => STAGES.indexOf(a.before) - STAGES.indexOf(b.before);

/** The decision's obligations, stable-sorted by the stage they are due before. */
function ordered(decision: Decision): Obligation[] {
  return decision.obligations.slice().sort(byStage);
}

function checklistOf(session: AssistSession, decision: Decision): ChecklistItem[] {
  return ordered(decision).map((o) => {
    const by = session.discharged[o.id];
    return {
      obligationId: o.id,
      ruleId: o.ruleId,
      topic: o.topic,
      say: o.message,
      before: o.before,
      ...(o.citation ? { citation: o.citation } : {}),
      status: by ? "discharged" : "open",
      ...(by ? { dischargedBy: by } : {}),
    };
  });
}

/** The question that asks for the go-ahead once everything due before it is said. */
export const CONFIRM_QUESTION =
  "That's everything you need to know before we go ahead. Shall I cancel it now?";

function nextOf(session: AssistSession, decision: Decision): Suggestion[] {
  const before = openBeforeExecute(session, decision).sort(byStage);
  if (before.length > 0) return before.slice(0, NEXT_LIMIT).map((o) => ({ for: o.id, text: o.message }));
  const after = ordered(decision).filter((o) => session.discharged[o.id] === undefined);
  return [
    { for: "confirm", text: CONFIRM_QUESTION },
    ...after.map((o) => ({ for: o.id, text: o.message })),
  ].slice(0, NEXT_LIMIT);
}

function alertsOf(session: AssistSession): Alert[] {
  const dismissed = new Set(session.dismissed);
  const ids = new Set(session.alerts.map((a) => a.id));
  const all = [...session.alerts];
  for (const list of Object.values(session.provisional))
    for (const a of list) if (!ids.has(a.id)) all.push(a);
  return all.map((a) => (dismissed.has(a.id) ? { ...a, dismissed: true } : a));
}

export function assistView(session: AssistSession, env: AssistEnv): AssistView {
  const decision = sessionDecision(session, env);
  const ended = session.status === "ended";
  return {
    sessionId: session.sessionId,
    version: session.version,
    updatedAt: session.updatedAt,
    status: session.status,
    ...(session.customerId ? { customerId: session.customerId } : {}),
    ...(session.agents.length > 0 ? { agents: session.agents } : {}),
    transcript: session.transcript,
    checklist: decision ? checklistOf(session, decision) : [],
    alerts: alertsOf(session),
    next: decision && !ended ? nextOf(session, decision) : [],
    ...(env.customer
      ? {
          history: env.historyFor?.(env.customer, decision) ?? historyCardOf(env.customer, decision, env.now),
        }
      : {}),
    ...(session.summary ? { summary: session.summary } : {}),
  };
}
