/**
 * The bot's own words (everything that is not a policy template). Plain, neutral, never
 * pressing; each passes the tone checker like every other outgoing text (see
 * test/bot/phrases.test.ts).
 */
import type { Customer, Service } from "../domain/customer.js";
import { longDate, longInstant } from "../domain/dates.js";

const serviceName = (s: Service) => `${s.kind === "tv" ? "TV" : s.kind} (${s.plan})`;
const capitalised = (s: string) => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** A confirmed cancellation as the customer hears about it again. */
export interface CancellationFacts {
  reference: string;
  confirmedAt: string;
  services: { name: string; endDate: string }[];
}

export function listServices(services: readonly Service[]): string {
  const names = services.map(serviceName);
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

export const phrases = {
  serviceName,
  greeting:
    "Hi, I'm FairExit's automated assistant (a bot, not a person). I can help you cancel, or answer questions about leaving. You can ask for a person at any time.",
  askAccount: "To find your account, what is your account number? It is on your bills.",
  /** The first reply to a request to cancel: the request acknowledged, then the one thing needed. */
  askAccountToCancel:
    "I can help you cancel. To find your account, what is your account number? It is on your bills.",
  askPostcode: "Thanks. And the postcode on the account?",
  askPostcodeToCancel: "I can help you cancel. And the postcode on the account?",
  verifyFailed: (left: number) =>
    `I couldn't verify those details. Please check the account number and the postcode on the account${
      left === 1 ? " (one more try, then I'll pass you to a person)" : ""
    }.`,
  /**
   * A bereaved account is usually handled by family or an executor: no greeting by the holder's
   * name, whether the bereavement is on record or was just said.
   */
  verified: (c: Customer, bereaved = false) =>
    bereaved || c.vulnerabilities.includes("bereavement")
      ? "Thank you. I've found the account. I'm sorry for your loss."
      : `Thanks, ${c.name.given}. I've found your account.`,
  /** Signed in on an account with a bereavement on record: whoever writes is not greeted by the holder's name. */
  trustedHello: (c: Customer) =>
    c.vulnerabilities.includes("bereavement")
      ? "You're signed in, so there's no need to verify again. I'm sorry for your loss."
      : `Hi ${c.name.given}, you're signed in, so there's no need to verify again.`,
  whichServices: (services: readonly Service[]) =>
    `You have ${listServices(services)}. Which would you like to end? You can say "all" or name one.`,
  askReason:
    "May I ask why you're leaving? It's optional, and it helps me get the details right (for example, if you're moving, where to). You can also say \"skip\".",
  /** The reason, asked together with something else the bot needs (one message, one answer). */
  askReasonToo:
    "And, if you like, why you're leaving? It's optional (if you're moving, tell me the new postcode, as it can change what you owe).",
  askNewPostcode: "What's the postcode you're moving to? We'll check whether we can serve that address.",
  /** Asked when the reason says there is a new provider (switching, price, moving …). */
  askKeepNumber: (s: Service) =>
    `Do you want to keep your number${s.phoneNumber ? ` ${s.phoneNumber}` : ""} with your new provider? (yes / no)`,
  /** Asked before the reason is known: no new provider is taken for granted. */
  askKeepNumberIfSwitching: (s: Service) =>
    `If you're going to another provider, do you want to keep your number${s.phoneNumber ? ` ${s.phoneNumber}` : ""}? (yes / no)`,
  askKeepNumberIfMobile: (s: Service) =>
    `If you're ending your mobile and going to another provider, do you want to keep your number${s.phoneNumber ? ` ${s.phoneNumber}` : ""}?`,
  reviewIntro: "Here is what leaving means for you, one topic at a time.",
  anyQuestions: 'Any questions about this? Ask away, or say "continue".',
  confirmQuestion: "Shall I go ahead and cancel? (yes / no)",
  notCancelledKeep: "No problem: nothing has been changed, and your services continue as before.",
  notConfirmed:
    "Okay, I haven't cancelled anything. You can ask a question, or say \"cancel\" when you're ready.",
  offerDeclined: "Understood. Let's carry on with the cancellation.",
  /** A bare "yes" right after an offer answers nothing: one neutral question, no default. */
  offerOrCancel: "Do you want to take the offer, or go ahead with the cancellation?",
  offerAccepted:
    "Thanks. I've recorded that you'd like the offer; nothing has been cancelled. A colleague will apply it and confirm by email.",
  consentQuestion:
    'One last thing: may we contact you after you leave if we have something relevant? "No" is completely fine and is what we assume unless you say yes.',
  consentRecordedNo: "Noted: we won't contact you with offers after you leave.",
  consentRecordedYes: "Noted: we may contact you occasionally. You can withdraw this at any time.",
  surveyQuestion: 'Optional: in a few words, what was the main reason you left? Or say "skip".',
  surveyThanks: "Thank you. That's everything.",
  closed:
    "This conversation is complete. If you need anything else, just write and I'll help, or ask for a person.",
  handover: (reasons: string[]) =>
    `${reasons.length > 0 ? `${reasons.join(" ")} ` : ""}I'm a bot, so I'm passing you to a person now. They'll see this conversation, so you won't need to repeat yourself. Nothing has been cancelled yet.`,
  waitingForPerson:
    "A person has been asked to take over and will reply here. Nothing has been cancelled yet.",
  injectionNoted:
    "I can't change how fees or offers are decided; they follow our published policy. I'm happy to explain any part of it.",
  /** A fact told late that changes nothing the customer was told. */
  notedNoChange: "Thanks, noted. It doesn't change anything I've told you above.",
  /** A question nothing in the decision answers (a number to keep when no service has one …). */
  noAnswerOnRecord:
    "I don't have anything on that for the services you're ending. A person can tell you more if you ask for one.",
  didNotUnderstand:
    'Sorry, I didn\'t quite get that. You can say "cancel", ask a question (for example "what do I owe?"), or ask for a person.',
  /** Said whenever a service is already cancelled: it is never cancelled twice, nor said to be unchanged. */
  alreadyCancelled: (done: readonly CancellationFacts[], reference?: string) =>
    [
      done.length === 0
        ? `This is already cancelled${reference ? `: your reference is ${reference}` : ""}.`
        : done
            .map(
              (c) =>
                `This is already cancelled: your reference is ${c.reference}, confirmed on ${longInstant(c.confirmedAt)}. ${c.services
                  .map((s) => `${capitalised(s.name)} ends on ${longDate(s.endDate)}.`)
                  .join(" ")}`,
            )
            .join("\n"),
      'Your receipt is sent to you by email; say "receipt" to see it here. If you have changed your mind, I can\'t undo a cancellation myself, but a person can check what is still possible: just ask for a person.',
    ].join("\n"),
  receiptCopy: "Here is your receipt again:",
  noActiveServices:
    "I can't find an active service on this account to end. A person can look at it with you.",
};
