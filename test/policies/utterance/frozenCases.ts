/**
 * The cases of frozenFindings.test.ts: the labelled corpus, typical bot messages and
 * generated variants of both (amounts swapped, fee/offer/cancel/unlock words and tone phrases
 * inserted, sentences mixed), each with a speaker and a decision context from support.ts. The
 * same seed gives the same cases, so the findings of every case can be frozen in a file.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { parse } from "yaml";
import type { Finding } from "../../../src/policies/utterance/finding.js";
import { CONTEXTS, repoFile } from "./support.js";

export interface FrozenCase {
  name: string;
  text: string;
  speaker: "bot" | "agent";
  /** A key of CONTEXTS, or undefined for no decision and no ledger. */
  context?: string;
}

/** Messages the bot sends in the demo conversations (with other customers' details). */
export const BOT_MESSAGES: readonly string[] = [
  "Here is what leaving means for you, one topic at a time.",
  "Ending TV Mellan (45 kanaler) costs 2,691.00 SEK.",
  "Please return the Arris VIP5305 after Wednesday 23 December 2026; we send a free return label by email.",
  "We can take 89.80 SEK a month off Fiber 500/500 for 6 months. If you would rather leave, just say no and we carry on.",
  "You are welcome back any time, and a person is one message away if anything is unclear.",
  "Ending SIM Only 30GB (24 months) costs £36.00.",
  "Your final bill: £36.00 for leaving, plus your normal charges up to the end date.",
  "We have not delivered the service you pay for, so you can leave without an exit fee.",
  "Ending TV Sports & Cinema costs £0.00 after what we waive.",
  "We can take £12.80 a month off TV Sports & Cinema for 6 months. If you would rather leave, just say no and we carry on.",
  "To confirm, here's what will happen:\n• Broadband: ends Wednesday 23 December 2026; you owe £0.00 for leaving (£704.00 waived).\n• We send a prepaid label to return the equipment.\nShall I go ahead and cancel? (yes / no)",
  "To keep your number +46701740633 with your next provider, ask us for a porting code now, before your service ends on Wednesday 23 December 2026.",
  "Your final bill: €39.95 for leaving, plus your normal charges up to the end date.",
  "To confirm, here's what will happen:\n• Subscription: ends Sunday 13 December 2026; you owe $0.00 for leaving.\nShall I go ahead and cancel? (yes / no)",
  "Our bereavement team will help you; nothing is charged. I'm a bot, so I'm passing you to a person now. Nothing has been cancelled yet.",
  "Your Samsung Galaxy S20 FE 128GB is locked to our network. Unlocking is free: we unlock it now and send you the steps to finish, so it works with any network.",
  "To keep your number +447700900123, text PAC to 65075; to leave without it, text STAC to 75075. The code arrives by text within a minute and is valid for 30 days. It will state your charges for leaving early (£36.00).",
  "Your minimum term for SIM Only 30GB (24 months) ends on Monday 25 January 2027. After that date you can leave without an exit fee.",
  "Your open dispute (£34.00) will stay open after you leave; any credit we owe you is taken off the final bill or refunded.",
  "Cancellation confirmed. Your reference is FX-20261123-2B3D16 (23 November 2026 at 10:00 UTC).\n• Mobile ends on Wednesday 23 December 2026. For leaving you owe £36.00.\n• Your handset unlock has been requested; it happens remotely.\nTotal for leaving: £36.00.",
  "Cancellation confirmed. Your reference is FX-20261123-EC672B.\n• Mobile ends on Wednesday 23 December 2026. For leaving you owe 279.00 SEK.\n• Broadband ends on Wednesday 23 December 2026. For leaving you owe 399.00 SEK.\nTotal for leaving: 678.00 SEK.",
  'Step 2 of 2: press "Confirm cancellation" to cancel. Nothing is cancelled until you do.',
  "We got something wrong on your account, and it is on our record, so we waive the exit fee.",
  "Understood. Let's carry on with the cancellation.",
  "We will not contact you with offers after you leave.",
];

