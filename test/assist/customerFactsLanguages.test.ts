/**
 * The customer's facts in English, German and Swedish: why they leave, where they move to,
 * their number and the promises they report, from many wordings a fact (table-driven; also typed
 * without umlauts or å), negated ("ich ziehe nicht um" is no move), said across
 * several utterances in any order, and corrected ("actually we're not moving, it's the
 * price"). The last block was written after the patterns were frozen: its hit rate is
 * printed per language and held above a floor, so it measures the patterns rather than
 * repeating what they were tuned on.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { factsAfter } from "../../src/assist/customerFacts.js";
import type { ClaimedPromise, ConversationFacts, LeavingReason } from "../../src/domain/decision.js";
import type { Language } from "../../src/domain/language.js";

type Fact =
  | Exclude<LeavingReason, "changed_mind" | "other">
  | "keepNumber"
  | "dropNumber"
  | "freeCancellation"
  | "feeWaiver"
  | "plainClaim";
type Bank = Record<Language, Partial<Record<Fact, string[]>>>;

const JURISDICTION: Record<Language, string> = { en: "UK", de: "DE", sv: "SE" };

/** What one utterance establishes; no locale is passed: the words alone decide the language. */
const heard = (text: string, lang: Language) => factsAfter({}, text, JURISDICTION[lang]);

/** Whether `facts` show `fact`. */
function shows(facts: ConversationFacts, fact: Fact): boolean {
  const claim: ClaimedPromise | undefined = facts.claims?.[0];
  switch (fact) {
    case "keepNumber":
      return facts.keepNumber === true;
    case "dropNumber":
      return facts.keepNumber === false;
    case "freeCancellation":
      return claim?.kind === "free_cancellation";
    case "feeWaiver":
      return claim?.kind === "fee_waiver";
    case "plainClaim":
      // a promise of something else: a discount, a credit, a better speed
      return claim !== undefined && claim.kind !== "free_cancellation" && claim.kind !== "fee_waiver";
    default:
      return facts.reason === fact;
  }
}

const rows = (bank: Bank) =>
  (Object.keys(bank) as Language[]).flatMap((lang) =>
    Object.entries(bank[lang]).flatMap(([fact, texts]) =>
      (texts ?? []).map((text) => ({ lang, fact: fact as Fact, text })),
    ),
  );

