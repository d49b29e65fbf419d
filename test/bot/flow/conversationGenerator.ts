/**
 * A conversation generator (fast-check) for one customer story: the moving customer with a
 * recorded promise (cust-se-moving: a salesperson recorded that moving somewhere we cannot
 * serve ends the contract without a fee; they move to 962 31, which we cannot serve).
 *
 * A generated conversation says the same facts as the canonical one (cancel, both services,
 * moving, the new postcode) in any order, before or after identification, in English, German
 * or Swedish wordings from a small phrase bank, with the reason and the postcode together or
 * apart, questions in the middle and at the review, and sometimes a wrong postcode first and
 * its correction later. Once its script is said, the customer answers whatever the bot still
 * asks the way `directAnswer` does, tells the review to cancel (or carry on) and confirms, in
 * words from the bank.
 */
import fc from "fast-check";
import type { BotTurn } from "../../../src/bot/botReply.js";
import type { AuditEntry } from "../../../src/domain/auditEntry.js";
import { aCancellationBot } from "../cancellationBot.js";
import { SAID } from "../language/said.js";
import type { DemoStory } from "./demoCustomerStories.js";
import { directAnswer } from "./directCustomer.js";

export type Lang = "en" | "de" | "sv";

export const MOVING_STORY: DemoStory = {
  customerId: "cust-se-moving",
  accountNumber: "SE204718",
  postcode: "169 57",
  reason: "we're moving",
  newPostcode: "962 31",
};
const NEW = "962 31";
/** A postcode we do serve: said by mistake first, corrected later. */
const WRONG = "411 01";

/** The phrase bank: each fact in a few wordings per language. */
export const BANK = {
  cancel: {
    en: ["I want to cancel", "Hi, I'd like to cancel my contract", "cancel please"],
    de: ["Ich möchte kündigen", "Hallo, ich will meinen Vertrag kündigen"],
    sv: ["Jag vill säga upp mitt abonnemang", "Hej, jag vill avsluta"],
  },
  services: {
    en: ["broadband and TV", "cancel everything", "both the broadband and the TV please"],
    de: ["Internet und Fernsehen", "alles kündigen"],
    sv: ["bredband och tv", "säg upp allt"],
  },
  moving: {
    en: ["we're moving", "we are moving house"],
    de: ["Wir ziehen um"],
    sv: ["Vi flyttar"],
  },
  movingTo: {
    en: [`we're moving to ${NEW}`, `we are moving to Jokkmokk, ${NEW}`],
    de: [`Wir ziehen nach ${NEW} um`],
    sv: [`Vi flyttar till ${NEW}`],
  },
  newPostcodeAlone: {
    en: [`the new postcode is ${NEW}`, `to ${NEW}`],
    de: [`die neue Postleitzahl ist ${NEW}`],
    sv: [`nya postnumret är ${NEW}`],
  },
  movingToWrong: {
    en: [`we're moving to ${WRONG}`],
    de: [`Wir ziehen nach ${WRONG} um`],
    sv: [`Vi flyttar till ${WRONG}`],
  },
  correction: {
    en: [`we're moving to ${NEW}, not ${WRONG}`, `sorry, I meant ${NEW}`],
    de: [`nicht ${WRONG}, sondern ${NEW}`, `Wir ziehen nach ${NEW}, nicht ${WRONG}`],
    sv: [`Vi flyttar till ${NEW}, inte ${WRONG}`, `jag menade ${NEW}`],
  },
  question: {
    en: ["what happens to my number?", "what do I owe?", "when does it end?"],
    de: ["Was kostet das?", "Wann endet der Vertrag?", "Was passiert mit meiner Nummer?"],
    sv: ["Vad kostar det?", "När slutar det?", "Vad händer med mitt nummer?"],
  },
  /** At the review, once everything is said: an instruction to cancel, or carry on. */
  atReview: {
    en: ["yes, cancel it", "go ahead and cancel", "continue", "no, I just want to cancel"],
    de: ["Ja, bitte kündigen", "weiter", "ja, kündigen"],
    sv: ["ja, säg upp", "fortsätt", "kör, säg upp det"],
  },
  /** The answer to the confirmation card. */
  atConfirm: {
    en: ["yes", "yes, cancel it", "go ahead and cancel"],
    de: ["ja", "ja, kündigen"],
    sv: ["ja", "ja, säg upp"],
  },
} as const satisfies Record<string, Record<Lang, readonly string[]>>;

