/**
 * Issue 16, classes 1 to 4, and issue 14's follow-up, as transcripts in English, German and
 * Swedish: what the customer receives when facts come in another order than the bot asks,
 * when "yes, cancel it" is said once, when a bare "yes" follows an offer, when the reason or a
 * claim is told before it is asked, and when the services are already cancelled. A German or
 * Swedish customer is answered in their language (class 8), so their transcripts are checked
 * against the words of that language (test/bot/language/said.ts).
 */
import { describe, expect, it } from "vitest";
import { aCancellationBot, type Chat } from "../cancellationBot.js";
import { SAID } from "../language/said.js";
import { DEMO_STORIES } from "./demoCustomerStories.js";
import { messagesToCancel } from "./directCustomer.js";

async function saysAll(chat: Chat, ...lines: string[]) {
  for (const line of lines) await chat.says(line);
}
const count = (text: string, part: string) => text.split(part).length - 1;

describe("class 1: a fact is kept whenever it is said, and can be corrected", () => {
  it("en: moving, said before identifying, never stores the account's postcode as the new address", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "Hi, we're moving and I want to cancel my broadband and TV", "SE204718", "169 57");
    chat.expectReply("postcode you're moving to");
    chat.expectNoReply("why you're leaving");
    await chat.says("962 31");
    chat.expectReply(
      "We keep the promise made to you",
      "4,041.00 SEK charge for ending Fiber 500/500 is waived",
    );
    await saysAll(chat, "yes, cancel it", "yes");
    chat.expectReply("Cancellation confirmed", "Total for leaving: nothing.");
  });

  it("de: the new postcode said before identifying is kept, and the postcode of the account is not taken for it", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "Ich möchte alles kündigen, wir ziehen nach 962 31 um", "SE204718", "169 57");
    chat.expectReply(SAID.de.found, SAID.de.promise);
    chat.expectNoReply(SAID.de.askNewPostcode, SAID.de.askReason);
    await saysAll(chat, "Ja, bitte kündigen", "ja");
    chat.expectReply(SAID.de.confirmed, SAID.de.nothingDue);
  });

  it("sv: a correction at the review ('till 962 31, inte 411 01') is understood and the review shown again", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "Jag vill säga upp allt", "SE204718", "169 57", "Vi flyttar till 411 01");
    chat.expectReply("Att avsluta Fiber 500/500 kostar 4 041 kr"); // 411 01 is an address we serve
    await chat.says("Vi flyttar till 962 31, inte 411 01");
    chat.expectReply(SAID.sv.review, SAID.sv.promise);
    chat.expectNoReply(SAID.sv.didNotUnderstand);
    await saysAll(chat, "ja, säg upp", "ja");
    chat.expectReply(SAID.sv.confirmed, SAID.sv.nothingDue);
  });

  it("en: a correction at the confirmation changes the decision before anything is executed", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(
      chat,
      "cancel everything",
      "SE204718",
      "169 57",
      "we're moving to 411 01",
      "yes, cancel it",
    );
    expect(chat.stage).toBe("confirm");
    await chat.says("sorry, I meant 962 31");
    chat.expectReply("We keep the promise made to you");
    expect(bot.journal.entries.size).toBe(0);
    await saysAll(chat, "go ahead and cancel", "yes");
    chat.expectReply("Cancellation confirmed", "Total for leaving: nothing.");
  });
});

describe("class 1: the services can be changed at the review", () => {
  // Each in one language from the first message (a Swedish sentence in an English conversation
  // would switch the answers to Swedish: class 8).
  for (const [lang, first, reason, only, yes] of [
    ["en", "cancel everything", "it's too expensive", "actually, only the TV", "yes, cancel it"],
    ["de", "alles kündigen", "zu teuer", "Eigentlich nur das Fernsehen kündigen", "ja, kündigen"],
    ["sv", "säg upp allt", "det är för dyrt", "Egentligen bara tv:n", "ja, säg upp"],
  ] as const)
    it(`${lang}: "${only}" shows the review again for the TV alone, and only the TV is cancelled`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, first, "SE204718", "169 57", reason);
      if (chat.stage === "offer") await chat.says(lang === "en" ? "no" : "nej");
      expect(chat.stage, chat.transcript.join("\n")).toMatch(/review|confirm/);
      await chat.says(only);
      chat.expectReply(SAID[lang].review);
      await saysAll(chat, yes, lang === "en" ? "yes" : "ja");
      chat.expectReply(SAID[lang].confirmed, SAID[lang].serviceEnds("tv"));
      chat.expectNoReply(SAID[lang].serviceEnds("broadband"));
      const ended = [...bot.journal.entries.values()].filter((e) => e.action.kind === "end_service");
      expect(ended.map((e) => e.action.serviceId)).toEqual(["svc-se-moving-tv"]);
    });
});

