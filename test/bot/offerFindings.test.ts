/**
 * The one retention offer the decision allows is not logged as an extra offer, for any demo
 * customer who hears one (declined or accepted); an offer beyond it still is. Each message is
 * checked by the engine when its turn is stored, against the ledger that already records the
 * offer being checked: that record must not count as a second offer.
 */
import { describe, expect, it } from "vitest";
import type { BotTurn } from "../../src/bot/botReply.js";
import { en as phrases } from "../../src/bot/words/en.js";
import type { Customer } from "../../src/domain/customer.js";
import type { Llm, LlmRephraseRequest } from "../../src/domain/llm.js";
import { aCancellationBot } from "./cancellationBot.js";
import { nextLine } from "./simulatedCustomer.js";

/** The reasons the demo packs answer with an offer: a price discount, or fixing the service first. */
const REASONS = ["it's too expensive", "the service keeps dropping"];
/** The offer card's two buttons (a bare "yes" after an offer is asked about, not taken: issue 16, class 3). */
const ANSWERS = ["no thanks", "I'll take the offer"];

/** One whole conversation of `customer`, who gives `reason` and answers an offer with `answer`. */
async function converse(customer: Customer, reason: string, answer: string, llm?: Llm) {
  const bot = await aCancellationBot({ llm });
  const id = `offer-${customer.id}`;
  let line: string | undefined = "I want to cancel";
  for (let guard = 0; line !== undefined && guard < 30; guard++) {
    const turn: BotTurn = await bot.engine.receive(id, line, {});
    line =
      turn.expecting === "reason" ? reason : turn.expecting === "offer" ? answer : nextLine(turn, customer);
  }
  const entries = bot.audit.entries.filter((e) => e.conversationId === id);
  const extraOffers = entries
    .filter((e) => e.kind === "tone_finding")
    .flatMap((e) => (e.data.findings as { category: string; ruleId: string }[]) ?? [])
    .filter((f) => f.category === "extra_offer");
  const said = await bot.store.conversations.get(id);
  const botTexts = (said?.turns ?? []).filter((t) => t.speaker === "bot").map((t) => t.text);
  return { offers: entries.filter((e) => e.kind === "offer").length, extraOffers, botTexts };
}

/** A model that rewords nothing, except that it adds an offer of its own to `template`. */
function modelAddingAnOfferTo(template: string): Llm {
  return {
    understand: async () => {
      throw new Error("not asked to classify in this test");
    },
    rephrase: async (request: LlmRephraseRequest) =>
      request.text === template ? `${request.text} Or would you like a free upgrade instead?` : request.text,
  };
}

describe("the retention offer the decision allows", () => {
  it("is never logged as an extra offer, for every demo customer who hears it", async () => {
    const { demo } = await aCancellationBot();
    const heard: string[] = [];
    const flagged: string[] = [];
    for (const customer of demo.customers)
      for (const reason of REASONS)
        for (const answer of ANSWERS) {
          const c = await converse(customer, reason, answer);
          const name = `${customer.id} / ${reason} / ${answer}`;
          if (c.offers > 0) heard.push(name);
          if (c.extraOffers.length > 0) flagged.push(`${name}: ${JSON.stringify(c.extraOffers)}`);
        }
    expect(heard.length).toBeGreaterThanOrEqual(20); // the demo packs make offers to most customers
    expect(flagged).toEqual([]);
  });
});

describe("an offer beyond the one allowed", () => {
  it("never reaches the customer when a reworded reply adds one: the template is said, the finding audited", async () => {
    const [customer] = (await aCancellationBot()).demo.customers.filter(
      (c) => c.id === "cust-uk-new-broadband",
    );
    const c = await converse(
      customer as Customer,
      REASONS[0] as string,
      "I'll take the offer",
      modelAddingAnOfferTo(phrases.offerAccepted),
    );
    expect(c.offers).toBe(1);
    // The rewording is checked with the decision before it is sent (issue 16, class 7).
    expect(c.botTexts.join("\n")).not.toContain("free upgrade");
    expect(c.botTexts).toContain(phrases.offerAccepted);
    expect(c.extraOffers.map((f) => f.category)).toEqual(["extra_offer"]);
  });
});
