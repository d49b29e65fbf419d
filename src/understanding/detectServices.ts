/**
 * The services a customer names ("my broadband and TV", "bredband, tv och telefoni",
 * "Internet, Telefon und Fernsehen"), in the order named. A service that is negated or kept
 * ("not the TV", "keep the mobile", "everything except the mobile", "allt utom mobilen",
 * "das Handy behalte ich") is not named for cancelling.
 *
 * Words that are ambiguous alone ("phone", "Telefon", "Handy") name a service only in a list
 * with another named service ("TV, internet and phone" is the landline), or as the one kept.
 *
 * "Everything" ("cancel everything", "all of it", "beides", "alltihop" with a wish to cancel;
 * "all"/"allt"/"alles" as the whole answer) means every service kind, less those kept. When
 * the customer also lists services ("Cancel everything. TV, internet and the phone line."),
 * the list is what they mean and is returned; "the TV and the rest" is everything again.
 * `kinds` is then never empty, so the conversation needs no "which services?" question.
 */
import { ServiceKind } from "../domain/customer.js";
import type { Expectation } from "../domain/understanding.js";
import {
  everythingNotObject,
  lexicon,
  NAMED_SERVICE_KINDS,
  REASON_PRIORITY,
  serviceKeeping,
} from "./compiledLexicon.js";
import type { Hit, Phrases } from "./lexiconPatterns.js";
import { type Message, wordAfter, wordsOf } from "./message.js";
import { isNegated } from "./negation.js";

export interface NamedServices {
  kinds?: ServiceKind[];
  /** "Everything": all services (less the ones kept, in `kinds`). */
  everything: boolean;
  /** Said in a phrase ("cancel everything") rather than a one-word answer ("all"). */
  everythingPhrase: boolean;
}

const ALL_KINDS: readonly ServiceKind[] = ServiceKind.options;
/** Words that end the look-ahead for "… behalte ich", "… vill jag ha kvar". */
const LIST_JOINERS = new Set([
  "and",
  "und",
  "och",
  "or",
  "oder",
  "eller",
  "but",
  "aber",
  "sondern",
  "men",
  "|",
]);

interface Found {
  kind: ServiceKind;
  at: number;
  kept: boolean;
}

/** "das Handy behalte ich", "mobilen vill jag ha kvar": a keeping word in the four words after. */
function keptAfter(text: string, hit: Hit): boolean {
  let end = hit.end;
  for (let i = 0; i < 4; i++) {
    const word = wordAfter(text, end);
    if (word === "" || LIST_JOINERS.has(word)) return false;
    if (serviceKeeping.has(word) && !["ohne", "utan", "without", "bis"].includes(word)) return true;
    end = text.indexOf(" ", end + 1);
    if (end < 0) return false;
  }
  return false;
}

function findKinds(message: Message, window: number): Found[] {
  const text = message.text;
  const keeping = { window, extra: serviceKeeping };
  const read = (hit: Hit) => isNegated(text, hit, keeping) || keptAfter(text, hit);
  const found: Found[] = [];
  const spans: Hit[] = [];
  for (const kind of NAMED_SERVICE_KINDS) {
    const hits = lexicon.serviceKind[kind].all(message);
    spans.push(...hits);
    const named = hits.find((h) => !read(h));
    if (named) found.push({ kind, at: named.start, kept: false });
    else if (hits[0]) found.push({ kind, at: hits[0].start, kept: true });
  }
  const listed = found.length > 0;
  for (const kind of NAMED_SERVICE_KINDS) {
    if (found.some((f) => f.kind === kind)) continue;
    const hit = lexicon.serviceKindInList[kind].find(
      message,
      (h) => !spans.some((f) => h.start < f.end && f.start < h.end),
    );
    // alone, an ambiguous word names a service only when it is the one kept ("alles außer dem Handy")
    if (hit && (listed || read(hit))) found.push({ kind, at: hit.start, kept: read(hit) });
  }
  return found.sort((a, b) => a.at - b.at);
}

const clauseAt = (text: string, at: number): number => {
  let n = 0;
  for (let i = text.indexOf("|"); i >= 0 && i < at; i = text.indexOf("|", i + 1)) n++;
  return n;
};

/**
 * "Cancel my TV. The internet keeps dropping.": a service named only in a clause that says
 * why (and asks nothing to be cancelled) is complained about, not named for cancelling, when
 * another clause names what to cancel.
 */
function withoutComplainedAbout(message: Message, found: Found[]): Found[] {
  const text = message.text;
  const clausesOf = (hits: Hit[]) => new Set(hits.map((h) => clauseAt(text, h.start)));
  const cancelling = clausesOf([
    ...lexicon.cancel.all(message),
    ...lexicon.cancelKeyword.all(message),
    ...lexicon.everything.all(message),
  ]);
  const why = clausesOf([
    ...REASON_PRIORITY.flatMap((r) => lexicon.reason[r].all(message)),
    ...lexicon.complaint.all(message),
  ]);
  const complainedAbout = (f: Found) => {
    const clause = clauseAt(text, f.at);
    return why.has(clause) && !cancelling.has(clause);
  };
  const rest = found.filter((f) => f.kept || !complainedAbout(f));
  return rest.some((f) => !f.kept) ? rest : found;
}

/** "everything" as what is to be cancelled, not the subject of a complaint ("everything is broken"). */
function asObject(message: Message, phrases: Phrases): boolean {
  const text = message.text;
  return (
    phrases.find(message, (h) => {
      const own = wordsOf(text, h.start, h.end);
      const next = wordAfter(text, h.end);
      return !everythingNotObject.has(next) && !own[own.length - 1]?.endsWith("'s");
    }) !== undefined
  );
}

export function detectServices(
  message: Message,
  expecting: Expectation,
  wantsToCancel = false,
): NamedServices {
  const asked = expecting === "services" || expecting === "anything";
  const everythingPhrase = lexicon.everything.test(message);
  const cancelling = wantsToCancel || expecting === "services";
  const rest = cancelling && asObject(message, lexicon.everythingElse);
  const everything =
    everythingPhrase ||
    rest ||
    (asked && lexicon.everythingWhole.test(message)) ||
    (cancelling && asObject(message, lexicon.everythingObject));

  const found = withoutComplainedAbout(message, findKinds(message, everything ? 3 : 2));
  const named = found.filter((f) => !f.kept).map((f) => f.kind);
  if (!everything) {
    return named.length === 0
      ? { everything: false, everythingPhrase: false }
      : { kinds: named, everything: false, everythingPhrase: false };
  }
  const kept = new Set(found.filter((f) => f.kept).map((f) => f.kind));
  const kinds = named.length > 0 && !rest ? named : ALL_KINDS.filter((k) => !kept.has(k));
  return { kinds, everything: true, everythingPhrase };
}
