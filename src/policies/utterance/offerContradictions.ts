/**
 * Retention offers a message makes beyond what may be made: after a "no", when the decision
 * allows none, more of them than the policy's `maxOffers`, or one the policy does not make at
 * all (an offer stating figures of its own, "50% off", "three months free", that none of the
 * decision's offers states: the agent, the bot and an LLM may make only the policy's offers).
 *
 * The ledger may already record the offer being checked: the bot records an offer when it
 * composes the message, and each message is checked when its turn is stored. So an offer the
 * message makes is matched to the ledger's record of it (by the decision's offer it is, in the
 * policy's words or in other words with the same figures) and counted once, not twice. An
 * offer no record accounts for (another decision offer, an offer of the bot's or an LLM's own)
 * counts on top of the ledger.
 *
 * @example
 * import { checkUtterance } from "./checkUtterance.js";
 * // The decision allows one offer ("We can take £6.40 a month off … for 6 months. …") and the
 * // ledger records it: the message making it passes, in those words or with the same figures …
 * checkUtterance(policy, "How about £6.40 a month off for 6 months?", { speaker: "bot", decision, ledger }); // []
 * // … and a further offer in the same turn does not.
 * checkUtterance(policy, "Or would you like a free upgrade instead?", { speaker: "bot", decision, ledger });
 * // [{ kind: "contradiction", category: "extra_offer", ruleId: "contradiction.extra_offer", … }]
 */
import type { Decision } from "../../domain/decision.js";
import type { Ledger } from "../../domain/ledger.js";
import { OFFER_FRAME, OFFER_NEGATED, OFFER_NOUN } from "./contradictionLexicon.js";
import { type CheckedText, type Finding, contradiction as finding } from "./finding.js";
import { lexiconHits, passageOf } from "./lexiconSieve.js";
import { parseAmount, sameAmount } from "./money.js";
import { lowerSameLength } from "./phrase.js";
import { normalizeForMatching, type Range } from "./text.js";

/** One of the decision's offers, as the checked text is compared with it. */
interface KnownOffer {
  id: string;
  /** Normalised and lower-cased as the checked text is, spaces collapsed. */
  text: string;
  /** The figures it states (amounts, counts), as numbers. */
  figures: readonly number[];
}

/** One offer sentence of the message. */
interface OfferSaid {
  range: Range;
  /** The decision offer it is, when it is one. */
  offer?: KnownOffer;
  /** Figures of its own (none of its offer's): an offer of its own when it names no decision offer. */
  ownFigures: boolean;
}

const canonical = (s: string): string => s.replace(/\s+/g, " ").trim();
const FIGURE = /\d+(?:[.,]\d+)*/g;
/**
 * Figures said in words, in English, German and Swedish: numbers up to twelve, "half" (as
 * 50, a share) and "free" (as 0, a price), so "three months free" states 3 and 0 as "3 months
 * free" does.
 */
const WORD_FIGURES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  zwei: 2,
  drei: 3,
  vier: 4,
  fünf: 5,
  sechs: 6,
  sieben: 7,
  acht: 8,
  neun: 9,
  zehn: 10,
  elf: 11,
  zwölf: 12,
  två: 2,
  tre: 3,
  fyra: 4,
  fem: 5,
  sex: 6,
  sju: 7,
  åtta: 8,
  nio: 9,
  tio: 10,
  tolv: 12,
  half: 50,
  halben: 50,
  halbe: 50,
  halva: 50,
  halv: 50,
  free: 0,
  gratis: 0,
  kostenlos: 0,
  umsonst: 0,
  kostnadsfri: 0,
  kostnadsfritt: 0,
  kostnadsfria: 0,
};
const WORD_FIGURE = new RegExp(
  `(?<![\\p{L}\\p{N}])(${Object.keys(WORD_FIGURES).join("|")})(?![\\p{L}\\p{N}])`,
  "gu",
);
const figuresOf = (lower: string): number[] => [
  ...[...lower.matchAll(FIGURE)].map((m) => parseAmount(m[0])).filter(Number.isFinite),
  ...[...lower.matchAll(WORD_FIGURE)].map((m) => WORD_FIGURES[m[1] as string] as number),
];

/** The decision's offers, as the offer sentences of a message are compared with them. */
function offersOf(decision: Decision): readonly KnownOffer[] {
  return decision.retention.offers
    .map((o) => {
      const text = canonical(lowerSameLength(normalizeForMatching(o.text)));
      return { id: o.id, text, figures: figuresOf(text) };
    })
    .filter((o) => o.text !== "");
}

/**
 * Why the offers `said` may not be made, if so. `said` are the offer sentences of one message;
 * those that are an offer the ledger records are that record, not another offer.
 */
