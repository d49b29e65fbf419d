/**
 * Farewell: the door stays open. One neutral question about future contact when the policy
 * allows win-back contact at all (default no, recorded as consent), then an optional
 * one-question exit survey tagged by cause.
 */
import { phrase, say } from "../botReply.js";
import { phrases } from "../phrases.js";
import type { Turn } from "../turn.js";
import { obligationMessage } from "./render.js";

export async function startFarewell(turn: Turn): Promise<void> {
  const { state } = turn;
  const decision = turn.decision();
  for (const o of turn.pending("farewell")) turn.say(obligationMessage(o));
  state.stage = "farewell";
  if (decision.alumni.maxContacts > 0) {
    state.expecting = "consent";
    turn.say(phrase(phrases.consentQuestion, { suggestions: ["No", "Yes"] }));
    return;
  }
  askSurvey(turn);
}

function askSurvey(turn: Turn): void {
  turn.state.stage = "survey";
  turn.state.expecting = "survey";
  turn.say(phrase(phrases.surveyQuestion, { suggestions: ["Skip"] }));
}

export async function answerFarewell(turn: Turn): Promise<boolean> {
  const { heard, state } = turn;
  if (state.stage === "farewell" && state.expecting === "consent") {
    const yes = heard.intents[0] === "yes";
    state.winBackConsent = yes;
    turn.record("consent", { winBack: yes, channel: state.channel });
    turn.say(say(yes ? phrases.consentRecordedYes : phrases.consentRecordedNo));
    askSurvey(turn);
    return true;
  }
  if (state.stage === "survey") {
    const skipped = /^\s*(skip|no|nej|nein|hoppa över|überspringen)\b/i.test(turn.text);
    const cause = heard.surveyCause ?? heard.reason ?? "other";
    if (!skipped) {
      state.surveyCause = cause;
      turn.record("survey", { cause });
    }
    state.stage = "closed";
    state.expecting = "anything";
    turn.say(phrase(phrases.surveyThanks));
    return true;
  }
  return false;
}