// ---------------------------------------------------------------------------------------------
// The bank the patterns were written against.
// ---------------------------------------------------------------------------------------------
const TUNED: Bank = {
  en: {
    moving: [
      "We're moving to Leeds next month.",
      "I'm moving house so I need to cancel.",
      "we are moving abroad",
      "I've just moved in with my partner.",
      "We're relocating for work.",
      "I'm emigrating to Australia.",
      "We bought a house in Cornwall.",
      "Mum is going into a care home.",
      "new address from next week, so cancel it",
      "im moving out of the flat",
      "We’re moving back home to Scotland.",
    ],
    price: [
      "It's too expensive now.",
      "the price went up again",
      "You raised the price twice this year.",
      "I can get it cheaper elsewhere.",
      "It costs way too much for what it is.",
      "I'm paying far too much.",
      "It's the price, honestly.",
      "because of the price rise",
      "Your prices have gone up and I've had enough.",
      "it's overpriced",
    ],
    switching_provider: [
      "I'm switching to Vodafone.",
      "We're going over to another provider.",
      "I've found a better deal with Sky.",
      "moving to a different network",
      "I'm switching provider.",
      "We've signed up with a new provider.",
      "I'm joining giffgaff.",
    ],
    service_problems: [
      "The broadband keeps dropping.",
      "It doesn't work half the time.",
      "There's no signal at home.",
      "Constant outages since March.",
      "it's too slow to stream anything",
      "The internet is not working again.",
      "Terrible signal in the kitchen.",
      "the wifi keeps cutting out",
    ],
    bereavement: [
      "My husband passed away last month.",
      "My father died in June.",
      "I'm the executor of my mum's estate.",
      "It's for my late wife, she's deceased.",
      "after the funeral I'm sorting out his accounts",
      "I've been bereaved and need to close this.",
      "We're dealing with probate.",
    ],
    money_trouble: [
      "I lost my job.",
      "I can't afford it any more.",
      "I've been made redundant.",
      "Money is tight right now.",
      "I'm out of work.",
      "I simply cannot afford it.",
      "I'm on universal credit now.",
      "we're struggling to pay the bills",
    ],
    keepNumber: [
      "I want to keep my number.",
      "Can I port my number?",
      "I'd like to take my number with me.",
      "I need my PAC code.",
      "keep the same number please",
      "Can you transfer my mobile number?",
    ],
    dropNumber: [
      "I don't need my number.",
      "I'll get a new number.",
      "A new number is fine.",
      "Just send me a STAC.",
      "I don't want to keep my number.",
    ],
    // The kinds are the bot's (src/understanding): cancelling at any time (no minimum term) is
    // free_cancellation; cancelling without paying is a fee waiver.
    freeCancellation: [
      "The salesman told me I could cancel any time.",
      "I was told there was no minimum term.",
    ],
    feeWaiver: [
      "The salesman promised I could cancel for free.",
      "She told me I could cancel at no cost.",
      "I was told I could cancel without a fee.",
      "The sales guy said cancelling would be free.",
      "The salesperson told me there'd be no fee.",
      "They promised I wouldn't have to pay anything.",
      "Your colleague assured me the router was free.",
    ],
    plainClaim: ["The salesman promised me a discount.", "I was told I'd get a better speed."],
  },
  de: {
    moving: [
      "Ich ziehe um.",
      "Wir ziehen nächsten Monat nach Hamburg.",
      "Wegen Umzug möchte ich kündigen.",
      "Ich muss umziehen, deshalb kündige ich.",
      "Wir sind umgezogen.",
      "Ich ziehe zu meiner Freundin.",
      "wir ziehen im Mai zusammen",
      "Ich wandere nach Kanada aus.",
      "Ich habe eine neue Wohnung.",
      "Wir ziehen ins Ausland.",
      "Mein Vater kommt ins Pflegeheim.",
      "Wir ziehen naechsten Monat nach Muenchen.",
      "Ich ziehe aus der Wohnung aus.",
    ],
    price: [
      "Das ist mir zu teuer.",
      "Die Preiserhöhung mache ich nicht mit.",
      "Sie haben den Preis schon wieder erhöht.",
      "Der Preis ist einfach zu hoch.",
      "Es kostet viel zu viel.",
      "Woanders ist es günstiger.",
      "Es ist der Preis.",
      "Das ist mir zu teuer geworden.",
      "Ich zahle einfach zu viel.",
    ],
    switching_provider: [
      "Ich wechsle zu Vodafone.",
      "Wir machen einen Anbieterwechsel.",
      "Ich habe einen neuen Anbieter.",
      "Ich gehe zur Telekom.",
      "Ich möchte den Anbieter wechseln.",
      "Bei O2 zahle ich die Hälfte.",
      "Ich habe ein günstigeres Angebot bekommen.",
      "Wir wechseln zur Konkurrenz.",
    ],
    service_problems: [
      "Ständig Störungen im Netz.",
      "Das Internet funktioniert nicht.",
      "Ich habe kein Netz zu Hause.",
      "Das Internet ist viel zu langsam.",
      "Die Verbindung bricht ständig ab.",
      "Seit Wochen funktioniert gar nichts.",
      "Wir haben dauernd Ausfälle.",
      "Das WLAN geht schon wieder nicht.",
      "Kein Empfang im Keller.",
    ],
    bereavement: [
      "Mein Mann ist verstorben.",
      "Meine Mutter ist gestorben.",
      "Es gab einen Todesfall in der Familie.",
      "Ich kümmere mich um den Nachlass meines Vaters.",
      "Nach der Beerdigung muss ich seine Verträge kündigen.",
      "Ich bin Testamentsvollstrecker.",
      "Mein Vater ist letzte Woche verstorben.",
    ],
    money_trouble: [
      "Ich habe meinen Job verloren.",
      "Ich kann mir das nicht mehr leisten.",
      "Ich bin arbeitslos.",
      "Ich habe kein Geld mehr.",
      "Wir haben Schulden.",
      "Mir wurde gekündigt.",
      "Ich bin gerade knapp bei Kasse.",
      "Ich kann es mir einfach nicht leisten.",
    ],
    keepNumber: [
      "Ich möchte meine Rufnummer mitnehmen.",
      "Kann ich die Nummer behalten?",
      "Ich will meine Nummer portieren.",
      "Die Handynummer möchte ich behalten.",
      "Ich brauche die Rufnummernmitnahme.",
      "Bitte die gleiche Nummer.",
    ],
    dropNumber: [
      "Die Nummer brauche ich nicht.",
      "Ich brauche die Nummer nicht.",
      "Eine neue Nummer ist okay.",
      "Die Nummer ist mir egal.",
      "Ich möchte meine Nummer nicht mitnehmen.",
    ],
    freeCancellation: [
      "Der Verkäufer hat gesagt, der Vertrag ist jederzeit kündbar.",
      "Mir wurde gesagt, es gibt keine Mindestlaufzeit.",
    ],
    feeWaiver: [
      "Der Verkäufer hat mir versprochen, dass ich kostenlos kündigen kann.",
      "Der Berater hat gesagt, die Kündigung ist ohne Gebühr.",
      "Mir wurde gesagt, ich kann jederzeit gratis kündigen.",
      "Der Verkäufer hat mir versprochen, dass es keine Gebühr gibt.",
      "Man hat mir gesagt, das ist kostenlos.",
      "Die Frau im Laden hat gesagt, ich muss nichts zahlen.",
      "Das hat mir der Verkäufer so versprochen: ohne Kosten.",
    ],
    plainClaim: ["Der Verkäufer hat mir einen Rabatt versprochen.", "Mir wurde eine Gutschrift zugesichert."],
  },
  sv: {
    moving: [
      "Vi flyttar till Göteborg.",
      "Jag ska flytta nästa månad.",
      "Vi har flyttat.",
      "Jag flyttar utomlands.",
      "Vi har köpt ett hus.",
      "Jag har fått en ny lägenhet.",
      "Vi ska flytta ihop.",
      "Mamma flyttar till ett äldreboende.",
      "vi flyttar till Malmo",
      "Jag flyttade i somras.",
    ],
    price: [
      "Det är för dyrt.",
      "Prishöjningen var för mycket.",
      "Ni har höjt priset igen.",
      "Priset har gått upp.",
      "Jag betalar för mycket.",
      "Det är billigare hos andra.",
      "Det är priset.",
      "det ar for dyrt",
      "Det har blivit dyrare.",
      "Det är inte värt pengarna.",
    ],
    switching_provider: [
      "Jag byter till Telia.",
      "Vi går över till en annan operatör.",
      "Jag har hittat ett bättre erbjudande.",
      "Jag ska börja hos Tele2.",
      "Vi byter leverantör.",
      "Jag flyttar över till Comviq.",
      "Hos Telenor betalar jag mindre.",
    ],
    service_problems: [
      "Det är ständiga avbrott.",
      "Internet fungerar inte.",
      "Det är ingen täckning här.",
      "Det är så segt.",
      "Bredbandet funkar inte alls.",
      "Uppkopplingen är långsam.",
      "Det strular hela tiden.",
      "Vi har problem med routern.",
      "Det är dålig täckning i huset.",
      "tvn hackar hela tiden",
    ],
    bereavement: [
      "Min man har gått bort.",
      "Pappa gick bort i våras.",
      "Jag ringer för dödsboet.",
      "Det har varit ett dödsfall i familjen.",
      "Efter begravningen vill jag avsluta hans abonnemang.",
      "Min fru har avlidit.",
      "Jag sköter bouppteckningen.",
    ],
    money_trouble: [
      "Jag har förlorat jobbet.",
      "Jag har inte råd längre.",
      "Jag är arbetslös.",
      "Jag blev uppsagd.",
      "Vi har ont om pengar.",
      "Pengarna räcker inte.",
      "Jag har skulder hos kronofogden.",
    ],
    keepNumber: [
      "Jag vill behålla mitt nummer.",
      "Kan jag flytta numret?",
      "Jag vill ta med numret.",
      "Jag vill behålla numret till Telia.",
      "Jag vill ha nummerflytt.",
      "Samma nummer, tack.",
    ],
    dropNumber: [
      "Jag behöver inte numret.",
      "Ett nytt nummer går bra.",
      "Jag vill inte behålla numret.",
      "Jag tar ett nytt nummer.",
      "Numret spelar ingen roll.",
    ],
    freeCancellation: [
      "Säljaren sa att jag kunde säga upp när som helst.",
      "Jag blev lovad att det var utan bindningstid.",
    ],
    feeWaiver: [
      "Säljaren lovade att jag kunde säga upp gratis.",
      "Säljaren sa att uppsägningen var utan avgift.",
      "Jag blev lovad att kunna avsluta utan kostnad.",
      "Säljaren lovade att det inte skulle kosta något.",
      "Han sa att det var gratis.",
      "Det lovades att det var avgiftsfritt.",
      "Kundtjänst sa att jag slipper betala.",
    ],
    plainClaim: ["Säljaren lovade mig rabatt.", "De sa att jag skulle få en ny router."],
  },
};

