/**
 * The shape of one language's lexicon: plain data, one file per language
 * (`lexicon.en.ts`, `lexicon.sv.ts`, `lexicon.de.ts`), compiled once at module load by
 * `compiledLexicon.ts`, which rejects a bad entry with the language, category and entry.
 *
 * Entry syntax. Entries match the normalised message (see `message.ts`): lower case, words
 * separated by one space, clauses separated by ` | `. An entry is a regular expression over
 * that text, whole words only (the compiler adds the word boundaries), where:
 * - a space is the space between two words;
 * - `…` is up to three more words of the same clause (`cancel … contract` matches
 *   "cancel my mobile contract"); write it where a word would start: `a … b`;
 * - `*` at the start or end of a word is any letters of that word (`kündig*` matches
 *   "kündigen", `*gebühr*` matches "kündigungsgebühren"): `*` is never a quantifier, use
 *   `{0,3}` for repetition;
 * - groups `(?:a|b)`, optional `?`, and lookarounds `(?!…)` `(?<!…)` work as usual.
 *
 * Diacritics: a letter with one matches its plain spellings too (ä: ae, a; ö: oe, o; ü: ue, u;
 * å: a; ß and ss alike), so write entries with them; words in `spelledExactly` match only as
 * written (see `diacritics.ts`).
 *
 * Categories marked "at a clause start" only count as the first words of a clause; those
 * marked "whole message" only when they are all the message says (politeness words such as
 * "please" or "tack" around them allowed).
 */
import type { ClaimedPromise, LeavingReason } from "../domain/decision.js";
import type { Topic } from "../domain/understanding.js";

/** The service kinds a customer names in words. */
export type NamedServiceKind = "broadband" | "tv" | "mobile" | "landline" | "subscription";
export type ClaimKind = NonNullable<ClaimedPromise["kind"]>;
export type TopicWithWords = Exclude<Topic, "other">;

export type Entries = readonly string[];

export interface LexiconData {
  /** Common words of the language, counted to tell the language (one word each, or a word start ending in `*`). */
  markers: Entries;
  /** Words that negate what follows ("not", "inte", "nicht"); plain words. */
  negators: Entries;
  /** Words after a negator that undo it: "not only", "can't stand"; plain words. */
  negationUndo: Entries;
  /** Modal negation ("can't", or "kan"/"kann" before "inte"/"nicht"): frustration, not refusal. */
  modals: Entries;
  /** Said around a short answer without changing it: "please", "tack", "bitte". */
  politeness: Entries;
  /**
   * Words with a diacritic matched only as written: typed without it they are another word that
   * matters (Swedish "går" is German "gar"). Every other letter with a diacritic also matches
   * its plain spellings ("kündig*" matches "kuendigen" and "kundigen"; see `diacritics.ts`).
   */
  spelledExactly: Entries;

