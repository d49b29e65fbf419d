/**
 * The conversation flow in one table: each stage, what it expects from the customer, the
 * handler that answers a message in it, and the stages a turn that starts in it may end in
 * (besides staying). Read with the checks that run before every stage (./middleware.ts) and the
 * runner (./route.ts), which refuses a transition not listed here: the turn is handed to a
 * person and the mistake logged. docs/architecture.md shows this table (a test keeps the two
 * the same).
 */
import type { BotStage } from "./conversationState.js";
import type { StageResult } from "./stageResult.js";
import {
  afterwards,
  atConfirm,
  atFarewell,
  atHandover,
  atIdentify,
  atOffer,
  atReview,
  atUnderstand,
} from "./stages/answers.js";
import type { TurnContext } from "./turnContext.js";

export interface FlowStage {
  /** What the stage waits for from the customer, in one line. */
  expects: string;
  handler: (turn: TurnContext) => Promise<StageResult>;
  /** Where a turn that starts in this stage may leave the conversation (besides staying). */
  next: readonly BotStage[];
}

export const FLOW: Readonly<Record<BotStage, FlowStage>> = {
  identify: {
    expects: "the account number, then the postcode on the account",
    handler: atIdentify,
    next: ["understand", "review", "closed", "handover"],
  },
  understand: {
    expects: "what is missing: which services, the reason (optional), the new postcode, the number",
    handler: atUnderstand,
    next: ["review", "closed", "handover"],
  },
  review: {
    expects: 'questions about the decision, "continue" or "cancel it"',
    handler: atReview,
    next: ["offer", "confirm"],
  },
  offer: {
    expects: "yes or no to the offer",
    handler: atOffer,
    next: ["confirm", "closed"],
  },
  confirm: {
    expects: "the one explicit yes (or no)",
    handler: atConfirm,
    next: ["review", "receipt", "farewell", "survey", "closed"],
  },
  receipt: {
    expects: "nothing (the receipt was just given); questions are answered",
    handler: afterwards,
    next: ["understand", "review", "closed", "handover"],
  },
  farewell: {
    expects: "yes or no to contact after leaving",
    handler: atFarewell,
    next: ["survey"],
  },
  survey: {
    expects: 'the main reason for leaving, in a few words, or "skip"',
    handler: atFarewell,
    next: ["closed"],
  },
  closed: {
    expects: 'anything: questions, the receipt, or "cancel" again',
    handler: afterwards,
    next: ["understand", "review", "handover"],
  },
  handover: {
    expects: "nothing: a person takes over",
    handler: atHandover,
    next: [],
  },
};

/** True when a turn that started in `from` may end in `to`, answered by a check allowing `byChecks`. */
export function transitionAllowed(from: BotStage, to: BotStage, byChecks: readonly BotStage[] = []): boolean {
  return to === from || FLOW[from].next.includes(to) || byChecks.includes(to);
}
