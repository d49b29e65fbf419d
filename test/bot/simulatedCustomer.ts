/**
 * A customer who answers whatever the bot asks, for benches and end-to-end runs: identifies,
 * names all services, gives a reason, says no to offers and yes to the confirmation.
 */
import type { BotTurn } from "../../src/bot/botReply.js";
import type { Customer } from "../../src/domain/customer.js";

export function nextLine(turn: BotTurn, customer: Customer): string | undefined {
  if (turn.stage === "closed" || turn.stage === "handover") return undefined;
  switch (turn.expecting) {
    case "account_number":
      return customer.accountNumber;
    case "postcode":
      return customer.postcode;
    case "services":
      return "all of them";
    case "reason":
      return "it's too expensive";
    case "new_postcode":
      return "962 31";
    case "keep_number":
      return "yes";
    case "offer":
      return "no thanks";
    case "confirm":
      return "yes";
    case "consent":
      return "no";
    case "survey":
      return "skip";
    default:
      return turn.stage === "review" ? "continue" : "I want to cancel";
  }
}