function offerBlocked(
  decision: Decision | undefined,
  ledger: Ledger | undefined,
  said: readonly OfferSaid[],
): { ruleId: string; reason: string; alternative?: string } | undefined {
  if (ledger && ledger.declines.length > 0)
    return { ruleId: "contradiction.extra_offer", reason: "the customer has already declined an offer" };
  if (!decision) return undefined;
  const r = decision.retention;
  if (!r.allowed) {
    const b = r.blockedBy[0];
    return {
      ruleId: b?.ruleId ?? "contradiction.extra_offer",
      reason: b?.reason ?? "the decision allows no offer",
    };
  }
  const tooMany = {
    ruleId: "contradiction.extra_offer",
    reason: `the decision allows ${r.maxOffers} offer${r.maxOffers === 1 ? "" : "s"} and none remain`,
  };
  if (r.remaining <= 0) return tooMany;
  if (offersCounted(ledger, said) > r.maxOffers) return tooMany;
  const policyOffer = r.offers[0];
  if (policyOffer && said.some((s) => !s.offer && s.ownFigures))
    return {
      ruleId: "contradiction.unsanctioned_offer",
      reason: "it is not an offer the policy makes",
      alternative: policyOffer.text,
    };
  return undefined;
}

/** The offers recorded in the ledger and those of `said` that no record accounts for. */
function offersCounted(ledger: Ledger | undefined, said: readonly OfferSaid[]): number {
  const recorded = new Set<string>();
  for (const o of ledger?.offers ?? []) if (o.offerId !== undefined) recorded.add(o.offerId);
  const unrecorded = new Set<string>();
  let own = false;
  const named = said.some((s) => s.offer);
  for (const s of said) {
    if (s.offer) {
      if (!recorded.has(s.offer.id)) unrecorded.add(s.offer.id);
    } else if (!named || s.ownFigures) own = true;
  }
  return (ledger?.offers.length ?? 0) + unrecorded.size + (own ? 1 : 0);
}

/** A retention offer made when the decision or the ledger says it may not be made. */
export function offerContradictions(t: CheckedText, decision?: Decision, ledger?: Ledger): Finding[] {
  // Without a decision only a decline can block an offer.
  if (!decision && !(ledger && ledger.declines.length > 0)) return [];
  const said = offersSaid(t, decision ? offersOf(decision) : [], ledger);
  if (said.length === 0) return [];
  const blocked = offerBlocked(decision, ledger, said);
  if (!blocked) return [];
  const recorded = new Set((ledger?.offers ?? []).map((o) => o.offerId));
  const first = said.find((s) => !(s.offer && recorded.has(s.offer.id))) ?? said[0];
  const r = (first as OfferSaid).range;
  return [
    finding(
      t,
      "extra_offer",
      blocked.ruleId,
      r,
      `Makes a retention offer, but ${blocked.reason}.`,
      blocked.alternative ?? "Understood. I'll carry on with the cancellation.",
    ),
  ];
}

/**
 * The sentences of `t` that make an offer, each with the decision offer it is: one whose text
 * it is part of (or contains), or, for an offer in other words, one that states every figure it
 * states. When several fit, one the ledger records is preferred.
 */
function offersSaid(t: CheckedText, offers: readonly KnownOffer[], ledger: Ledger | undefined): OfferSaid[] {
  const hits = lexiconHits(t);
  const recorded = (o: KnownOffer) => ledger?.offers.some((r) => r.offerId === o.id) ?? false;
  const out: OfferSaid[] = [];
  for (const sentence of t.sentences) {
    // The sieve: without the decision's offer texts, an offer needs an offer noun and an offer frame.
    const worded =
      hits.mayMatch(OFFER_NOUN, sentence.start, sentence.end) &&
      hits.mayMatch(OFFER_FRAME, sentence.start, sentence.end);
    if (offers.length === 0 && !worded) continue;
    const s = passageOf(t, sentence);
    const lower = canonical(s.text);
    let fits = offers.filter((o) => lower.includes(o.text) || (lower.length > 20 && o.text.includes(lower)));
    if (fits.length === 0) {
      if (!(worded && s.test(OFFER_NOUN) && s.test(OFFER_FRAME) && !s.test(OFFER_NEGATED))) continue;
      const figures = figuresOf(lower);
      fits =
        figures.length === 0
          ? []
          : offers.filter((o) => figures.every((f) => o.figures.some((g) => sameAmount(f, g))));
    }
    const offer = fits.find(recorded) ?? fits[0];
    const lead = s.text.length - s.text.trimStart().length;
    const range = { start: sentence.start + lead, end: sentence.start + s.text.trimEnd().length };
    out.push(
      offer ? { range, offer, ownFigures: false } : { range, ownFigures: figuresOf(lower).length > 0 },
    );
  }
  return out;
}
