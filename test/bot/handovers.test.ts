/**
 * A person is always one message away, and some situations go to a person by policy: a promise
 * the customer remembers that is not on record, three failed identity checks. The bot says what
 * happens next and never pretends to be a person.
 */
import { describe, expect, it } from "vitest";
import { aCancellationBot } from "./cancellationBot.js";

describe("hand-over to a person", () => {
  it("happens the moment the customer asks, with the conversation, decision and ledger handed on", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("cancel my broadband");
    await chat.says("UK550913");
    await chat.says("NG7 2RD");
    await chat.says("Can I talk to a real person please");
    chat.expectReply("I'm a bot, so I'm passing you to a person now", "Nothing has been cancelled yet");
    expect(chat.stage).toBe("handover");
    const [record] = bot.handover.records;
    expect(record).toMatchObject({ customerId: "cust-uk-new-broadband", stage: "handover" });
    expect(record?.reasons.map((r) => r.ruleId)).toContain("customer-asks");
    expect(record?.transcript.at(-1)?.text).toBe("Can I talk to a real person please");
    expect(record?.decision?.policyRevision).toMatch(/^sha256:/);

    await chat.says("hello?");
    chat.expectReply("A person has been asked to take over");
    expect(bot.journal.entries.size).toBe(0);
  });

  it("happens when the customer claims a promise that is not on record, instead of a refusal", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says(
      "I want to cancel everything. The salesman at my door told me I could leave for free if the speed was below 100",
    );
    await chat.says("UK-unrecorded"); // not an account: asks again without saying whether it exists
    const account = bot.demo.customers.find((c) => c.id === "cust-uk-unrecorded-promise")!;
    await chat.says(account.accountNumber);
    await chat.says(account.postcode);
    // At once, right after identification: not after the optional "why are you leaving?" (issue 16, class 4).
    chat.expectReply("promise we cannot find on record", "passing you to a person");
    chat.expectNoReply("why you're leaving");
    expect(bot.handover.records[0]?.reasons.map((r) => r.ruleId)).toContain("claimed-promise-not-on-record");
  });

  it("happens after three failed identity checks, which never reveal whether an account exists", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    await chat.says("cancel");
    await chat.says("UK318826");
    await chat.says("SW1A 1AA"); // real account, wrong postcode
    const wrongPostcode = chat.reply;
    await chat.says("UK999999");
    await chat.says("SW1A 1AA"); // no such account
    expect(chat.reply.replace(" (one more try, then I'll pass you to a person)", "")).toBe(wrongPostcode);
    await chat.says("UK999998");
    await chat.says("M14 5RT");
    chat.expectReply("passing you to a person");
    expect(bot.handover.records).toHaveLength(1);
  });
});
