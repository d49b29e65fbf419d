/**
 * A scripted customer for the demo history: plays one cancellation through the real
 * conversation engine, answering what the bot asks (account number, postcode, services,
 * reason, offers, the confirmation, the farewell questions). When the bot asks something it
 * has no answer for, or goes round in circles, it asks for a person and stops, and says so.
 */
import type { BotTurn } from "../../bot/botReply.js";
import type { ConversationEngine } from "../../bot/conversationEngine.js";
import type { Customer } from "../../domain/customer.js";

export type PlayOutcome = "cancelled" | "handed_over" | "stayed" | "unexpected";

export interface PlayResult {
  outcome: PlayOutcome;
  turns: number;
  /** For "unexpected": the stage and what the bot expected when the player gave up. */
  note?: string;
}

export interface PlayScript {
  /** What the customer says when asked why. */
  reason: string;
  /** Take the first retention offer. */
  acceptsOffer: boolean;
  /** Agrees to be contacted after leaving. */
  consentsToContact: boolean;
  /** Answer to the exit survey. */
  survey: string;
  /** Called before every message the customer sends (moves the demo clock on). */
  beforeMessage?: () => void;
}

const MAX_TURNS = 30;

/** What the scripted customer says next; undefined when the conversation is over. */
export function nextLine(turn: BotTurn, customer: Customer, script: PlayScript): string | undefined {
  if (turn.stage === "closed" || turn.stage === "handover") return undefined;
  switch (turn.expecting) {
    case "account_number":
      return customer.accountNumber;
    case "postcode":
      return customer.postcode;
    case "services":
      return "all of them";
    case "reason":
      return script.reason;
    case "new_postcode":
      return "BS6 5AB";
    case "keep_number":
      return "no, I don't need the number";
    case "offer":
      return script.acceptsOffer ? "I'll take the offer" : "no thanks";
    case "confirm":
      return "yes";
    case "consent":
      return script.consentsToContact ? "yes" : "no";
    case "survey":
      return script.survey;
    default:
      if (turn.stage === "identify" || turn.stage === "understand") return "I want to cancel";
      if (turn.stage === "review") return "continue";
      return undefined;
  }
}

/** Plays one cancellation conversation `conversationId` for `customer`. */
export async function playCancellation(
  engine: ConversationEngine,
  conversationId: string,
  customer: Customer,
  script: PlayScript,
): Promise<PlayResult> {
  const options = { channel: "demo" };
  let turn = await engine.start(conversationId, options);
  let confirmed = false;
  let seen = "";
  let repeats = 0;
  for (let turns = 1; turns <= MAX_TURNS; turns++) {
    if (turn.stage === "handover") return { outcome: "handed_over", turns };
    if (turn.stage === "closed") return { outcome: confirmed ? "cancelled" : "stayed", turns };
    const where = `${turn.stage}/${turn.expecting}`;
    repeats = where === seen ? repeats + 1 : 0;
    seen = where;
    const line = repeats >= 2 ? undefined : nextLine(turn, customer, script);
    if (line === undefined) {
      // Not a conversation the script knows: a person takes it from here.
      if (turn.stage === "receipt" && confirmed) return { outcome: "cancelled", turns };
      script.beforeMessage?.();
      await engine.receive(conversationId, "I'd like to talk to a person", options);
      return { outcome: "unexpected", turns, note: where };
    }
    script.beforeMessage?.();
    const confirming = turn.stage === "confirm" && line === "yes";
    turn = await engine.receive(conversationId, line, options);
    // The one explicit yes moved the conversation past the confirmation: it is cancelled.
    if (confirming && ["receipt", "farewell", "survey", "closed"].includes(turn.stage)) confirmed = true;
  }
  return { outcome: "unexpected", turns: MAX_TURNS, note: `more than ${MAX_TURNS} turns` };
}
