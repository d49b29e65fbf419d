/**
 * What the LLM summary is asked with: the history that matters (from the customer's history
 * card, without care flags) and the final utterances of the call so far, with personal data
 * replaced by placeholders (the bot's redaction: e-mail, phone, account, card, postcode, and
 * the customer's names). The redactor comes back too, so the answer's placeholders can be put
 * back for the agent, who sees the account anyway.
 */
import type { LlmSummaryRequest } from "../domain/llm.js";
import { createRedactor, type Redactor } from "../guardrails/index.js";
import { historyCardOf } from "./historyCard.js";
import type { AssistSession } from "./session.js";
import { type AssistEnv, sessionDecision } from "./sessionDecision.js";
import { languageOfLocale, spokenLanguage } from "./wording/index.js";

/** At most this many utterances of the call are sent (the last ones). */
export const SUMMARY_TRANSCRIPT_LIMIT = 60;
/** At most this many pain points and contacts each. */
const EVENTS_LIMIT = 12;

export function summaryRequestOf(
  session: AssistSession,
  env: AssistEnv,
): { request: LlmSummaryRequest; redactor: Redactor } {
  const c = env.customer;
  const redactor = createRedactor({
    names: c ? [`${c.name.given} ${c.name.family}`, c.name.given, c.name.family] : [],
  });
  const history: string[] = [];
  if (c) {
    const card = env.historyFor?.(c, sessionDecision(session, env)) ?? historyCardOf(c, undefined, env.now);
    history.push(`Customer for ${card.tenure}.`);
    for (const s of card.services) history.push(`Service: ${s.kind}, ${s.plan} (${s.status}).`);
    for (const p of card.promises) history.push(`Promise on record (${p.at}): "${p.words}"`);
    for (const e of card.painPoints.slice(0, EVENTS_LIMIT))
      history.push(`${e.at.slice(0, 10)} ${e.silo ?? ""} ${e.kind}: ${e.summary}`.replace(/\s+/g, " "));
    for (const e of card.recentContacts.slice(0, EVENTS_LIMIT))
      history.push(`Contact ${e.at.slice(0, 10)} (${e.silo ?? e.kind}): ${e.summary}`);
    if (card.rootCause.length > 1) history.push(`Likely root-cause chain: ${card.rootCause.join(" -> ")}.`);
  }
  const transcript = session.transcript
    .filter((r) => r.final)
    .slice(-SUMMARY_TRANSCRIPT_LIMIT)
    .map((r) => ({
      speaker: r.bot ? ("bot" as const) : r.speaker,
      text: redactor.redact(r.text),
    }));
  return {
    request: {
      language: agentLanguage(session, c?.locale),
      history: history.map((line) => redactor.redact(line)),
      transcript,
    },
    redactor,
  };
}

/** The language the agent speaks on this call (their last words), else the customer's, else English. */
function agentLanguage(session: AssistSession, locale: string | undefined): string {
  const said = session.transcript.findLast((r) => r.speaker === "agent" && r.final && !r.bot);
  return (said && spokenLanguage(said.text, locale)) ?? languageOfLocale(locale) ?? "en";
}