/**
 * Typed without umlauts or å (a foreign keyboard, a transcript): the shared understander matches
 * "ae", "a" and "ä" alike (src/understanding/diacritics.ts).
 */
const WITHOUT_DIACRITICS: [Language, Fact, string][] = [
  ["de", "price", "Wegen der Preiserhoehung kündige ich."],
  ["de", "service_problems", "Es gibt eine Stoerung seit Tagen."],
  ["de", "feeWaiver", "Der Verkaeufer hat gesagt, ich kann ohne Gebuehr kuendigen."],
  ["sv", "bereavement", "mamma har gatt bort"],
  ["sv", "money_trouble", "jag har inte rad"],
  ["sv", "feeWaiver", "saljaren sa att jag kunde saga upp gratis"],
];

/** Must not set the reason named: the customer denies it. */
const NEGATED: Record<Language, [string, LeavingReason][]> = {
  en: [
    ["I'm not moving.", "moving"],
    ["We are not moving anywhere.", "moving"],
    ["I don't think we're moving after all.", "moving"],
    ["It's not too expensive.", "price"],
    ["Nobody died, I just want to cancel.", "bereavement"],
    ["I haven't lost my job.", "money_trouble"],
    ["I'm not switching to anyone.", "switching_provider"],
  ],
  de: [
    ["Ich ziehe nicht um.", "moving"],
    ["Wir ziehen nicht nach Berlin.", "moving"],
    ["Ein Umzug ist nicht geplant.", "moving"],
    ["Es ist nicht zu teuer.", "price"],
    ["Zu teuer ist es nicht.", "price"],
    ["Ich wechsle nicht zu Vodafone.", "switching_provider"],
    ["Ich habe meinen Job nicht verloren.", "money_trouble"],
  ],
  sv: [
    ["Jag flyttar inte.", "moving"],
    ["Vi flyttar inte till Göteborg.", "moving"],
    ["Vi ska inte flytta.", "moving"],
    ["Det är inte för dyrt.", "price"],
    ["Jag byter inte till Telia.", "switching_provider"],
    ["Jag har inte förlorat jobbet.", "money_trouble"],
  ],
};

