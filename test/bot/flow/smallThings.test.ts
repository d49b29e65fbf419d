/**
 * Issue 16, class 9: small things that hurt, asserted on what the customer receives. The
 * account holder's name is never used once a bereavement is mentioned (in any order, or on
 * record); "press 'Confirm cancellation'" is said only with that button; a reminder is
 * promised only when it can still be sent; keeping the number is not asked of someone
 * withdrawing without a switch; the first reply to "I want to cancel" acknowledges it.
 */
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { aCancellationBot, type Chat } from "../cancellationBot.js";

async function saysAll(chat: Chat, ...lines: string[]) {
  for (const line of lines) await chat.says(line);
}
const everything = (chat: Chat) => chat.transcript.filter((l) => l.startsWith("bot: ")).join("\n");

describe("(a) the person writing after a death is not greeted or thanked by the holder's name", () => {
  const identity = ["UK104552", "BS6 5QA"]; // Derek, no bereavement on record
  const bereavement = [
    "my husband passed away last month",
    "I'm writing because my husband died",
    "mein Mann ist verstorben",
    "min man har gått bort",
  ];
  const others = ["I want to cancel", "we're moving to BS1 4DJ", "it's too expensive", "cancel everything"];

  it("in any order of what is said before, with and after identification", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...bereavement),
        fc.subarray(others),
        fc.integer({ min: 0, max: 3 }),
        fc.nat(),
        async (died, extra, where, seed) => {
          const bot = await aCancellationBot();
          const chat = bot.chat();
          const before = [...extra].sort(() => (seed % 3) - 1);
          const lines =
            where === 0
              ? [died, ...before, ...identity]
              : where === 1
                ? [...before, died, ...identity]
                : where === 2
                  ? [...before, identity[0]!, `${identity[1]}, ${died}`]
                  : [...before, `${died}. ${identity[0]}`, identity[1]!];
          await saysAll(chat, ...lines, "yes", "continue");
          expect(everything(chat), chat.transcript.join("\n")).not.toMatch(/Derek/);
        },
      ),
      { numRuns: 25 },
    );
  });

  it("a signed-in conversation on an account with a bereavement on record does not say 'Hi Harold'", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat({ trustedCustomerId: "cust-uk-bereaved" });
    await chat.open();
    await saysAll(chat, "I need to close my father's account", "all of it");
    expect(everything(chat)).not.toMatch(/Harold/);
  });
});

describe("(b) 'Confirm cancellation' is named only where the button is", () => {
  const sayingTheButton = (t: { text: string }[]) =>
    t.filter((m) => /press "Confirm (cancellation|withdrawal)"/.test(m.text));
  for (const [customer, reason] of [
    [["DE730415", "10439"], "it's too expensive"],
    [["DE730415", "10439"], "zu teuer"],
    [["DE731108", "80337"], "I changed my mind"],
  ] as const)
    it(`de (${customer[0]}, "${reason}"): the two-step wording comes with the confirmation card, never at the review`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await saysAll(chat, "I want to cancel", ...customer, reason);
      expect(chat.stage, chat.transcript.join("\n")).toBe("review");
      expect(sayingTheButton(chat.last?.messages ?? []).map((m) => m.text)).not.toContainEqual(
        expect.stringContaining("Step 2 of 2"),
      );
      await chat.says("yes, cancel it");
      expect(chat.stage).toBe("confirm");
      const msgs = chat.last?.messages ?? [];
      expect(msgs.filter((m) => /Step 2 of 2/.test(m.text))).toHaveLength(1);
      expect(msgs.flatMap((m) => m.suggestions ?? [])).toContain("Confirm cancellation");
    });

  it("de: a withdrawal names the button the customer will see", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "I want to cancel", "DE731108", "80337", "I changed my mind");
    expect(chat.stage, chat.transcript.join("\n")).toBe("review");
    await chat.says("yes, cancel it");
    const named = [...everything(chat).matchAll(/press "([^"]+)"/g)].map((m) => m[1]);
    expect(named.length).toBeGreaterThanOrEqual(2); // the withdrawal function and step 2 of 2
    const buttons = (chat.last?.messages ?? []).flatMap((m) => m.suggestions ?? []);
    for (const n of named) expect(buttons, chat.transcript.join("\n")).toContain(n);
  });
});