type Fact = "services" | "moving";

export interface GeneratedConversation {
  lang: Lang;
  /** Said before the account number (the first is the wish to cancel). */
  before: string[];
  /** Said after identification, whatever the bot asks, before answering it. */
  after: string[];
  /** A question asked at the review before answering it, if any. */
  reviewQuestion?: string;
  atReview: string;
  atConfirm: string;
}

const pick = (xs: readonly string[]) => fc.constantFrom(...xs);

/** How the move is told: with the postcode, apart, or wrong first and corrected. */
function movingLines(lang: Lang) {
  return fc.oneof(
    pick(BANK.movingTo[lang]).map((l) => [l]),
    fc.tuple(pick(BANK.moving[lang]), pick(BANK.newPostcodeAlone[lang])).map(([a, b]) => [a, b]),
    fc.tuple(pick(BANK.movingToWrong[lang]), pick(BANK.correction[lang])).map(([a, b]) => [a, b]),
  );
}

export function conversations(): fc.Arbitrary<GeneratedConversation> {
  return fc.constantFrom<Lang>("en", "de", "sv").chain((lang) =>
    fc
      .record({
        cancel: pick(BANK.cancel[lang]),
        services: pick(BANK.services[lang]),
        moving: movingLines(lang),
        /** Where each fact is said: before identification or after it. */
        servicesEarly: fc.boolean(),
        movingEarly: fc.boolean(),
        /** The move's second line (postcode, correction) comes after identification anyway. */
        splitMove: fc.boolean(),
        servicesFirst: fc.boolean(),
        questions: fc.array(fc.tuple(pick(BANK.question[lang]), fc.nat(4)), { maxLength: 2 }),
        reviewQuestion: fc.option(pick(BANK.question[lang]), { nil: undefined }),
        atReview: pick(BANK.atReview[lang]),
        atConfirm: pick(BANK.atConfirm[lang]),
      })
      .map((g) => {
        const before: string[] = [g.cancel];
        const after: string[] = [];
        const place = (lines: string[], early: boolean) => {
          if (!early) after.push(...lines);
          else if (g.splitMove && lines.length > 1) {
            before.push(lines[0]!);
            after.push(...lines.slice(1));
          } else before.push(...lines);
        };
        const facts: [Fact, string[], boolean][] = [
          ["services", [g.services], g.servicesEarly],
          ["moving", g.moving, g.movingEarly],
        ];
        if (!g.servicesFirst) facts.reverse();
        for (const [, lines, early] of facts) place(lines, early);
        for (const [q, at] of g.questions) after.splice(Math.min(at, after.length), 0, q);
        return {
          lang,
          before,
          after,
          ...(g.reviewQuestion ? { reviewQuestion: g.reviewQuestion } : {}),
          atReview: g.atReview,
          atConfirm: g.atConfirm,
        };
      }),
  );
}

export interface Played {
  /** The language the customer wrote in (the bot answers in it: issue 16, class 8). */
  lang: Lang;
  transcript: string[];
  /** What the customer said, one line a turn. */
  lines: string[];
  /** Every bot turn, in order (the answer to `lines[i]` is `turns[i]`). */
  turns: BotTurn[];
  executed: boolean;
  receipt?: string;
  /** The decision audited last. */
  decision?: Record<string, unknown>;
  audit: readonly AuditEntry[];
}