/** A denial in one clause leaves the reason in the next. */
const NEGATED_THEN_SAID: Record<Language, [string, LeavingReason][]> = {
  en: [
    ["I'm not moving, it's just too expensive.", "price"],
    ["No, we're moving to Leeds.", "moving"],
    ["It's not just too expensive, it's a rip-off.", "price"],
  ],
  de: [
    ["Ich ziehe nicht um, es ist einfach zu teuer.", "price"],
    ["Nein, wir ziehen um.", "moving"],
    ["Nicht der Preis, sondern das Internet funktioniert nicht.", "service_problems"],
  ],
  sv: [
    ["Vi flyttar inte, det är för dyrt.", "price"],
    ["Nej, vi flyttar.", "moving"],
    ["Inte priset utan internet fungerar inte.", "service_problems"],
  ],
};

describe("each fact, in many wordings, in each language", () => {
  const cases = rows(TUNED);
  it.each(cases)("$lang $fact: $text", ({ lang, fact, text }) => {
    expect(shows(heard(text, lang), fact)).toBe(true);
  });
});

describe("spelled without umlauts or å", () => {
  for (const [lang, fact, text] of WITHOUT_DIACRITICS)
    it(`${lang} ${fact}: ${text}`, () => {
      expect(shows(heard(text, lang), fact)).toBe(true);
    });
});

describe("negation", () => {
  const cases = (Object.keys(NEGATED) as Language[]).flatMap((lang) =>
    NEGATED[lang].map(([text, reason]) => ({ lang, text, reason })),
  );
  it.each(cases)("$lang: $text is not $reason", ({ lang, text, reason }) => {
    expect(heard(text, lang).reason).not.toBe(reason);
    expect(heard(text, lang).reason).not.toBe(reason);
  });

  const then = (Object.keys(NEGATED_THEN_SAID) as Language[]).flatMap((lang) =>
    NEGATED_THEN_SAID[lang].map(([text, reason]) => ({ lang, text, reason })),
  );
  it.each(then)("$lang: $text is $reason", ({ lang, text, reason }) => {
    expect(heard(text, lang).reason).toBe(reason);
  });
});

