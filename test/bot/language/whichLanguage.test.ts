/**
 * Which language the bot answers in: the one the customer writes in from the first reply (the
 * greeting too), else the account's once identified; the same for the whole conversation unless
 * the customer clearly switches ("ja", "ok" or an account number never switch); kept in the
 * stored state. German cards carry the §312k BGB wording.
 */
import { describe, expect, it } from "vitest";
import { wordsFor } from "../../../src/bot/words/index.js";
import { replyActivities } from "../../../src/channels/replyActivities.js";
import { aCancellationBot } from "../cancellationBot.js";
import { whatTheCustomerReads } from "./customerLanguage.js";

const de = wordsFor("de");
const sv = wordsFor("sv");

describe("the language of the answers", () => {
  it("a customer who writes German before identifying gets German from the first reply", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    const first = await chat.says("Hallo, ich möchte meinen Vertrag kündigen");
    expect(first.language).toBe("de");
    expect(first.messages.map((m) => m.text)).toEqual([de.greeting, de.askAccountToCancel]);
    expect(first.messages[0]?.suggestions).toEqual(["Verträge hier kündigen", "Mit einem Menschen sprechen"]);
    await chat.says("SE204718"); // a Swedish account: the customer writes German, so German it stays
    chat.expectReply(de.askPostcode);
    await chat.says("169 57");
    chat.expectReply("Danke, Karin. Ich habe Ihr Kundenkonto gefunden.");
    const stored = await bot.store.conversations.get(chat.id);
    expect((stored?.state as { language?: string } | undefined)?.language).toBe("de");
  });

  it("a customer who writes Swedish before identifying gets Swedish from the first reply", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    const first = await chat.says("Hej, jag vill säga upp mitt abonnemang");
    expect(first.messages.map((m) => m.text)).toEqual([sv.greeting, sv.askAccountToCancel]);
  });

  it("with nothing in a language before identifying, the account's locale decides", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("DE730415");
    expect(chat.last?.language).toBe("en"); // nothing tells yet
    await chat.says("10439");
    expect(chat.last?.language).toBe("de");
    chat.expectReply("Danke, Lukas. Ich habe Ihr Kundenkonto gefunden.");
  });

  it("short answers keep the language; a clear message in another language switches", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    for (const line of ["Ich möchte kündigen", "DE730415", "10439", "ok"]) await chat.says(line);
    expect(chat.last?.language).toBe("de");
    await chat.says("ja");
    expect(chat.last?.language).toBe("de");
    await chat.says("what do I owe when I leave?");
    expect(chat.last?.language).toBe("en");
    chat.expectNoReply(/Kündigung|zahlen Sie/);
  });

  it("an English customer on a Swedish account stays in English", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    for (const line of ["I want to cancel", "SE204718", "169 57"]) await chat.says(line);
    expect(chat.last?.language).toBe("en");
    chat.expectReply("Thanks, Karin. I've found your account.");
  });
});

describe("§312k BGB in German cards", () => {
  it("the confirmation card's button is 'jetzt kündigen', the entry 'Verträge hier kündigen'", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    const greeting = replyActivities(await chat.says("Ich möchte kündigen"));
    expect(greeting[0]?.suggestedActions).toBeUndefined(); // quick replies go on the last message only
    expect(greeting[0]?.text).toBe(de.greeting);
    for (const line of ["DE730415", "10439", "zu teuer", "weiter", "Nein danke, einfach kündigen"])
      await chat.says(line);
    expect(chat.stage, chat.transcript.join("\n")).toBe("confirm");
    const activities = replyActivities(chat.last!);
    const card = activities.flatMap((a) => a.attachments ?? []).map((a) => a.content)[0] as {
      lang?: string;
      body: { text?: string }[];
      actions: { title: string }[];
    };
    expect(card.lang).toBe("de");
    expect(card.body[0]?.text).toBe("Kündigung bestätigen");
    expect(card.actions.map((a) => a.title)).toEqual(["jetzt kündigen", "Ich behalte den Vertrag"]);
    expect(whatTheCustomerReads(chat.last!).map((r) => r.text)).toContain("Insgesamt für die Kündigung");
    await chat.says("jetzt kündigen"); // what the button submits
    chat.expectReply("Kündigung bestätigt. Ihre Referenz ist");
  });
});