/** Plays a conversation through the real engine: its script first, then direct answers. */
export async function play(c: GeneratedConversation, story: DemoStory = MOVING_STORY): Promise<Played> {
  const bot = await aCancellationBot();
  const chat = bot.chat();
  const turns: BotTurn[] = [];
  const lines: string[] = [];
  const before = [...c.before];
  const after = [...c.after];
  let identified = false;
  let reviewQuestion = c.reviewQuestion;
  let last: BotTurn | undefined;
  for (let guard = 0; guard < 30; guard++) {
    let line: string | undefined;
    if (before.length > 0) line = before.shift();
    else if (!identified && last?.expecting === "postcode") line = story.postcode;
    else if (!identified) line = story.accountNumber;
    else if (after.length > 0) line = after.shift();
    else if (last?.stage === "review" && reviewQuestion) {
      line = reviewQuestion;
      reviewQuestion = undefined;
    } else if (last?.stage === "review") line = c.atReview;
    else if (last?.expecting === "confirm") line = c.atConfirm;
    else if (last) line = directAnswer(last, story, c.lang).line;
    if (line === undefined) break;
    if (!identified && line === story.postcode) identified = true;
    last = await chat.says(line);
    lines.push(line);
    turns.push(last);
    if (last.messages.some((m) => m.card?.kind === "receipt")) break;
  }
  const receipt = turns.flatMap((t) => t.messages).find((m) => m.card?.kind === "receipt");
  return {
    lang: c.lang,
    transcript: chat.transcript,
    lines,
    turns,
    executed: receipt !== undefined,
    receipt: receipt?.text,
    decision: bot.audit.entries.filter((e) => e.kind === "decision").at(-1)?.data,
    audit: bot.audit.entries,
  };
}

/** The canonical order: the bot asks, the customer answers (in English). */
export const CANONICAL: GeneratedConversation = {
  lang: "en",
  before: ["I want to cancel"],
  after: [],
  atReview: "continue",
  atConfirm: "yes",
};

/**
 * What differs from the canonical outcome, in words (empty when nothing does). What the bot says
 * is looked for in the conversation's language.
 */
export function differences(p: Played, canonical: Played): string[] {
  const out: string[] = [];
  const w = SAID[p.lang];
  const waivers = (x: Played) =>
    ((x.decision?.waivers as { ruleId: string; serviceId: string; amount: number }[] | undefined) ?? [])
      .map((w) => `${w.ruleId}:${w.serviceId}:${w.amount}`)
      .sort()
      .join(",");
  if (!p.executed) out.push("not executed");
  if (JSON.stringify(p.decision?.totals) !== JSON.stringify(canonical.decision?.totals))
    out.push(`totals ${JSON.stringify(p.decision?.totals)}`);
  if (waivers(p) !== waivers(canonical)) out.push(`waivers ${waivers(p)}`);
  if (p.executed && !p.receipt?.includes(w.nothingDue)) out.push("the receipt charges a fee");
  const said = p.turns.flatMap((t) => t.messages.map((m) => m.text)).join("\n");
  if (said.includes(w.didNotUnderstand)) out.push("said it did not understand");
  const confirmations = said.split(w.confirmQuestion).length - 1;
  if (confirmations > 1) out.push(`asked to confirm ${confirmations} times`);
  if (w.offerAccepted.test(said)) out.push("took an offer the customer did not take");
  /** What the bot said after the customer's first line matching `told`. */
  const saidAfter = (told: RegExp) => {
    const i = p.lines.findIndex((l) => told.test(l));
    return i < 0
      ? ""
      : p.turns
          .slice(i)
          .flatMap((t) => t.messages.map((m) => m.text))
          .join("\n");
  };
  if (w.askReason.test(saidAfter(/mov|zieh|flytt/i))) out.push("asked why, after being told");
  if (saidAfter(/962 31/).includes(w.askNewPostcode)) out.push("asked for the new postcode after being told");
  return out;
}
