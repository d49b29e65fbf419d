/**
 * The speech checker's behaviour on single sentences: lemmas generalise over wording, a
 * negation or a condition cancels a match, a first-person "I'm required to" is not an
 * obligation put on the customer, German and Swedish use word patterns, the bot's own
 * checker is unchanged, words reported from someone else and corrected are not the agent's,
 * and bad speech patterns are refused with the field named.
 */
import { describe, expect, it } from "vitest";
import { checkSpeech, checkUtterance } from "../../src/guardrails/index.js";
import { compileTone } from "../../src/policies/utterance/toneSchema.js";
import { defaultTone } from "../policies/utterance/support.js";

const tone = defaultTone();
const speech = (text: string, lang = "en") => checkSpeech({ tone }, text, { speaker: "agent", lang });
const rules = (text: string, lang = "en") => speech(text, lang).map((f) => f.ruleId);

describe("speech patterns over lemmas", () => {
  it("one obstruction pattern matches wordings the phrase lists never saw", () => {
    for (const text of [
      "You’re going to have to pop down to your local branch.",
      "you'd need to come into the store with your ID",
      "Sorry, you'd have to nip down to your nearest showroom.",
      "To cancel you'll really need to head to one of our outlets.",
    ]) {
      expect(checkUtterance({ tone }, text, { speaker: "agent" }), text).toEqual([]);
      expect(rules(text), text).toContain("tone.obstruction.must-go-to-store");
    }
  });

  it("a negated obligation, a condition or the agent's own obligation does not match", () => {
    for (const text of [
      "You don't have to visit a store, I can do it now.",
      "You won't need to go into a shop.",
      "You never have to come into a branch.",
      "If you need to visit a store for anything else, the nearest one is on High Street.",
      "I'm required to tell you about the exit fee.",
      "You can visit a store if you prefer, but I can do it here.",
    ])
      expect(speech(text), text).toEqual([]);
  });

  it("reports the words, the rule, why and a compliant alternative", () => {
    const text = "Honestly? What did you expect?";
    const [f] = speech(text);
    expect(f).toMatchObject({
      kind: "tone",
      category: "condescension",
      ruleId: "tone.condescension.what-did-you-expect",
      span: { start: 10, end: 30, text: "What did you expect?" },
    });
    expect(f?.message).toContain("Mocks the customer's expectations");
    expect(f?.alternative).toBe(tone.categories.find((c) => c.id === "condescension")?.alternative);
  });

  it("adds to checkUtterance's findings without repeating them", () => {
    const text = "That's your own fault. You're going to have to pop down to your local branch.";
    const bot = checkUtterance({ tone }, text, { speaker: "agent" });
    const all = speech(text);
    expect(bot.map((f) => f.category)).toEqual(["blame"]);
    expect(all.map((f) => f.category)).toEqual(["blame", "obstruction"]);
  });

  it("German and Swedish: word patterns with nicht / inte", () => {
    expect(rules("Sie müssen dafür persönlich in eine Filiale kommen.", "de")).not.toEqual([]);
    expect(speech("Sie müssen nicht in eine Filiale kommen, ich erledige das jetzt.", "de")).toEqual([]);
    expect(rules("Du måste skicka in uppsägningen skriftligt.", "sv")).toContain(
      "tone.obstruction.maste-kanal",
    );
    expect(speech("Du behöver inte gå till butiken, jag säger upp det nu.", "sv")).toEqual([]);
  });

  it("leaves the bot's own checker as it was: speech patterns are not in checkUtterance", () => {
    const text = "You're going to have to pop down to your local branch.";
    expect(checkUtterance({ tone }, text, { speaker: "bot" })).toEqual([]);
    expect(rules(text)).toEqual(["tone.obstruction.must-go-to-store"]);
  });
});

describe("reported and corrected speech", () => {
  it("words the agent reports from someone else and corrects in the same turn are not the agent's", () => {
    for (const [text, lang] of [
      [
        "The agent you spoke to last week said you had to visit a store to cancel. That's not true, I can do it on this call.",
        "en",
      ],
      [
        "Someone told you it's your own fault the bill went up? I'm sorry, that was wrong, the price rise was ours.",
        "en",
      ],
      [
        "The letter says 'last chance to keep your discount', you can ignore that, there's no deadline for leaving.",
        "en",
      ],
      [
        "Ihr Berater hat Ihnen gesagt, Sie müssen persönlich in eine Filiale kommen? Das stimmt nicht, ich kündige das gleich hier.",
        "de",
      ],
      [
        "Jag ser att en kollega skrev att du måste skicka in uppsägningen skriftligt. Det är fel, jag kan säga upp den här och nu.",
        "sv",
      ],
    ] as const)
      expect(speech(text, lang), text).toEqual([]);
  });

  it("the same words still count when the agent says them, or repeats someone else's approvingly", () => {
    for (const [text, lang, rule] of [
      ["You have to visit a store to cancel.", "en", "tone.obstruction.must-visit-store"],
      [
        "Like my colleague said, you have to go to a store to cancel.",
        "en",
        "tone.obstruction.must-visit-store",
      ],
      [
        "I told you, you have to go to a store, it doesn't change.",
        "en",
        "tone.obstruction.must-visit-store",
      ],
      ["Sie müssen persönlich in eine Filiale kommen.", "de", "tone.obstruction.muessen-filiale"],
      [
        "Wie mein Kollege schon gesagt hat, Sie müssen persönlich in eine Filiale kommen.",
        "de",
        "tone.obstruction.muessen-filiale",
      ],
      ["Du måste skicka in uppsägningen skriftligt.", "sv", "tone.obstruction.maste-kanal"],
      [
        "Som min kollega sa, du måste skicka in uppsägningen skriftligt.",
        "sv",
        "tone.obstruction.maste-kanal",
      ],
      [
        "Min kollega sa att du måste skicka in uppsägningen skriftligt, och det stämmer.",
        "sv",
        "tone.obstruction.maste-kanal",
      ],
    ] as const)
      expect(rules(text, lang), text).toContain(rule);
  });
});