describe("what says no fact", () => {
  const FILLER: Record<Language, string[]> = {
    en: [
      "Hello?",
      "Yes please.",
      "What's the fee?",
      "OK, thanks.",
      "Can you repeat that?",
      "My dog is barking, sorry.",
    ],
    de: ["Hallo?", "Ja, bitte.", "Wie hoch ist die Gebühr?", "Okay, danke.", "Können Sie das wiederholen?"],
    sv: ["Hallå?", "Ja tack.", "Vad kostar det?", "Okej, tack.", "Kan du upprepa det?"],
  };
  const cases = (Object.keys(FILLER) as Language[]).flatMap((lang) =>
    FILLER[lang].map((text) => ({ lang, text })),
  );
  it.each(cases)("$lang: $text", ({ lang, text }) => {
    expect(heard(text, lang)).toEqual({});
  });
});

describe("where they move to", () => {
  it.each([
    { lang: "en" as const, text: "We're moving to Leeds, LS1 4AP.", postcode: "LS1 4AP" },
    { lang: "de" as const, text: "Wir ziehen nach 80331 München.", postcode: "80331" },
    { lang: "de" as const, text: "Umzug nach 20095 Hamburg.", postcode: "20095" },
    { lang: "sv" as const, text: "Vi flyttar till 411 01 Göteborg.", postcode: "411 01" },
  ])("$lang: $text", ({ lang, text, postcode }) => {
    expect(heard(text, lang)).toMatchObject({ reason: "moving", newPostcode: postcode });
  });

  it("the postcode left is not the one moved to; a house number is not a postcode", () => {
    const uk = (f: ConversationFacts, t: string, jurisdiction?: string) => factsAfter(f, t, jurisdiction);
    expect(uk({}, "We're moving from N1 9GU to LS1 4AP.", "UK").newPostcode).toBe("LS1 4AP");
    const moving = uk({}, "We're moving house.");
    expect(uk(moving, "Flat 4")).toBe(moving);
    expect(uk(moving, "It's 80331.", "UK")).toBe(moving);
  });

  it("a postcode said later counts once the call is about moving; before that it does not", () => {
    const de = (f: ConversationFacts, t: string) => factsAfter(f, t, "DE");
    expect(de({}, "Meine Postleitzahl ist 10115.").newPostcode).toBeUndefined();
    expect(de(de({}, "Wir ziehen um."), "Die neue Postleitzahl ist 80331.").newPostcode).toBe("80331");
  });
});

/** Every permutation of `xs`. */
const permutations = <T>(xs: readonly T[]): T[][] =>
  xs.length <= 1
    ? [[...xs]]
    : xs.flatMap((x, i) => permutations(xs.filter((_, j) => j !== i)).map((p) => [x, ...p]));

describe("facts said across several utterances, in any order", () => {
  const CALLS: Record<Language, { lines: string[]; want: ConversationFacts }> = {
    en: {
      lines: [
        "The salesman promised I could cancel for free.",
        "I want to keep my number.",
        "We're moving to Leeds, LS1 4AP.",
        "Hello, I'd like to cancel.",
      ],
      want: { reason: "moving", newPostcode: "LS1 4AP", keepNumber: true },
    },
    de: {
      lines: [
        "Der Verkäufer hat mir versprochen, dass ich kostenlos kündigen kann.",
        "Ich möchte meine Rufnummer mitnehmen.",
        "Wir ziehen nach 80331 München.",
        "Guten Tag, ich möchte kündigen.",
      ],
      want: { reason: "moving", newPostcode: "80331", keepNumber: true },
    },
    sv: {
      lines: [
        "Säljaren lovade att jag kunde säga upp gratis.",
        "Jag vill behålla mitt nummer.",
        "Vi flyttar till 411 01 Göteborg.",
        "Hej, jag vill säga upp mig.",
      ],
      want: { reason: "moving", newPostcode: "411 01", keepNumber: true },
    },
  };
  for (const lang of Object.keys(CALLS) as Language[]) {
    it(`${lang}: every order gives the same facts`, () => {
      const { lines, want } = CALLS[lang];
      for (const order of permutations(lines)) {
        const facts = order.reduce<ConversationFacts>((f, t) => factsAfter(f, t, JURISDICTION[lang]), {});
        expect(facts).toMatchObject(want);
        expect(facts.claims).toEqual([{ text: lines[0], kind: "fee_waiver" }]);
      }
    });
  }
});

