/**
 * Farewell: the door stays open. One neutral question about future contact when the policy
 * allows win-back contact at all (default no, recorded as consent), then an optional
 * one-question exit survey tagged by cause.
 */
import { rewordable, verbatim } from "../botReply.js";
import { obligationMessage } from "../decisionInWords.js";
import type { StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";

export async function startFarewell(turn: TurnContext): Promise<StageResult> {
  const decision = turn.decision();
  const due = turn.pending("farewell").map(obligationMessage);
  if (decision.alumni.maxContacts > 0)
    return {
      replies: [
        ...due,
        rewordable(turn.words.consentQuestion, {
          suggestions: [turn.words.buttons.no, turn.words.buttons.yes],
        }),
      ],
      state: { stage: "farewell", expecting: "consent" },
    };
  const survey = askSurvey(turn);
  return { ...survey, replies: [...due, ...survey.replies] };
}

function askSurvey(turn: TurnContext): StageResult {
  return {
    replies: [rewordable(turn.words.surveyQuestion, { suggestions: [turn.words.buttons.skip] })],
    state: { stage: "survey", expecting: "survey" },
  };
}

/** The answer to the consent question or the survey; undefined in any other stage. */
export async function answerFarewell(turn: TurnContext): Promise<StageResult | undefined> {
  const { heard, state } = turn;
  if (state.stage === "farewell" && state.expecting === "consent") {
    const yes = heard.intents[0] === "yes";
    const survey = askSurvey(turn);
    return {
      replies: [
        verbatim(yes ? turn.words.consentRecordedYes : turn.words.consentRecordedNo),
        ...survey.replies,
      ],
      audit: [{ kind: "consent", data: { winBack: yes, channel: state.channel } }],
      state: { winBackConsent: yes, ...survey.state },
    };
  }
  if (state.stage === "survey") {
    const skipped = /^\s*(skip|no|nej|nein|hoppa över|überspringen)\b/i.test(turn.text);
    const cause = heard.surveyCause ?? heard.reason ?? "other";
    return {
      replies: [rewordable(turn.words.surveyThanks)],
      audit: skipped ? [] : [{ kind: "survey", data: { cause } }],
      state: { ...(skipped ? {} : { surveyCause: cause }), stage: "closed", expecting: "anything" },
    };
  }
  return undefined;
}
