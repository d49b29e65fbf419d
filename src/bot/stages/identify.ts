/**
 * Greet and identify: account number plus the postcode on the account. The bot never says
 * whether an account exists before both match; three failed tries hand over to a person.
 *
 * Guessing is limited per account number too, across conversations and restarts: after
 * MAX_ACCOUNT_FAILURES failed checks of one account number within ACCOUNT_WINDOW_MS, further
 * tries wait (counted from the audit trail, so a new conversation does not reset it). The
 * cool-down answers the same whether the account exists or not, and offers a person.
 */
import { normalisePostcode } from "../../domain/customer.js";
import { rewordable } from "../botReply.js";
import { chooseLanguage } from "../chooseLanguage.js";
import type { TurnContext } from "../turnContext.js";
import { startHandover } from "./handover.js";
import { startUnderstanding } from "./understand.js";

export const MAX_IDENTITY_TRIES = 3;
/** Failed checks of one account number, in any conversation, before tries wait. */
export const MAX_ACCOUNT_FAILURES = 5;
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

/** How failed checks are recorded in the audit trail (the account number masked as it is stored). */
const IDENTITY_FAILED = { kind: "handover", step: "identity_failed", field: "accountNumber" } as const;

export async function identify(turn: TurnContext): Promise<void> {
  const { state, heard } = turn;
  if (heard.accountNumber) state.pendingAccountNumber = heard.accountNumber;
  const account = state.pendingAccountNumber;
  // "169 57, we're moving to 962 31": the postcode they move to is never taken as the account's.
  const spoken =
    heard.postcode !== undefined && heard.postcode !== heard.newPostcode ? heard.postcode : undefined;
  const postcode = state.expecting === "postcode" || account ? spoken : undefined;

  if (!account) {
    state.expecting = "account_number";
    // "I want to cancel": the request is acknowledged, not only answered with a question.
    turn.say(
      rewordable(heard.intents.includes("cancel") ? turn.words.askAccountToCancel : turn.words.askAccount),
    );
    return;
  }
  if (!postcode) {
    state.expecting = "postcode";
    turn.say(
      rewordable(heard.intents.includes("cancel") ? turn.words.askPostcodeToCancel : turn.words.askPostcode),
    );
    return;
  }

  state.pendingAccountNumber = undefined;
  const since = new Date(turn.now.getTime() - ACCOUNT_WINDOW_MS);
  const attempt = await turn.deps.audit.beginAttempt(IDENTITY_FAILED, account, since);
  const failures = attempt.before;
  if (failures >= MAX_ACCOUNT_FAILURES) {
    attempt.release();
    // Not checked at all, so the answer is the same for an account that exists and one that does not.
    state.identityTries++;
    turn.record("identity_cooldown", {
      accountNumber: account,
      failures,
      windowMinutes: ACCOUNT_WINDOW_MS / 60_000,
    });
    if (state.identityTries >= MAX_IDENTITY_TRIES) {
      await startHandover(turn, [{ ruleId: "bot.identity", reason: turn.words.identityFailedReason }]);
      return;
    }
    state.expecting = "account_number";
    turn.say(
      rewordable(turn.words.coolDown(ACCOUNT_WINDOW_MS / 60_000), {
        suggestions: [turn.words.buttons.talkToPerson],
      }),
    );
    return;
  }
  const customer = await turn.deps.store.customers.findByAccountNumber(account).catch((e: unknown) => {
    attempt.release();
    throw e;
  });
  const matches =
    customer !== undefined && normalisePostcode(customer.postcode) === normalisePostcode(postcode);
  if (!matches || !customer) {
    state.identityTries++;
    turn.record(IDENTITY_FAILED.kind, {
      step: IDENTITY_FAILED.step,
      tries: state.identityTries,
      [IDENTITY_FAILED.field]: account,
    });
    if (state.identityTries >= MAX_IDENTITY_TRIES) {
      await startHandover(turn, [{ ruleId: "bot.identity", reason: turn.words.identityFailedReason }]);
      return;
    }
    state.expecting = "account_number";
    turn.say(rewordable(turn.words.verifyFailed(MAX_IDENTITY_TRIES - state.identityTries)));
    return;
  }
  attempt.release(); // verified: no failure entry follows
  state.customerId = customer.id;
  turn.customer = customer;
  // Answered in the account's language from here on, unless the customer wrote in another.
  state.language = chooseLanguage(state.language, undefined, customer);
  const bereaved = state.facts.reason === "bereavement" || heard.reason === "bereavement";
  turn.say(rewordable(turn.words.verified(customer, bereaved)));
  await startUnderstanding(turn);
}
