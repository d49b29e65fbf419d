/**
 * The three lexicons compiled once, at module load, into one matcher per category (each
 * matcher holds every language, and a match tells its language). A bad entry fails here,
 * at import, with the language, category and entry named.
 */
import type { LeavingReason } from "../domain/decision.js";
import { foldedWordSet, type WordSet } from "./diacritics.js";
import { de } from "./lexicon.de.js";
import { en } from "./lexicon.en.js";
import type { ClaimKind, Entries, LexiconData, NamedServiceKind, TopicWithWords } from "./lexicon.js";
import { sv } from "./lexicon.sv.js";
import { type EntriesByLanguage, Phrases, WholeMessage } from "./lexiconPatterns.js";

const LEXICONS = { en, sv, de } as const;

const pick = (f: (l: LexiconData) => Entries): EntriesByLanguage => ({ en: f(en), sv: f(sv), de: f(de) });
const politeness = pick((l) => l.politeness);
/** Words matched only with their diacritics, in every language (see `diacritics.ts`). */
const EXACT: ReadonlySet<string> = new Set(Object.values(LEXICONS).flatMap((l) => l.spelledExactly));

/** Flat categories of `LexiconData` (lists of entries). */
type ListCategory = {
  [K in keyof LexiconData]: LexiconData[K] extends Entries ? K : never;
}[keyof LexiconData];

function phrases(category: ListCategory): Phrases {
  return new Phrases(
    category,
    pick((l) => l[category]),
    EXACT,
  );
}

function whole(name: string, ...categories: ListCategory[]): WholeMessage {
  return new WholeMessage(
    name,
    pick((l) => categories.flatMap((c) => l[c])),
    politeness,
    EXACT,
  );
}

function record<K extends string>(
  keys: readonly K[],
  name: string,
  f: (l: LexiconData, key: K) => Entries,
): Record<K, Phrases> {
  const out = {} as Record<K, Phrases>;
  for (const key of keys)
    out[key] = new Phrases(
      `${name}.${key}`,
      pick((l) => f(l, key)),
      EXACT,
    );
  return out;
}

export const TOPICS_WITH_WORDS: readonly TopicWithWords[] = [
  "fee",
  "end_date",
  "device",
  "porting",
  "payment",
  "final_bill",
  "equipment",
  "data",
  "offer",
  "person",
];
export const NAMED_SERVICE_KINDS: readonly NamedServiceKind[] = [
  "broadband",
  "tv",
  "mobile",
  "landline",
  "subscription",
];
/** Most protective first: when a message gives several reasons, the first found here wins. */
export const REASON_PRIORITY: readonly LeavingReason[] = [
  "bereavement",
  "money_trouble",
  "moving",
  "service_problems",
  "changed_mind",
  "switching_provider",
  "price",
  "other",
];
/** The first that matches names the claim; `fee_waiver` last as "free" is the broadest word. */
export const CLAIM_KINDS: readonly Exclude<ClaimKind, "other">[] = [
  "free_unlock",
  "credit",
  "discount",
  "free_cancellation",
  "fee_waiver",
];

function wordSet(f: (l: LexiconData) => Entries): WordSet {
  return foldedWordSet(Object.values(LEXICONS).flatMap(f), EXACT);
}

/** Plain words of the code itself ("but", "weil", "är"), matched as lexicon words are. */
export function codeWords(words: readonly string[]): WordSet {
  return foldedWordSet(words, EXACT);
}

/** The cue words around a postcode (see `detectNewPostcode.ts`): phrases of one to three plain words. */
export const postcodeCues = {
  rejecting: wordSet((l) => l.postcodeRejecting),
  leaving: wordSet((l) => l.postcodeLeaving),
  destination: wordSet((l) => l.postcodeDestination),
  wrongAfter: wordSet((l) => l.postcodeWrongAfter),
};

/** Plain words that keep a service rather than end it (see `detectServices.ts`). */
export const serviceKeeping = wordSet((l) => l.serviceKeeping);
/** Words that, right after "everything", make it the subject of a complaint. */
export const everythingNotObject = wordSet((l) => l.everythingNotObject);

export const negation = {
  negators: wordSet((l) => l.negators),
  undo: wordSet((l) => l.negationUndo),
  modals: wordSet((l) => l.modals),
};

export const lexicon = {
  cancel: phrases("cancel"),
  cancelKeyword: phrases("cancelKeyword"),
  cancelWhole: whole("cancel", "cancel", "cancelKeyword"),
  askPerson: phrases("askPerson"),
  askPersonWhole: whole("askPersonShort", "askPersonShort"),
  yes: phrases("yes"),
  yesAnywhere: phrases("yesAnywhere"),
  yesWhole: whole("yes", "yes", "yesShort", "yesAnywhere"),
  no: phrases("no"),
  noAnywhere: phrases("noAnywhere"),
  noWhole: whole("no", "no", "noShort", "noAnywhere"),
  declineOffer: phrases("declineOffer"),
  declineOfferWhenOffered: phrases("declineOfferWhenOffered"),
  acceptOffer: phrases("acceptOffer"),
  acceptOfferWhenOffered: phrases("acceptOfferWhenOffered"),
  keepService: phrases("keepService"),
  costNegation: phrases("costNegation"),
  changedMind: phrases("changedMind"),
  changedMindContext: phrases("changedMindContext"),
  withdrawal: phrases("withdrawal"),
  questionStart: phrases("questionStart"),
  questionPhrase: phrases("questionPhrase"),
  greeting: phrases("greeting"),
  greetingWhole: whole("greeting", "greeting"),
  thanks: phrases("thanks"),
  thanksWhole: whole("thanks", "thanks"),
  topic: record(TOPICS_WITH_WORDS, "topic", (l, k) => l.topic[k]),
  serviceKind: record(NAMED_SERVICE_KINDS, "serviceKind", (l, k) => l.serviceKind[k]),
  serviceKindInList: record(NAMED_SERVICE_KINDS, "serviceKindInList", (l, k) => l.serviceKindInList[k]),
  everything: phrases("everything"),
  everythingWhole: whole("everythingShort", "everythingShort"),
  everythingObject: phrases("everythingObject"),
  everythingElse: phrases("everythingElse"),
  keepNumberYes: phrases("keepNumberYes"),
  keepNumberNo: phrases("keepNumberNo"),
  reason: record(REASON_PRIORITY, "reason", (l, k) => l.reason[k]),
  complaint: phrases("complaint"),
  cause: phrases("cause"),
  correction: phrases("correction"),
  claim: phrases("claim"),
  claimKind: record(CLAIM_KINDS, "claimKind", (l, k) => l.claimKind[k]),
  legalThreat: phrases("legalThreat"),
  injection: phrases("injection"),
  injectionImperative: phrases("injectionImperative"),
};