describe("a correction", () => {
  // The first reason said stands against a later one said in passing ("and it's expensive
  // too"); a denial of the reason held withdraws it (with the postcode the move brought), and
  // the reason said in the same breath takes its place.
  const CORRECTIONS: Record<Language, [string, string]> = {
    en: ["We're moving to Leeds, LS1 4AP.", "Actually we're not moving, it's the price."],
    de: ["Wir ziehen nach 80331 München.", "Nein, eigentlich ziehen wir nicht um, es ist der Preis."],
    sv: ["Vi flyttar till 411 01 Göteborg.", "Förlåt, vi flyttar inte, det är för dyrt."],
  };
  const INCIDENTAL: Record<Language, string> = {
    en: "And it's too expensive anyway.",
    de: "Und zu teuer ist es sowieso.",
    sv: "Och det är för dyrt också.",
  };
  const DENIAL_ONLY: Record<Language, string> = {
    en: "Sorry, we're not moving after all.",
    de: "Entschuldigung, wir ziehen doch nicht um.",
    sv: "Förlåt, vi flyttar inte ändå.",
  };
  for (const lang of Object.keys(CORRECTIONS) as Language[]) {
    const say = (f: ConversationFacts, t: string) => factsAfter(f, t, JURISDICTION[lang]);
    it(`${lang}: "not moving, it's the price" replaces moving and drops its postcode`, () => {
      const [moving, correction] = CORRECTIONS[lang];
      const before = say({}, moving);
      expect(before.reason).toBe("moving");
      expect(before.newPostcode).toBeDefined();
      const after = say(before, correction);
      expect(after.reason).toBe("price");
      expect(after.newPostcode).toBeUndefined();
    });
    it(`${lang}: a reason said in passing does not replace the one held`, () => {
      expect(say(say({}, CORRECTIONS[lang][0]), INCIDENTAL[lang]).reason).toBe("moving");
    });
    it(`${lang}: a denial alone withdraws the reason; the policy's default applies`, () => {
      const after = say(say({}, CORRECTIONS[lang][0]), DENIAL_ONLY[lang]);
      expect(after.reason).toBeUndefined();
      expect(after.newPostcode).toBeUndefined();
    });
    it(`${lang}: denying a reason not held changes nothing`, () => {
      const price = say({}, INCIDENTAL[lang]);
      expect(price.reason).toBe("price");
      expect(say(price, DENIAL_ONLY[lang])).toBe(price);
    });
  }
});

describe("property: facts over any interleaving of utterances", () => {
  // Utterances that each bear facts on their own (none denies a reason). Folded in any order,
  // with repeats, the facts are: the reason of the first utterance that gives one, the new
  // postcode of the last that gives one, the keep-number of the last that says it, and every
  // distinct claim in the order first said.
  const POOL: Record<Language, string[]> = {
    en: [
      "We're moving to Leeds, LS1 4AP.",
      "Actually it's Manchester, we're moving to M1 1AE.",
      "It's too expensive.",
      "My husband passed away.",
      "I'm switching to Vodafone.",
      "I want to keep my number.",
      "A new number is fine.",
      "The salesman promised I could cancel for free.",
      "She told me the router was free.",
      "OK.",
    ],
    de: [
      "Wir ziehen nach 80331 München.",
      "Wir ziehen doch nach 20095 Hamburg um.",
      "Das ist mir zu teuer.",
      "Mein Mann ist verstorben.",
      "Ich wechsle zu Vodafone.",
      "Ich möchte meine Rufnummer mitnehmen.",
      "Die Nummer ist mir egal.",
      "Der Verkäufer hat mir versprochen, dass ich kostenlos kündigen kann.",
      "Man hat mir gesagt, das ist kostenlos.",
      "Okay.",
    ],
    sv: [
      "Vi flyttar till 411 01 Göteborg.",
      "Vi flyttar till 113 50 Stockholm istället.",
      "Det är för dyrt.",
      "Min man har gått bort.",
      "Jag byter till Telia.",
      "Jag vill behålla mitt nummer.",
      "Ett nytt nummer går bra.",
      "Säljaren lovade att jag kunde säga upp gratis.",
      "Han sa att det var gratis.",
      "Okej.",
    ],
  };
  const langs = Object.keys(POOL) as Language[];
  it("equals the combination of each utterance's own facts", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...langs),
        fc.array(fc.nat(9), { minLength: 1, maxLength: 12 }),
        (lang, picks) => {
          const say = (f: ConversationFacts, t: string) => factsAfter(f, t, JURISDICTION[lang]);
          const lines = picks.map((i) => POOL[lang][i] as string);
          const alone = lines.map((t) => say({}, t));
          const folded = lines.reduce(say, {} as ConversationFacts);

          const want: ConversationFacts = {};
          const reason = alone.find((f) => f.reason)?.reason;
          if (reason) want.reason = reason;
          const postcode = alone.findLast((f) => f.newPostcode)?.newPostcode;
          if (postcode) want.newPostcode = postcode;
          const keep = alone.findLast((f) => f.keepNumber !== undefined)?.keepNumber;
          if (keep !== undefined) want.keepNumber = keep;
          const claims: ClaimedPromise[] = [];
          for (const c of alone.flatMap((f) => f.claims ?? []))
            if (!claims.some((k) => k.text === c.text)) claims.push(c);
          if (claims.length > 0) want.claims = claims;
          expect(folded).toEqual(want);
          // saying the last line again changes nothing
          expect(say(folded, lines[lines.length - 1] as string)).toBe(folded);
        },
      ),
      { numRuns: 300 },
    );
  });

  it("every pool line bears the facts it is there for", () => {
    for (const lang of langs) {
      const facts = POOL[lang].map((t) => factsAfter({}, t, JURISDICTION[lang]));
      expect(facts.filter((f) => Object.keys(f).length > 0)).toHaveLength(POOL[lang].length - 1);
    }
  });
});

