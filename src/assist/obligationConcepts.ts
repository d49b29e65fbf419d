/**
 * Which obligations of the Decision the agent's own words discharge. Human speech is free
 * wording, so each obligation topic has a few concepts (word patterns) that must all be stated
 * in the utterance: "unlock" and "free" for a locked handset, a porting code for keeping the
 * number, the direct debit and what happens to it for the payment mandate … The policy's own
 * message said verbatim always discharges. The concepts are data, one table a language
 * (`wording/en.ts`, `wording/de.ts`, `wording/sv.ts`), chosen by the language the words are
 * spoken in, else the customer's locale.
 *
 * Only statements count: a sentence that asks ("do you want to know about the unlock?",
 * "Möchten Sie wissen, ob …?"), withholds or puts off ("I can't go into the unlock now", "we
 * don't unlock phones", "I'll send you the details later") discharges nothing.
 * Pure; every pattern is compiled at module load.
 */
import type { Decision, Obligation } from "../domain/decision.js";
import type { Language } from "../domain/language.js";
import { type AssistWording, WORDINGS, wordingOf } from "./wording/index.js";

/** The sentences of `text` ("am 23. Dezember" is not two sentences). */
function sentencesOf(text: string): string[] {
  return text
    .split(/(?<=[.!?;])(?<!(?:^|\s)\d{1,2}\.)\s+|\n+/u)
    .map((s) => s.trim())
    .filter((s) => s !== "");
}

const benefits = new WeakMap<AssistWording, RegExp>();
/** The wording's benefit pattern, global, so every benefit can be taken out of a sentence. */
function everyBenefit(w: AssistWording): RegExp {
  let re = benefits.get(w);
  if (!re) {
    re = new RegExp(w.benefit.source, `${w.benefit.flags}g`);
    benefits.set(w, re);
  }
  return re;
}

/** True when the subject concept is stated in `sentence` and not negated. */
function subjectAffirmed(sentence: string, subject: RegExp, topic: string, w: AssistWording): boolean {
  const m = subject.exec(sentence);
  if (!m) return false;
  if (w.negativeTopics.includes(topic)) return true;
  if (w.negatedAnywhere) return !w.negatedAnywhere.test(sentence.replace(everyBenefit(w), " "));
  const before = sentence.slice(0, m.index);
  return (
    !(w.negatedBefore?.test(before) ?? false) ||
    w.benefit.test(sentence.slice(Math.max(0, m.index - 30), m.index + 30))
  );
}

const canonical = (s: string): string =>
  s
    .normalize("NFC")
    .replace(/[\u2018\u2019\u02BC]/g, "'")
    .replace(/[\u201C\u201D]/g, '"')
    .replace(/\s+/g, " ")
    .trim()
    .toLowerCase();

/** One utterance, split once for every obligation it is compared with. */
interface Said {
  text: string;
  wording: AssistWording;
  canonical: string;
  /** Its sentences that state something (not questions, not withholding). */
  statements: string[];
  /** Its sentences that do not ask: for topics stated by a negation ("we won't send you offers"). */
  unasked: string[];
}

function saidOf(text: string, wording: AssistWording): Said {
  const unasked = sentencesOf(text).filter((sentence) => !wording.question.test(sentence));
  return {
    text,
    wording,
    canonical: canonical(text),
    statements: unasked.filter((sentence) => !wording.withhold.test(sentence)),
    unasked,
  };
}

/** Each obligation's message as compared (computed once per obligation object). */
const wantedOf = new WeakMap<Obligation, string>();
function wanted(o: Obligation): string {
  let w = wantedOf.get(o);
  if (w === undefined) {
    w = canonical(o.message);
    wantedOf.set(o, w);
  }
  return w;
}

const verbatim = (o: Obligation, said: Said): boolean => {
  const w = wanted(o);
  return w !== "" && said.canonical.includes(w);
};

function statesSaid(o: Obligation, said: Said): boolean {
  if (verbatim(o, said)) return true;
  const w = said.wording;
  const concepts = w.concepts[o.topic];
  const statements = w.negativeTopics.includes(o.topic) ? said.unasked : said.statements;
  if (!concepts || concepts.length === 0 || statements.length === 0) return false;
  const [subject, ...rest] = concepts as [RegExp, ...RegExp[]];
  const guard = w.guards?.[o.topic];
  const about = statements.filter(
    (s) => subjectAffirmed(s, subject, o.topic, w) && (!guard?.when.test(s) || guard.need.test(s)),
  );
  if (about.length === 0) return false;
  // The other concepts in a sentence about the subject, or in the statement right after it.
  return rest.every((c) =>
    about.some((s) => {
      const i = statements.indexOf(s);
      return c.test(s) || c.test(statements[i + 1] ?? "");
    }),
  );
}

/**
 * Whether `text` (one utterance) states obligation `o`, in its own words or the policy's; read
 * in the language it is spoken in, else the language of `locale` (the customer's).
 */
export function states(o: Obligation, text: string, locale?: string): boolean {
  return statesSaid(o, saidOf(text, wordingOf(text, locale)));
}

/**
 * The decision's obligations `text` states, not counting those in `already`. When the decision
 * has several of one topic (one per service or device), the words must also name the service
 * (its kind or plan) or all of them ("both", "everything").
 */
export function obligationsStatedIn(
  decision: Decision,
  text: string,
  already: (obligationId: string) => boolean,
  locale?: string,
): Obligation[] {
  const perTopic = new Map<string, number>();
  for (const o of decision.obligations) perTopic.set(o.topic, (perTopic.get(o.topic) ?? 0) + 1);
  const said = saidOf(text, wordingOf(text, locale));
  const { every, serviceKinds } = said.wording;
  return decision.obligations.filter((o) => {
    if (already(o.id) || !statesSaid(o, said)) return false;
    if ((perTopic.get(o.topic) ?? 0) < 2 || every.test(text)) return true;
    if (verbatim(o, said)) return true;
    return o.serviceIds.some((id) => {
      const kind = decision.services.find((s) => s.serviceId === id)?.serviceKind ?? "";
      return serviceKinds[kind]?.test(text) ?? false;
    });
  });
}

/** The topics the matcher knows in its own words in `lang` (others count only when said verbatim). */
export const knownTopics = (lang: Language = "en"): readonly string[] => Object.keys(WORDINGS[lang].concepts);
/** The topics the matcher knows in English. */
export const KNOWN_TOPICS: readonly string[] = knownTopics("en");