/** Words and phrases the generated variants put in: fees, amounts, offers, refusals, unlocks, tone. */
const FRAGMENTS: readonly string[] = [
  "exit fee",
  "early termination charge",
  "cancellation fee",
  "device balance",
  "router charge",
  "non-return fee",
  "notice period",
  "3 more months",
  "the rest of your contract",
  "you'll pay",
  "you will be charged",
  "in total",
  "waived",
  "not",
  "still",
  "instead of",
  "per month",
  "if you don't return it",
  "Kündigungsgebühr",
  "uppsägningsavgiften",
  "fällig",
  "betala",
  "early",
  "before the end of your contract",
  "discount",
  "we can offer you",
  "how about",
  "50% off",
  "3 months free",
  "no more offers",
  "I could give you a special deal",
  "you can't cancel",
  "you must call us",
  "cancellation isn't possible",
  "you'll need to visit a store",
  "pass you to a colleague who",
  "unlock",
  "network lock",
  "in 2 days",
  "within 24 hours",
  "go into one of our shops",
  "if you prefer",
  "no need",
  "last chance",
  "hurry",
  "we'll really miss you",
  "as I already said",
  "that's your own fault",
  "just a small fee",
  "I'm a real person",
  "a big mistake",
  "sorry to see you go",
  "no rush",
  "a debt collection agency",
  "sweetie",
  "free*",
  "it's free, except",
  "fees will be explained later",
  "du måste ringa",
  "Sie müssen in eine Filiale",
  "nicht online kündigen",
  "Nur heute!",
  "sista chansen",
];
const AMOUNTS: readonly string[] = [
  "£36.00",
  "36 GBP",
  "1,197 SEK",
  "399:-",
  "1.197,00 €",
  "30 euros",
  "$12",
  "12,50 kr",
  "£0.00",
  "€100",
  "1 197 kr",
  "£3.60 a month",
];
const SEPARATORS: readonly string[] = [
  ", ",
  "; ",
  ": ",
  " - ",
  " but ",
  ". ",
  "? ",
  "! ",
  "\n",
  " ",
  " men ",
  " aber ",
];
const ODD: readonly string[] = ["\u2019", "\u00A0", "µ", "_", "İ", "ß", "😀", "𝐀", "\u2009", "Σ", "…"];

const Corpus = (): { id: string; speaker?: "bot" | "agent"; context?: string; text: string }[] => {
  const file = parse(readFileSync(repoFile("test/fixtures/utterances.yaml"), "utf8"));
  return [...file.development, ...file.heldOut];
};

/** Every case, in a fixed order. */
export function frozenCases(): FrozenCase[] {
  const contexts = Object.keys(CONTEXTS);
  const out: FrozenCase[] = [];
  const corpus = Corpus();
  corpus.forEach((item, i) => {
    out.push({ name: item.id, text: item.text, speaker: item.speaker ?? "bot", context: item.context });
    out.push({ name: `${item.id}/agent`, text: item.text, speaker: "agent" });
    out.push({
      name: `${item.id}/${contexts[i % contexts.length]}`,
      text: item.text,
      speaker: "bot",
      context: contexts[i % contexts.length],
    });
  });
  BOT_MESSAGES.forEach((text, i) => {
    out.push({ name: `bot-${i}`, text, speaker: "bot" });
    for (const context of contexts) out.push({ name: `bot-${i}/${context}`, text, speaker: "bot", context });
  });
  const random = seeded(20261123);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(random() * xs.length)] as T;
  const sources = [...corpus.map((c) => c.text), ...BOT_MESSAGES];
  for (let i = 0; i < 400; i++) {
    let text = pick(sources);
    for (let round = 1 + Math.floor(random() * 3); round > 0; round--)
      text = vary(text, random, pick, sources);
    const context = i % (contexts.length + 1) === 0 ? undefined : contexts[i % contexts.length];
    out.push({ name: `variant-${i}`, text, speaker: i % 4 === 3 ? "agent" : "bot", context });
  }
  return out;
}

function vary(
  text: string,
  random: () => number,
  pick: <T>(xs: readonly T[]) => T,
  sources: readonly string[],
): string {
  const words = text.split(" ");
  const at = Math.floor(random() * (words.length + 1));
  switch (Math.floor(random() * 6)) {
    case 0:
      return [text, pick(SEPARATORS), pick(sources)].join("");
    case 1:
      words.splice(at, 0, pick(FRAGMENTS));
      return words.join(" ");
    case 2:
      return text.replace(/[£€$]?\d[\d.,]*(?:\s?(?:SEK|EUR|GBP|kr|€))?/g, () => pick(AMOUNTS));
    case 3:
      words.splice(at, 0, pick(AMOUNTS), pick(FRAGMENTS));
      return words.join(" ");
    case 4: {
      const i = Math.floor(random() * text.length);
      return text.slice(0, i) + pick(ODD) + text.slice(i);
    }
    default:
      return Array.from(
        { length: 3 + Math.floor(random() * 8) },
        () => `${pick(FRAGMENTS)}${pick(SEPARATORS)}`,
      ).join("");
  }
}

/** A small deterministic generator (a linear congruential one). */
function seeded(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1103515245 + 12345) & 0x7fffffff;
    return state / 0x80000000;
  };
}

/** One line per case: the categories and spans found, and a digest of every field of every finding. */
export function frozenLine(c: FrozenCase, findings: readonly Finding[]): string {
  const spans = findings.map((f) => `${f.category}@${f.span.start}-${f.span.end}`).join(",") || "-";
  const digest = createHash("sha256").update(JSON.stringify(findings)).digest("hex").slice(0, 16);
  return `${c.name}\t${c.speaker}\t${c.context ?? "-"}\t${spans}\t${digest}`;
}