// ---------------------------------------------------------------------------------------------
// HELD-OUT BLOCK: written after the patterns were frozen (src/assist/customerFacts*.ts, 04:10
// UTC, 2026-12-07) and never used to tune them; since then it measures the shared understander
// (src/understanding), which was not tuned to it either. Its hit rate is reported, not forced to 100 %:
// the misses below are real gaps. Do not edit the patterns to fit this block; add new wordings
// to TUNED instead, and write a fresh held-out block.
// ---------------------------------------------------------------------------------------------
type Want = Fact | `not ${LeavingReason}`;
const HELD_OUT: Record<Language, [string, Want][]> = {
  en: [
    ["yeah we're off to Bristol in a couple of weeks", "moving"],
    ["we've sold the house so we won't be at this address", "moving"],
    ["I'm going to live with my daughter", "moving"],
    ["honestly the bill has crept up every year", "price"],
    ["forty quid a month is just daylight robbery", "price"],
    ["I can get the same thing for half the price", "price"],
    ["I'm going with BT instead", "switching_provider"],
    ["my son's sorted me out a deal with EE", "switching_provider"],
    ["the internet drops out every evening", "service_problems"],
    ["we've had nothing but problems with the router", "service_problems"],
    ["my mum died last week and this was her account", "bereavement"],
    ["I'm sorting out my late husband's things", "bereavement"],
    ["I've lost my job so I need to cut back", "money_trouble"],
    ["things are really tight at the moment, I just can't afford it", "money_trouble"],
    ["can I take my number across to the new network", "keepNumber"],
    ["I'd like to port it over please", "keepNumber"],
    ["I don't mind getting a new number", "dropNumber"],
    ["the lady in the shop said I could leave any time without paying anything", "freeCancellation"],
    ["he assured me there was no charge to cancel", "freeCancellation"],
    ["they said the upgrade was free", "feeWaiver"],
    ["we're not going anywhere, it's just the cost", "not moving"],
    ["I'm not switching, I just don't need it", "not switching_provider"],
    ["no one's passed away, it's for my own account", "not bereavement"],
  ],
  de: [
    ["wir ziehen zum ersten März nach Leipzig", "moving"],
    ["ich bin jetzt zu meinem Freund gezogen", "moving"],
    ["wir haben ein Haus gekauft und sind bald weg", "moving"],
    ["ehrlich gesagt ist mir das einfach zu viel Geld", "price"],
    ["Sie haben schon wieder die Preise angehoben", "price"],
    ["das ist viel zu teuer fuer das was man bekommt", "price"],
    ["ich gehe zu Vodafone, die sind billiger", "switching_provider"],
    ["ich hab schon einen Vertrag bei der Telekom unterschrieben", "switching_provider"],
    ["das Internet fällt jeden Abend aus", "service_problems"],
    ["wir haben seit drei Wochen kein Internet", "service_problems"],
    ["der Empfang ist total schlecht bei uns", "service_problems"],
    ["meine Frau ist leider im Januar gestorben", "bereavement"],
    ["ich rufe wegen des Vertrags meines verstorbenen Vaters an", "bereavement"],
    ["ich bin seit zwei Monaten arbeitslos", "money_trouble"],
    ["das kann ich mir momentan einfach nicht leisten", "money_trouble"],
    ["ich möchte meine Handynummer zum neuen Anbieter mitnehmen", "keepNumber"],
    ["geht das mit der Rufnummernportierung", "keepNumber"],
    ["ich nehme eine neue Nummer, das passt schon", "dropNumber"],
    ["der Mann im Shop hat gesagt, ich kann jederzeit ohne Kosten kündigen", "freeCancellation"],
    ["am Telefon wurde mir versprochen, dass die Kündigung nichts kostet", "freeCancellation"],
    ["die Beraterin hat gesagt, der Router ist gratis", "feeWaiver"],
    ["nein, wir ziehen nicht weg, es ist wegen dem Preis", "not moving"],
    ["ich wechsle nicht, ich brauche es einfach nicht mehr", "not switching_provider"],
    ["einen Umzug haben wir nicht vor", "not moving"],
  ],
  sv: [
    ["vi ska flytta till Umeå i augusti", "moving"],
    ["jag har flyttat ihop med min sambo", "moving"],
    ["vi har sålt lägenheten och flyttar härifrån", "moving"],
    ["det har blivit alldeles för dyrt för oss", "price"],
    ["ni har höjt avgiften tre gånger i år", "price"],
    ["jag betalar nästan femhundra i månaden, det är för mycket", "price"],
    ["jag har tecknat ett abonnemang hos Telia", "switching_provider"],
    ["vi går till Tele2 istället", "switching_provider"],
    ["internet fungerar nästan aldrig på kvällarna", "service_problems"],
    ["vi har haft avbrott varje vecka", "service_problems"],
    ["mobilen har ingen täckning i stugan", "service_problems"],
    ["min mamma dog förra månaden", "bereavement"],
    ["jag ringer angående min avlidne makes abonnemang", "bereavement"],
    ["jag har blivit av med jobbet", "money_trouble"],
    ["vi har det tufft ekonomiskt och har inte råd", "money_trouble"],
    ["kan jag ta med mig numret till Comviq", "keepNumber"],
    ["jag vill porta numret", "keepNumber"],
    ["jag bryr mig inte om numret", "dropNumber"],
    ["killen i butiken lovade att jag kunde säga upp avtalet utan kostnad", "freeCancellation"],
    ["hon sa att det var gratis att avsluta när som helst", "freeCancellation"],
    ["säljaren lovade att routern var gratis", "feeWaiver"],
    ["nej vi flyttar inte, det är priset", "not moving"],
    ["jag byter inte operatör, jag behöver det bara inte", "not switching_provider"],
    ["vi ska inte flytta någonstans", "not moving"],
  ],
};