describe("class 1: keeping the number and a bereavement, told before identifying", () => {
  for (const [lang, first] of [
    ["en", "I want to cancel my mobile, I'm switching network and want to keep my number"],
    ["de", "Ich möchte meinen Handyvertrag kündigen und meine Nummer mitnehmen"],
    ["sv", "Jag vill säga upp mobilen och behålla mitt nummer"],
  ] as const)
    it(`${lang}: keeping the number is not asked again, and the porting code is in the receipt`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, first, "UK318826", "M14 5RT");
      if (chat.stage === "understand") await chat.says("skip"); // the optional reason, when asked
      expect(chat.transcript.join("\n")).not.toContain("Do you want to keep your number");
      expect(chat.stage, chat.transcript.join("\n")).toBe("review");
      await saysAll(chat, "yes, cancel it", "yes");
      chat.expectReply(/Your PAC is [A-Z]{3}\d{6}/);
    });

  for (const [lang, first] of [
    ["en", "My husband passed away, I need to cancel his broadband"],
    ["de", "Mein Mann ist verstorben, ich muss seinen Vertrag kündigen"],
    ["sv", "Min man har gått bort, jag behöver säga upp hans abonnemang"],
  ] as const)
    it(`${lang}: goes to the bereavement team at once, without greeting the account holder by name`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, first, "UK550913", "NG7 2RD");
      chat.expectReply(SAID[lang].sorryForLoss, SAID[lang].bereavementTeam, SAID[lang].passingToPerson);
      expect(chat.transcript.join("\n")).not.toMatch(/Chloe|a month off|im Monat|i månaden/);
      expect(chat.transcript.join("\n")).not.toMatch(SAID[lang].askReason);
      expect(chat.stage).toBe("handover");
    });
});

describe("class 2: 'yes, cancel it' once, then one explicit confirmation", () => {
  for (const [lang, account, postcode, reason, atReview, atConfirm] of [
    ["en", "UK550913", "NG7 2RD", "it's too expensive", "yes, cancel it", "yes, cancel it"],
    ["de", "DE730415", "10439", "zu teuer", "Ja, bitte kündigen", "ja, kündigen"],
    ["sv", "SE100937", "167 65", "alla, behåll numret, det är för dyrt", "ja, säg upp", "ja, säg upp"],
  ] as const)
    it(`${lang}: goes from the review straight to the confirmation card, which takes the same words as the yes`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(
        chat,
        lang === "en" ? "I want to cancel" : lang === "de" ? "Ich möchte kündigen" : "Jag vill säga upp",
        account,
        postcode,
        reason,
      );
      if (chat.stage === "understand") await chat.says("ja"); // keep the number, when asked alone
      expect(chat.stage, chat.transcript.join("\n")).toBe("review");
      await chat.says(atReview);
      expect(chat.stage, chat.transcript.join("\n")).toBe("confirm");
      expect(chat.last?.messages.some((m) => m.card?.kind === "confirm")).toBe(true);
      expect(bot.audit.entries.filter((e) => e.kind === "offer")).toHaveLength(0);
      await chat.says(atConfirm);
      chat.expectReply(SAID[lang].confirmed);
      expect(count(chat.transcript.join("\n"), SAID[lang].confirmQuestion)).toBe(1);
    });

  it("takes at most 4 customer messages from 'I want to cancel' to the executed cancellation, for every demo story", async () => {
    for (const story of DEMO_STORIES) {
      const run = await messagesToCancel(story);
      if (story.handedOver) {
        expect(run.handedOver, run.transcript.join("\n")).toBe(true);
        continue;
      }
      expect(run.executed, run.transcript.join("\n")).toBe(true);
      expect(run.messages, run.transcript.join("\n")).toBeLessThanOrEqual(4);
    }
  });
});

