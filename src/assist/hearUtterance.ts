/**
 * The engine's step: a session and one utterance in, the next session out (pure; time comes in
 * with `env.now`). The customer's words update the facts and record declines; the agent's
 * partial words show provisional alerts; the agent's final words raise alerts, discharge what
 * they state and record offers.
 *
 * @example
 * const next = hearUtterance(session, utterance, env); // undefined: nothing changed (a repeated final)
 */
import { isoString } from "../domain/dates.js";
import type { Decision } from "../domain/decision.js";
import { maskTypedPersonalData } from "../domain/typedPersonalData.js";
import { discharge, hasDeclined, recordDecline, recordOffer, STAGES } from "../guardrails/index.js";
import {
  type AlertFacts,
  alertsFromFindings,
  findingsInSpeech,
  offerAfterDeclineAlert,
  openObligationsAlert,
} from "./alerts.js";
import { factsAfter } from "./customerFacts.js";
import { obligationsStatedIn } from "./obligationConcepts.js";
import { ALERT_LIMIT, type AssistSession, FINALS_LIMIT, TRANSCRIPT_LIMIT } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import { isConfirmation, isDecline, isOffer } from "./speechActs.js";
import type { AssistUtterance } from "./utterance.js";
import type { Alert, UtteranceRef } from "./view.js";
import { spokenLanguage } from "./wording/index.js";

const EXECUTE = STAGES.indexOf("execute");

export const refOf = (
  u: Pick<AssistUtterance, "utteranceId" | "speaker" | "text" | "at" | "final" | "agentId">,
): UtteranceRef => ({
  utteranceId: u.utteranceId,
  speaker: u.speaker,
  text: u.text,
  at: u.at,
  final: u.final,
  ...(u.speaker === "agent" && u.agentId ? { agentId: u.agentId } : {}),
});

/** The transcript with `ref` in place of its partial (or appended), bounded. */
function withUtterance(transcript: readonly UtteranceRef[], ref: UtteranceRef): UtteranceRef[] {
  const i = transcript.findLastIndex((r) => r.utteranceId === ref.utteranceId);
  const next = i >= 0 ? transcript.with(i, ref) : [...transcript, ref];
  return next.length > TRANSCRIPT_LIMIT ? next.slice(next.length - TRANSCRIPT_LIMIT) : next;
}

/** `alerts` plus those of `more` not already there (by id), bounded. */
export function withAlerts(alerts: readonly Alert[], more: readonly Alert[]): Alert[] {
  if (more.length === 0) return alerts as Alert[];
  const ids = new Set(alerts.map((a) => a.id));
  const next = [...alerts, ...more.filter((a) => !ids.has(a.id))];
  return next.length > ALERT_LIMIT ? next.slice(next.length - ALERT_LIMIT) : next;
}

/** Obligations due before "execute" that nothing discharged yet. */
export function openBeforeExecute(session: AssistSession, decision: Decision) {
  return decision.obligations.filter(
    (o) => STAGES.indexOf(o.before) <= EXECUTE && session.discharged[o.id] === undefined,
  );
}

/** The session after hearing `u`; undefined when `u` changes nothing (a repeated final, a late partial). */
export function hearUtterance(
  session: AssistSession,
  heard: AssistUtterance,
  env: AssistEnv,
): AssistSession | undefined {
  if (session.finals.includes(heard.utteranceId)) return undefined;
  // A card number, IBAN or identity number said on the call is never kept, shown or checked.
  const u = { ...heard, text: maskTypedPersonalData(heard.text) };
  const ref = refOf(u);
  const s: AssistSession = {
    ...session,
    transcript: withUtterance(session.transcript, ref),
    version: session.version + 1,
    updatedAt: isoString(env.now),
  };
  if (u.final) {
    const finals = [...s.finals, u.utteranceId];
    s.finals = finals.length > FINALS_LIMIT ? finals.slice(finals.length - FINALS_LIMIT) : finals;
  }
  if (u.speaker === "customer") return u.final ? heardCustomer(s, u, env) : s;
  return heardAgent(s, u, ref, env);
}

function heardCustomer(s: AssistSession, u: AssistUtterance, env: AssistEnv): AssistSession {
  const facts = factsAfter(s.facts, u.text, env.customer?.jurisdiction);
  let ledger = s.ledger;
  if (ledger.offers.length > ledger.declines.length && isDecline(u.text, env.customer?.locale))
    ledger = recordDecline(ledger, { messageId: u.utteranceId, at: u.at });
  return facts === s.facts && ledger === s.ledger ? s : { ...s, facts, ledger };
}