function hits(lang: Language, text: string, want: Want): boolean {
  const facts = heard(text, lang);
  return want.startsWith("not ") ? facts.reason !== want.slice(4) : shows(facts, want as Fact);
}

/**
 * The held-out hit rate may not fall below this per language. Measured with the assist's own
 * patterns when the block was first run: en 11/23, de 16/24, sv 22/24; with the shared
 * understander (src/understanding) since: en 16/23, de 17/24, sv 17/24 (four of the misses are
 * claim kinds: the bot reads "no charge to cancel" as a fee waiver, "cancel any time" as free
 * cancellation).
 */
const HELD_OUT_FLOOR: Record<Language, number> = { en: 0.69, de: 0.7, sv: 0.7 };

describe("the held-out block (written after the patterns were frozen)", () => {
  it("reports its hit rate per language, and stays above the floor", () => {
    const lines: string[] = [];
    const rates = {} as Record<Language, number>;
    for (const lang of Object.keys(HELD_OUT) as Language[]) {
      const misses = HELD_OUT[lang].filter(([text, want]) => !hits(lang, text, want));
      const total = HELD_OUT[lang].length;
      lines.push(`${lang}: ${total - misses.length}/${total}`);
      for (const [text, want] of misses) lines.push(`  miss (${want}): ${text}`);
      rates[lang] = (total - misses.length) / total;
    }
    console.log(`customer facts, held-out block:\n${lines.join("\n")}`);
    for (const lang of Object.keys(HELD_OUT) as Language[])
      expect(rates[lang], lang).toBeGreaterThanOrEqual(HELD_OUT_FLOOR[lang]);
  });
});