  /** An explicit wish to cancel, anywhere. */
  cancel: Entries;
  /** A cancel word without more ("cancellation"), anywhere; also whole message. */
  cancelKeyword: Entries;
  /** Wants a person, anywhere. */
  askPerson: Entries;
  /** Wants a person, whole message ("agent", "a human please"). */
  askPersonShort: Entries;
  /** Yes, at a clause start or whole message. */
  yes: Entries;
  /** Yes, whole message only ("fine", "great"). */
  yesShort: Entries;
  /** Yes, anywhere ("go ahead", "I confirm"). */
  yesAnywhere: Entries;
  /** No, at a clause start or whole message. */
  no: Entries;
  /** No, whole message only ("not now", "nicht"). */
  noShort: Entries;
  /** No, anywhere ("don't go ahead"). */
  noAnywhere: Entries;
  /** Declines an offer in so many words, anywhere. */
  declineOffer: Entries;
  /** Declines, when the bot has just made an offer ("not interested", "just cancel"). */
  declineOfferWhenOffered: Entries;
  /** Wants to hear or take an offer, anywhere. */
  acceptOffer: Entries;
  /** Takes the offer the bot has just made ("sounds good", "I'll take it"). */
  acceptOfferWhenOffered: Entries;
  /** Decides to stay, anywhere. */
  keepService: Entries;
  /**
   * A negation that is about the price, not the wish: "no charge", "keine Gebühr", "ingen
   * avgift", "won't cost". A cancel word after it ("no charge to cancel") is not refused.
   */
  costNegation: Entries;
  /** "Changed my mind": staying, or a reason (the contract just signed); the context decides. */
  changedMind: Entries;
  /** Words that tie a change of mind to a recent sale ("signed", "last week", "ordered"). */
  changedMindContext: Entries;
  /** Withdrawal in the cooling-off period ("ångerrätt", "widerrufen"): cancel, changed mind. */
  withdrawal: Entries;
  /** Question words, at a clause start. */
  questionStart: Entries;
  /** Question phrases, anywhere ("I'd like to know", "jag undrar"). */
  questionPhrase: Entries;
  /** At a clause start or whole message. */
  greeting: Entries;
  /** Anywhere. */
  thanks: Entries;
  /** What a message is about, anywhere. */
  topic: Record<TopicWithWords, Entries>;
  /** Services named, anywhere. */
  serviceKind: Record<NamedServiceKind, Entries>;
  /**
   * Words that name a service only in a list with another named service: "TV, internet and
   * phone" is the landline, "my phone" alone may be the handset.
   */
  serviceKindInList: Record<NamedServiceKind, Entries>;
  /** Plain words that keep the service named after them (or after it): "keep", "except", "utom", "außer". */
  serviceKeeping: Entries;
  /** All services ("cancel everything"), anywhere. */
  everything: Entries;
  /** All services, whole message ("all of them", "allt", "alles"). */
  everythingShort: Entries;
  /**
   * All services, when the message also asks to cancel ("everything", "all of it", "beides",
   * "alltihop"); not when a verb follows ("everything is broken": see `everythingNotObject`).
   */
  everythingObject: Entries;
  /** The words that make an `everythingObject` the subject of a complaint: "is", "ist", "är", "klar". */
  everythingNotObject: Entries;
  /** The services not otherwise named ("and the rest", "alles andere", "resten"), anywhere. */
  everythingElse: Entries;
  /** Wants to keep the mobile number (PAC, porting). */
  keepNumberYes: Entries;
  /** Does not need the number (STAC, a new number is fine); checked before keepNumberYes. */
  keepNumberNo: Entries;
  /** Why they leave, anywhere; a negated mention ("I'm not moving") does not count. */
  reason: Record<LeavingReason, Entries>;
  /**
   * Unhappiness without saying with what ("it's been a nightmare", "katastrophal", "missnöjd"):
   * `service_problems`, but only when no reason above is named ("the price is a joke" is `price`).
   */
  complaint: Entries;
  /**
   * Words that give a cause ("because", "weil", "eftersom"): with a wish to cancel, a reason in
   * words none of the above know is `other`, so the bot does not ask again why.
   */
  cause: Entries;
  /**
   * The last words before a postcode that reject it ("not", "instead of", "nicht nach",
   * "inte till"); plain words, matched as the one to three words right before the postcode.
   */
  postcodeRejecting: Entries;
  /** The last words before the address they leave ("from", "von", "från"); plain words. */
  postcodeLeaving: Entries;
  /** The last words before where they are going ("to", "moving to", "sondern", "utan"); plain words. */
  postcodeDestination: Entries;
  /** The words right after a postcode that reject it ("is wrong", "ist falsch", "är fel"); plain words. */
  postcodeWrongAfter: Entries;
  /** Says that what follows corrects something said before ("sorry, I meant", "ich meinte", "jag menade"), anywhere. */
  correction: Entries;
  /** Reports what someone from the company said or promised. */
  claim: Entries;
  /** What a claim is about. */
  claimKind: Record<Exclude<ClaimKind, "other">, Entries>;
  legalThreat: Entries;
  /** Tries to instruct the bot, anywhere. */
  injection: Entries;
  /** Orders a fee away ("waive my fee"): injection at a clause start or after "and", not in a question. */
  injectionImperative: Entries;
}
