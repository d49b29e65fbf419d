/**
 * Greet and identify: account number plus the postcode on the account. The bot never says
 * whether an account exists before both match; three failed tries hand over to a person.
 */
import { normalisePostcode } from "../../domain/customer.js";
import { phrase } from "../botReply.js";
import { phrases } from "../phrases.js";
import type { Turn } from "../turn.js";
import { startHandover } from "./handover.js";
import { startUnderstanding } from "./understand.js";

export const MAX_IDENTITY_TRIES = 3;

export async function identify(turn: Turn): Promise<void> {
  const { state, heard } = turn;
  if (heard.accountNumber) state.pendingAccountNumber = heard.accountNumber;
  const account = state.pendingAccountNumber;
  const postcode = state.expecting === "postcode" || account ? heard.postcode : undefined;

  if (!account) {
    state.expecting = "account_number";
    turn.say(phrase(phrases.askAccount));
    return;
  }
  if (!postcode) {
    state.expecting = "postcode";
    turn.say(phrase(phrases.askPostcode));
    return;
  }

  const customer = await turn.deps.store.customers.findByAccountNumber(account);
  const matches =
    customer !== undefined && normalisePostcode(customer.postcode) === normalisePostcode(postcode);
  state.pendingAccountNumber = undefined;
  if (!matches || !customer) {
    state.identityTries++;
    turn.record("handover", { step: "identity_failed", tries: state.identityTries });
    if (state.identityTries >= MAX_IDENTITY_TRIES) {
      await startHandover(turn, [
        { ruleId: "bot.identity", reason: "We couldn't verify your account here." },
      ]);
      return;
    }
    state.expecting = "account_number";
    turn.say(phrase(phrases.verifyFailed(MAX_IDENTITY_TRIES - state.identityTries)));
    return;
  }
  state.customerId = customer.id;
  turn.customer = customer;
  turn.say(phrase(phrases.verified(customer)));
  await startUnderstanding(turn);
}