describe("narrowed rules keep their unfair uses", () => {
  it("echoing, pacing for a number, a result 'so you get', 'not because', the agent's own day or fault are fair", () => {
    for (const [text, lang] of [
      ["Calm down? No, you've every right to be upset.", "en"],
      ["I'll say it slowly for the account number so you can note it.", "en"],
      ["I'll pause the service until the 3rd, so you get the full month.", "en"],
      ["I'll go over the dates again, not because you forgot anything, just so they're on the record.", "en"],
      ["This is the fourth time I'm explaining it, and that's my fault, not yours.", "en"],
      ["I'll stay on the line so you won't have to explain it again.", "en"],
      ["Ich bin nur heute im Homeoffice, die Leitung ist etwas schlecht.", "de"],
    ] as const)
      expect(speech(text, lang), text).toEqual([]);
  });

  it("while the unfair wordings still fire", () => {
    for (const [text, lang, rule] of [
      ["Calm down and let me finish.", "en", "tone.condescension.phrase.en"],
      ["Let me say it again, slowly this time.", "en", "tone.condescension.phrase.en"],
      ["So you get it now?", "en", "tone.condescension.so-you-get-it"],
      ["Let me put it in terms you'll understand.", "en", "tone.condescension.in-a-way-you-understand"],
      ["The fee is there because you missed the deadline.", "en", "tone.blame.because-you-failed"],
      ["This is the third time I've had to explain this.", "en", "tone.condescension.third-time-i-explain"],
      ["I'm not going to explain this again.", "en", "tone.condescension.not-explaining-again"],
      ["Nur heute, morgen ist der Preis weg.", "de", "tone.pressure_false_urgency.phrase.de"],
    ] as const)
      expect(rules(text, lang), text).toContain(rule);
  });
});

describe("speech patterns are validated like the rest of the tone", () => {
  const section = (pattern: Record<string, unknown>) => ({
    categories: [],
    speech: {
      sets: { store: ["store", "shop"] },
      patterns: [{ id: "p", category: "obstruction", why: "w", ...pattern }],
    },
  });
  const errors = (pattern: Record<string, unknown>) => {
    const r = compileTone(section(pattern), { file: "pack.yaml" }, tone);
    return Array.isArray(r) ? r.map((e) => `${e.path}: ${e.message}`) : [];
  };

  it("accepts a good pattern and finds with it", () => {
    const r = compileTone(
      section({ id: "shop-only", match: "{go|come} ~2 @store only" }),
      { file: "pack.yaml" },
      tone,
    );
    if (Array.isArray(r)) throw new Error(JSON.stringify(r));
    const found = checkSpeech({ tone: r }, "You go to the shop only.", { speaker: "agent", lang: "en" });
    expect(found.map((f) => f.ruleId)).toContain("tone.obstruction.shop-only");
  });

  it("names the field of an unknown set, a bad gap, an unknown category and a repeated id", () => {
    expect(errors({ match: "you @nowhere" })).toEqual([
      'tone.speech.patterns[0].match: unknown set "@nowhere" (define it under speech.sets)',
    ]);
    expect(errors({ match: "you ~9 store" })).toEqual([
      'tone.speech.patterns[0].match: "~9": a gap is ~1 to ~8',
    ]);
    expect(errors({ match: "you ~2" })).toEqual([
      "tone.speech.patterns[0].match: a pattern cannot start or end with a gap",
    ]);
    expect(errors({ match: "{you|~2}" })).toEqual([
      'tone.speech.patterns[0].match: "{you|~2}": no gap or set inside {…}; write two patterns',
    ]);
    expect(errors({ category: "rudeness", match: "you" })).toEqual([
      "tone.speech.patterns[0].category: unknown tone category rudeness",
    ]);
    expect(errors({ id: "must-go-to-store", match: "you" })).toEqual([
      "tone.speech.patterns[0].id: speech pattern must-go-to-store is already defined",
    ]);
  });
});
