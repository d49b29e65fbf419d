/**
 * Everything the bot says in its own words (not policy text), for one language. One catalog
 * per language implements this interface (`en.ts`, `de.ts`, `sv.ts`), so a string missing in
 * one language is a compile error; `wordsFor(language)` picks one. Policy texts (disclosures,
 * waiver reasons, offers) come translated from the packs; amounts and dates are written in the
 * catalog's language (`money`, `date`).
 *
 * Plain, neutral, never pressing: every phrase passes the tone checker (test/bot/words.test.ts).
 */
import type { Customer, Service } from "../../domain/customer.js";
import type { Language } from "../../domain/language.js";

/** A confirmed cancellation as the customer hears about it again. */
/** Names as a sentence lists them: "a", "a and b", "a, b and c", with the language's "and". */
export function listed(names: readonly string[], and: string): string {
  return names.length <= 1 ? (names[0] ?? "") : `${names.slice(0, -1).join(", ")} ${and} ${names.at(-1)}`;
}

export interface CancellationFacts {
  reference: string;
  confirmedAt: string;
  services: { name: string; endDate: string }[];
}

/** An amount with its currency, as the decision has it. */
export interface Amount {
  amount: number;
  currency: string;
}

export interface Words {
  language: Language;

  // Amounts and dates in this language.
  money(amount: number, currency: string): string;
  /** Every non-zero total, or "nothing". */
  totals(totals: readonly Amount[]): string;
  date(isoDate: string): string;
  instant(isoInstant: string): string;

  // Names.
  /** "Broadband", "TV": a service kind as a heading. */
  kindName(kind: string): string;
  /** "TV (Family Plus)". */
  serviceName(s: Service): string;
  /** "Broadband (Fiber 250) and TV (Family Plus)". */
  listServices(services: readonly Service[]): string;
  /** A service the customer no longer has on record. */
  yourService: string;

  // Greeting and identification.
  greeting: string;
  askAccount: string;
  /** The first reply to a request to cancel: the request acknowledged, then the one thing needed. */
  askAccountToCancel: string;
  askPostcode: string;
  askPostcodeToCancel: string;
  verifyFailed(left: number): string;
  /** After several failed checks of one account number: tries wait `minutes`. */
  coolDown(minutes: number): string;
  /** A bereaved account is handled by family or an executor: no greeting by the holder's name. */
  verified(c: Customer, bereaved: boolean): string;
  trustedHello(c: Customer): string;
  identityFailedReason: string;

  // What the customer wants to end, and why.
  whichServices(services: readonly Service[]): string;
  askReason: string;
  /** The reason, asked together with something else the bot needs. */
  askReasonToo: string;
  askNewPostcode: string;
  /** Asked when the reason says there is a new provider. */
  askKeepNumber(s: Service): string;
  /** Asked before the reason is known: no new provider is taken for granted. */
  askKeepNumberIfSwitching(s: Service): string;
  askKeepNumberIfMobile(s: Service): string;

  // The review, from the decision.
  reviewIntro: string;
  anyQuestions: string;
  /** An answer to "what do I owe?" when no disclosure says it. */
  totalOwed(totals: readonly Amount[]): string;
  /** An answer to "when does it end?" when no disclosure says it. */
  serviceEnds(kind: string, endDate: string): string;

  // The confirmation.
  confirmIntro: string;
  confirmLine(kind: string, endDate: string, due: Amount, waived: number): string;
  portingCodeLine(codeType: string): string;
  unlockLine: string;
  returnLabelLine: string;
  promotionCreditLine(amount: Amount, promoCode: string): string;
  confirmQuestion: string;
  notCancelledKeep: string;
  notConfirmed: string;

  // Offers.
  offerDeclined: string;
  /** A bare "yes" right after an offer answers nothing: one neutral question, no default. */
  offerOrCancel: string;
  offerAccepted: string;

  // The receipt (placeholders for the actions' results are passed in as they are).
  receiptSubject(reference: string): string;
  receiptHeader(reference: string, at: string): string;
  receiptService(kind: string, endDate: string, due: Amount, waived: number): string;
  receiptPortingCode(kind: string, code: string, validUntil: string): string;
  receiptUnlock: string;
  /** A dispute credit; without an amount the line still says what happens, never a blank. */
  receiptDisputeCredit(amount: Amount | undefined, plural: boolean): string;
  receiptPromotionCredit(amount: Amount | undefined, promoCode: string): string;
  receiptReturnLabel(label: string, returnBy: string): string;
  receiptScheduled(at: string, message: string): string;
  receiptTotal(totals: readonly Amount[]): string;
  receiptCopy: string;
  alreadyCancelled(done: readonly CancellationFacts[], reference?: string): string;

  // Farewell.
  consentQuestion: string;
  consentRecordedNo: string;
  consentRecordedYes: string;
  surveyQuestion: string;
  surveyThanks: string;
  closed: string;

  // A person, and what the bot will not do.
  handover(reasons: readonly string[]): string;
  waitingForPerson: string;
  customerAsksReason: string;
  noActiveServices: string;
  injectionNoted: string;
  /** A fact told late that changes nothing the customer was told. */
  notedNoChange: string;
  /** A question nothing in the decision answers. */
  noAnswerOnRecord: string;
  didNotUnderstand: string;

  // What a channel answers before the conversation sees a message.
  /** A message longer than the channel accepts (at most `max` characters). */
  messageTooLong(max: number): string;
  /** An attachment, a sticker, a card without text: nothing the bot can read. */
  textOnly: string;

  // The guard: said instead of a message that failed the check.
  guardSafeText: string;
  guardSafeTextAfterCancellation(reference: string | undefined): string;
  guardHandoverReason: string;

  /** Quick replies and card buttons: each submits its words, which the bot understands. */
  buttons: {
    /** The entry to cancelling (§312k BGB in German: "Verträge hier kündigen"). */
    startCancel: string;
    talkToPerson: string;
    continue: string;
    whatDoIOwe: string;
    /** The final button (§312k BGB in German: "jetzt kündigen"). */
    confirmCancel: string;
    keepService: string;
    declineOffer: string;
    acceptOffer: string;
    takeOffer: string;
    goAheadCancel: string;
    allOfThem: string;
    yes: string;
    no: string;
    skip: string;
    showReceipt: string;
  };

  /** Adaptive Card labels. */
  card: {
    reviewHeading: string;
    ends: string;
    youOwe: string;
    waived: string;
    totalForLeaving: string;
    confirmHeading: string;
    offerHeading: string;
    receiptHeading: string;
    reference: string;
    fingerprint: string;
    copyByEmail: string;
    handoverHeading: string;
    yourReference: string;
  };
}