describe("(c) a reminder is promised only when it can still be sent", () => {
  it("a withdrawal ending today, confirmed at any time of day, never promises the day-before message", async () => {
    await fc.assert(
      fc.asyncProperty(fc.integer({ min: 0, max: 23 * 60 + 58 }), async (minute) => {
        const hh = String(Math.floor(minute / 60)).padStart(2, "0");
        const mm = String(minute % 60).padStart(2, "0");
        const bot = await aCancellationBot({ now: `2026-11-23T${hh}:${mm}:00Z` });
        const chat = bot.chat();
        await saysAll(chat, "I want to cancel, I changed my mind", "DE731108", "80337");
        for (let i = 0; i < 5 && !chat.reply.includes("Cancellation confirmed"); i++)
          await chat.says("yes, cancel it");
        const said = everything(chat);
        expect(said, chat.transcript.join("\n")).toContain("Cancellation confirmed");
        expect(said).not.toMatch(/the day before/);
        const hourBefore = /an hour before/.test(said);
        const scheduled = /We will message you on/.test(said);
        // An hour before 23:59:59 is 22:59:59: promised exactly when it is still ahead, and the receipt agrees.
        expect(hourBefore, `${hh}:${mm}\n${said}`).toBe(minute <= 22 * 60 + 59);
        expect(scheduled).toBe(hourBefore);
      }),
      { numRuns: 12, examples: [[0], [22 * 60 + 58], [22 * 60 + 59], [23 * 60], [23 * 60 + 58]] },
    );
  });
});

describe("(d) keeping the number is asked only when it makes sense", () => {
  const firsts = [
    ["I want to cancel"],
    ["I want to withdraw from my contract"],
    ["Ich möchte widerrufen"],
    ["I changed my mind, cancel please"],
  ];
  it("not of someone withdrawing within the cooling-off period without switching, in any order", async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...firsts), fc.boolean(), async (first, reasonLater) => {
        const bot = await aCancellationBot();
        const chat = bot.chat();
        await saysAll(chat, ...first, "DE731108", "80337");
        if (reasonLater && chat.stage === "understand") await chat.says("I changed my mind");
        for (let i = 0; i < 3 && chat.stage !== "confirm"; i++) await chat.says("yes, cancel it");
        await chat.says("yes");
        expect(everything(chat), chat.transcript.join("\n")).not.toMatch(
          /keep your number|porting code|Rufnummer/i,
        );
      }),
      { numRuns: 12 },
    );
  });

  it("still of someone switching network with a mobile", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "I'm switching to another network, cancel my mobile", "UK318826", "M14 5RT");
    chat.expectReply("keep your number");
  });

  for (const [reason, asked] of [
    ["I changed my mind", false],
    ["jag har ångrat mig", false],
    ["it's too expensive", true],
    ["I'm switching to another provider", true],
  ] as const)
    it(`outside a withdrawal, "${reason}" ${asked ? "is" : "is not"} asked about keeping the number, before or after identifying`, async () => {
      for (const before of [true, false]) {
        const bot = await aCancellationBot();
        const chat = bot.chat();
        const lines = before
          ? [`${reason}, cancel everything`, "SE318250", "413 04"]
          : ["cancel everything", "SE318250", "413 04", reason];
        await saysAll(chat, ...lines);
        if (chat.stage === "understand" && !before) await chat.says(reason);
        const said = everything(chat);
        if (asked) expect(said, chat.transcript.join("\n")).toContain("keep your number");
        // Told first, the reason rules the question out; asked before the reason is known, it
        // takes no new provider for granted ("If you're going to another provider, …").
        else if (before) expect(said, chat.transcript.join("\n")).not.toMatch(/want to keep your number/);
        else expect(said, chat.transcript.join("\n")).not.toMatch(/Do you want to keep your number/);
      }
    });

  it("and of someone withdrawing who says they are switching", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await saysAll(chat, "I'm switching to another provider, cancel please", "DE731108", "80337");
    chat.expectReply("keep your number");
  });
});

describe("(e) the first reply to a request to cancel acknowledges it", () => {
  for (const first of ["I want to cancel", "cancel my broadband please", "I'd like to end my contract"])
    it(`"${first}"`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await chat.says(first);
      chat.expectReply("I can help you cancel.", "account number");
    });
  // Answered in the language they write in (issue 16, class 8).
  for (const [first, acknowledged] of [
    ["Ich möchte kündigen", "Ich helfe Ihnen gern beim Kündigen."],
    ["Jag vill säga upp mitt abonnemang", "Jag kan hjälpa dig att säga upp."],
  ] as const)
    it(`"${first}"`, async () => {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      await chat.says(first);
      chat.expectReply(acknowledged, /Kundennummer|kundnummer/);
    });

  it("with the account number in the same message, the request is acknowledged and the postcode asked", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("I want to cancel, my account number is UK104552");
    chat.expectReply("I can help you cancel.", "postcode on the account");
  });

  it("a message that is not a request to cancel is not told it is one", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("hello");
    chat.expectNoReply("I can help you cancel.");
    chat.expectReply("account number");
  });
});