describe("class 3: after an offer, a 'yes' is asked about and a wish to cancel declines", () => {
  for (const [lang, account, postcode, reason, yes, decline] of [
    ["en", "UK550913", "NG7 2RD", "it's too expensive", "Yes", "No, I just want to cancel"],
    ["de", "DE730415", "10439", "zu teuer", "ja", "Nein, ich will einfach kündigen"],
    ["sv", "SE100937", "167 65", "alla, behåll numret, det är för dyrt", "ja", "Nej, jag vill bara säga upp"],
  ] as const)
    it(`${lang}: a bare yes gets one neutral question, never keeps the customer; the refusal declines`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, "I want to cancel", account, postcode, reason);
      if (chat.stage === "understand") await chat.says("ja");
      await chat.says(lang === "en" ? "continue" : lang === "de" ? "weiter" : "fortsätt");
      expect(chat.stage, chat.transcript.join("\n")).toBe("offer");
      await chat.says(yes);
      chat.expectReply(SAID[lang].offerOrCancel);
      chat.expectNoReply(SAID[lang].offerAccepted);
      expect(chat.stage).toBe("offer");
      await chat.says(decline);
      chat.expectReply(SAID[lang].confirmQuestion);
      await chat.says(yes);
      chat.expectReply(SAID[lang].confirmed);
      const answers = bot.audit.entries.filter((e) => e.kind === "offer_answer").map((e) => e.data.answer);
      expect(answers).toEqual(["unclear", "declined"]);
    });

  it("en: after the offer is taken and the conversation is complete, a new request to cancel is served", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(
      chat,
      "I want to cancel",
      "UK550913",
      "NG7 2RD",
      "it's too expensive",
      "continue",
      "I'll take the offer",
    );
    chat.expectReply("recorded that you'd like the offer");
    expect(chat.stage).toBe("closed");
    await chat.says("Actually, I want to cancel after all");
    chat.expectNoReply("This conversation is complete");
    await saysAll(chat, "yes, cancel it");
    if (chat.stage === "review") await chat.says("yes, cancel it");
    await chat.says("yes");
    chat.expectReply("Cancellation confirmed");
    await chat.says("I want to cancel");
    chat.expectReply("already cancelled: your reference is");
    chat.expectNoReply("This conversation is complete");
  });
});

describe("class 4: no question the customer already answered; a required hand-over at once", () => {
  for (const [lang, first] of [
    ["en", "nothing has gone right since I joined, I want to cancel"],
    ["de", "Ihr habt den Preis erhöht, ich will kündigen"],
    ["sv", "Ni höjde priset, jag vill säga upp"],
  ] as const)
    it(`${lang}: a reason said in the first message is taken, and "why are you leaving?" is never asked`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, first, "UK481207", "LS6 3HN");
      chat.expectReply(SAID[lang].review);
      expect(chat.transcript.join("\n")).not.toMatch(SAID[lang].askReason);
    });

  for (const [lang, claim] of [
    ["en", "The salesman promised I could leave for free at any time. I want to cancel."],
    ["de", "Der Verkäufer hat mir versprochen, dass ich jederzeit kostenlos kündigen kann"],
    ["sv", "Säljaren lovade att jag kunde säga upp gratis när som helst"],
  ] as const)
    it(`${lang}: a claimed promise not on record goes to a person right after identification`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, claim, "UK733015", "BN2 9QA");
      chat.expectReply(SAID[lang].notOnRecord, SAID[lang].passingToPerson);
      expect(chat.transcript.join("\n")).not.toMatch(SAID[lang].askReason);
      expect(chat.transcript.join("\n")).not.toContain(SAID[lang].whichServices);
      expect(chat.stage).toBe("handover");
    });
});

describe("issue 14 follow-up: services already cancelled", () => {
  it("are named right after identification, with the reference and end date, before any other question", async () => {
    const bot = await aCancellationBot();
    const first = bot.chat();
    await saysAll(
      first,
      "cancel my mobile, switching network",
      "UK318826",
      "M14 5RT",
      "yes",
      "yes, cancel it",
      "yes",
    );
    const reference = first.transcript.join("\n").match(/Your reference is (FX-\d{8}-[0-9A-F]{6})/)?.[1];
    expect(reference, first.transcript.join("\n")).toBeDefined();

    bot.clock.advance(24 * 3_600_000);
    const second = bot.chat();
    await saysAll(second, "I want to cancel", "UK318826", "M14 5RT");
    second.expectReply(
      `This is already cancelled: your reference is ${reference}`,
      /ends on \w+ \d+ \w+ 2026/,
      "receipt",
    );
    expect(second.transcript.join("\n")).not.toMatch(/why you.re leaving|Do you want to keep your number/);
    expect(second.stage).toBe("closed");
  });
});