function heardAgent(s: AssistSession, u: AssistUtterance, ref: UtteranceRef, env: AssistEnv): AssistSession {
  const decision = sessionDecision(s, env);
  const facts: AlertFacts = { decision, customer: env.customer, now: env.now };
  // A final gets the full speech check; a partial (words still changing, many per utterance) the quick one.
  const findings = findingsInSpeech(env, u.text, {
    decision,
    ledger: s.ledger,
    lang: spokenLanguage(u.text, env.customer?.locale),
    depth: u.final ? "full" : "quick",
  });
  const alerts = alertsFromFindings(findings, ref, facts);
  const { [u.utteranceId]: _, ...provisional } = s.provisional;
  if (!u.final) {
    // A partial: its alerts are provisional; the final replaces them (same ids), nothing is discharged.
    return {
      ...s,
      provisional: alerts.length > 0 ? { ...provisional, [u.utteranceId]: alerts } : provisional,
    };
  }
  let ledger = s.ledger;
  if (isOffer(u.text, env.customer?.locale)) {
    if (hasDeclined(ledger) && !alerts.some((a) => a.kind === "offer"))
      alerts.push(offerAfterDeclineAlert(ref));
    ledger = recordOffer(ledger, { messageId: u.utteranceId, at: u.at });
  }
  let discharged = s.discharged;
  // Words that contradict the decision discharge nothing: the agent has to say it right.
  if (decision && !alerts.some((a) => a.kind === "contradiction")) {
    const said = obligationsStatedIn(
      decision,
      u.text,
      (id) => discharged[id] !== undefined,
      env.customer?.locale,
    );
    if (said.length > 0) {
      discharged = { ...discharged };
      for (const o of said) discharged[o.id] = { kind: "speech", utteranceId: u.utteranceId, at: u.at };
      ledger = discharge(
        ledger,
        said.map((o) => o.id),
        { messageId: u.utteranceId, at: u.at, text: u.text },
      );
    }
  }
  let next: AssistSession = { ...s, provisional, ledger, discharged };
  if (decision && isConfirmation(u.text, env.customer?.locale)) {
    const open = openBeforeExecute(next, decision);
    if (open.length > 0) alerts.push(openObligationsAlert(open, ref));
  }
  next = { ...next, alerts: withAlerts(s.alerts, alerts) };
  return next;
}

/**
 * The session once its customer is known (attached after the call began): the facts read again
 * from the customer's words in the transcript (a postcode's shape depends on the customer's
 * country); the agent's final words already heard checked again against the decision, so a
 * contradiction said before the account was known is raised now (on the utterance it was said
 * in, with the id it would have had); and what those words stated ticked, unless they
 * contradict the decision. Tone alerts raised before stay as they were.
 */
export function reconsidered(s: AssistSession, env: AssistEnv): AssistSession {
  let facts = s.facts;
  for (const r of s.transcript)
    if (r.speaker === "customer" && r.final) facts = factsAfter(facts, r.text, env.customer?.jurisdiction);
  let next: AssistSession = facts === s.facts ? s : { ...s, facts };
  const decision = sessionDecision(next, env);
  if (!decision) return next;
  const alertFacts: AlertFacts = { decision, customer: env.customer, now: env.now };
  const raised: Alert[] = [];
  for (const r of next.transcript) {
    if (r.speaker !== "agent" || !r.final || r.bot) continue;
    // Only contradictions are kept: the quick check finds the same ones.
    const findings = findingsInSpeech(env, r.text, {
      decision,
      ledger: next.ledger,
      depth: "quick",
    });
    const contradictions = alertsFromFindings(findings, r, alertFacts).filter(
      (a) => a.kind === "contradiction",
    );
    raised.push(...contradictions);
    if (contradictions.length > 0) continue;
    const said = obligationsStatedIn(
      decision,
      r.text,
      (id) => next.discharged[id] !== undefined,
      env.customer?.locale,
    );
    if (said.length === 0) continue;
    const discharged = { ...next.discharged };
    for (const o of said) discharged[o.id] = { kind: "speech", utteranceId: r.utteranceId, at: r.at };
    const ledger = discharge(
      next.ledger,
      said.map((o) => o.id),
      { messageId: r.utteranceId, at: r.at, text: r.text },
    );
    next = { ...next, discharged, ledger };
  }
  return raised.length > 0 ? { ...next, alerts: withAlerts(next.alerts, raised) } : next;
}
