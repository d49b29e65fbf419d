/**
 * A draft checked before the agent says it (`/fairexit check <draft>`): the same alerts its
 * words would raise in the session (against its decision and ledger, and a confirmation while
 * items are open), or, without a session, the tone rules alone. Changes nothing.
 */
import { alertsFromFindings, findingsInSpeech, openObligationsAlert } from "./alerts.js";
import { openBeforeExecute } from "./hearUtterance.js";
import type { AssistSession } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import { isConfirmation } from "./speechActs.js";
import type { Alert, UtteranceRef } from "./view.js";
import { spokenLanguage } from "./wording/index.js";

export function draftAlerts(draft: string, session: AssistSession | undefined, env: AssistEnv): Alert[] {
  const ref: UtteranceRef = {
    utteranceId: "draft",
    speaker: "agent",
    text: draft,
    at: env.now.toISOString(),
    final: true,
  };
  const lang = spokenLanguage(draft, env.customer?.locale);
  if (!session)
    return alertsFromFindings(findingsInSpeech(env, draft, { lang, depth: "full" }), ref, {
      now: env.now,
    });
  const decision = sessionDecision(session, env);
  const findings = findingsInSpeech(env, draft, {
    decision,
    ledger: session.ledger,
    lang,
    depth: "full",
  });
  const alerts = alertsFromFindings(findings, ref, { decision, customer: env.customer, now: env.now });
  if (decision && isConfirmation(draft, env.customer?.locale)) {
    const open = openBeforeExecute(session, decision);
    if (open.length > 0) alerts.push(openObligationsAlert(open, ref));
  }
  return alerts;
}
