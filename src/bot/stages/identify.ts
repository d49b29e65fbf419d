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
import { type BotMessage, rewordable } from "../botReply.js";
import { chooseLanguage } from "../chooseLanguage.js";
import { combine, type PendingAudit, type StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { wordsFor } from "../words/index.js";
import { startUnderstanding } from "./gatherFacts.js";
import { startHandover } from "./handover.js";

export const MAX_IDENTITY_TRIES = 3;
/** Failed checks of one account number, in any conversation, before tries wait. */
export const MAX_ACCOUNT_FAILURES = 5;
export const ACCOUNT_WINDOW_MS = 15 * 60 * 1000;

/** How failed checks are recorded in the audit trail (the account number masked as it is stored). */
const IDENTITY_FAILED = { kind: "handover", step: "identity_failed", field: "accountNumber" } as const;

export async function identify(turn: TurnContext): Promise<StageResult> {
  const { state, heard } = turn;
  const account = heard.accountNumber || state.pendingAccountNumber;
  // "169 57, we're moving to 962 31": the postcode they move to is never taken as the account's.
  const spoken =
    heard.postcode !== undefined && heard.postcode !== heard.newPostcode ? heard.postcode : undefined;
  const postcode = state.expecting === "postcode" || account ? spoken : undefined;

  if (!account)
    return {
      // "I want to cancel": the request is acknowledged, not only answered with a question.
      replies: [
        rewordable(heard.intents.includes("cancel") ? turn.words.askAccountToCancel : turn.words.askAccount),
      ],
      state: { expecting: "account_number" },
    };
  if (!postcode)
    return {
      replies: [
        rewordable(
          heard.intents.includes("cancel") ? turn.words.askPostcodeToCancel : turn.words.askPostcode,
        ),
      ],
      state: { expecting: "postcode", pendingAccountNumber: account },
    };

  const since = new Date(turn.now.getTime() - ACCOUNT_WINDOW_MS);
  const attempt = await turn.deps.audit.beginAttempt(IDENTITY_FAILED, account, since);
  const failures = attempt.before;
  if (failures >= MAX_ACCOUNT_FAILURES) {
    attempt.release();
    // Not checked at all, so the answer is the same for an account that exists and one that does not.
    return failedTry(
      turn,
      {
        kind: "identity_cooldown",
        data: { accountNumber: account, failures, windowMinutes: ACCOUNT_WINDOW_MS / 60_000 },
      },
      rewordable(turn.words.coolDown(ACCOUNT_WINDOW_MS / 60_000), {
        suggestions: [turn.words.buttons.talkToPerson],
      }),
    );
  }
  const customer = await turn.deps.store.customers.findByAccountNumber(account).catch((e: unknown) => {
    attempt.release();
    throw e;
  });
  const matches =
    customer !== undefined && normalisePostcode(customer.postcode) === normalisePostcode(postcode);
  if (!matches || !customer) {
    const tries = state.identityTries + 1;
    return failedTry(
      turn,
      {
        kind: IDENTITY_FAILED.kind,
        data: { step: IDENTITY_FAILED.step, tries, [IDENTITY_FAILED.field]: account },
      },
      rewordable(turn.words.verifyFailed(MAX_IDENTITY_TRIES - tries)),
    );
  }
  attempt.release(); // verified: no failure entry follows
  // Answered in the account's language from here on, unless the customer wrote in another.
  const language = chooseLanguage(state.language, undefined, customer);
  const bereaved = state.facts.reason === "bereavement" || heard.reason === "bereavement";
  // The understanding decides for this customer: identified first.
  turn.apply({
    replies: [rewordable(wordsFor(language).verified(customer, bereaved))],
    state: { pendingAccountNumber: undefined, customerId: customer.id, language },
    identified: customer,
  });
  return startUnderstanding(turn);
}

/**
 * A try that did not identify anyone (`record` says why): counted, and after the last one the
 * customer is handed to a person; before it, `again` asks for the account number again.
 */
async function failedTry(turn: TurnContext, record: PendingAudit, again: BotMessage): Promise<StageResult> {
  const identityTries = turn.state.identityTries + 1;
  const counted: StageResult = {
    replies: [],
    audit: [record],
    state: { pendingAccountNumber: undefined, identityTries },
  };
  if (identityTries >= MAX_IDENTITY_TRIES)
    return combine(
      counted,
      await startHandover(turn, [{ ruleId: "bot.identity", reason: turn.words.identityFailedReason }]),
    );
  return combine(counted, { replies: [again], state: { expecting: "account_number" } });
}
