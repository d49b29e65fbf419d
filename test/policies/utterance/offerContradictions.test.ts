/**
 * extra_offer when the ledger already records the offer being checked: the bot records an
 * offer as it composes the message, and the message is checked when its turn is stored. The
 * offer the decision allows is that record, in the policy's words or in other words with the
 * same figures; any other offer still counts on top of it.
 */
import { describe, expect, it } from "vitest";
import type { Decision, RetentionOffer } from "../../../src/domain/decision.js";
import { emptyLedger, type Ledger } from "../../../src/domain/ledger.js";
import { recordDecline, recordOffer } from "../../../src/guardrails/ledger.js";
import { checkUtterance } from "../../../src/policies/utterance/checkUtterance.js";
import { decision, defaultTone, retention, service } from "./support.js";

const tone = defaultTone();
const AT = "2026-11-23T10:00:00Z";

const discount: RetentionOffer = {
  id: "price-discount:svc-1",
  ruleId: "price-discount",
  text: "We can take £6.40 a month off Full Fibre 500 for 6 months. If you would rather leave, just say no and we carry on.",
};
const engineer: RetentionOffer = {
  id: "fix-first:svc-2",
  ruleId: "fix-first",
  text: "We can send an engineer this week to fix Home TV, at no cost. If you would rather leave, just say no and we carry on.",
};

/** The decision the offer message was composed under: one offer allowed, none made yet. */
const allowing = (...offers: RetentionOffer[]): Decision =>
  decision({ services: [service([], [], "GBP")], retention: retention({ offers }) });

/** The ledger as the engine passes it: the offer message's own offer already recorded. */
const recorded = (...offers: RetentionOffer[]): Ledger =>
  offers.reduce(
    (l, o) => recordOffer(l, { offerId: o.id, messageId: `conv-1:offer:${o.id}`, at: AT }),
    emptyLedger(),
  );

const extraOffers = (text: string, d: Decision, ledger?: Ledger) =>
  checkUtterance({ tone }, text, { speaker: "bot", decision: d, ledger }).filter(
    (f) => f.category === "extra_offer",
  );

describe("the offer the decision allows, recorded in the ledger as it is made", () => {
  it("is not an extra offer in the policy's words", () => {
    expect(extraOffers(discount.text, allowing(discount), recorded(discount))).toEqual([]);
    expect(extraOffers(engineer.text, allowing(engineer), recorded(engineer))).toEqual([]);
  });

  it("is not an extra offer with other spacing, quotes or case", () => {
    const retyped =
      "We can take £6.40\u00a0a month off Full Fibre 500 for 6 months.\nIf you would rather leave, just say no and we carry on.";
    expect(extraOffers(retyped, allowing(discount), recorded(discount))).toEqual([]);
  });

  it("is not an extra offer in other words stating the same figures", () => {
    const reworded =
      "How about £6.40 off your monthly bill for the next 6 months? Just say no and we carry on.";
    expect(extraOffers(reworded, allowing(discount), recorded(discount))).toEqual([]);
  });

  it("is one of several the decision lists: the one recorded", () => {
    const d = allowing(discount, engineer);
    expect(extraOffers(engineer.text, d, recorded(engineer))).toEqual([]);
  });
});

describe("any other offer", () => {
  it("is an extra offer in the same turn, in other words", () => {
    const f = extraOffers(
      "Or would you like a free upgrade instead?",
      allowing(discount),
      recorded(discount),
    );
    expect(f.map((x) => [x.category, x.ruleId])).toEqual([["extra_offer", "contradiction.extra_offer"]]);
    expect(f[0]?.message).toBe("Makes a retention offer, but the decision allows 1 offer and none remain.");
  });

  it("is an extra offer with figures the allowed offer does not state", () => {
    const other = "We could take £10 a month off instead, if you stay.";
    expect(extraOffers(other, allowing(discount), recorded(discount))).toHaveLength(1);
  });

  it("is an extra offer when it is another of the decision's offers", () => {
    const d = allowing(discount, engineer);
    expect(extraOffers(engineer.text, d, recorded(discount))).toHaveLength(1);
  });

  it("is an extra offer beside the allowed one, with the finding on the extra one", () => {
    const text = `${discount.text} We could also take £10 off your TV, if you stay.`;
    const f = extraOffers(text, allowing(discount), recorded(discount));
    expect(f.map((x) => x.span.text)).toEqual(["We could also take £10 off your TV, if you stay."]);
  });

  it("is an extra offer when one message makes two of the decision's offers", () => {
    const d = allowing(discount, engineer);
    expect(extraOffers(`${discount.text} ${engineer.text}`, d, emptyLedger())).toHaveLength(1);
  });

  it("is an extra offer once the decision says none remain, even the same offer again", () => {
    const none = decision({
      services: [service([], [], "GBP")],
      retention: retention({
        allowed: false,
        remaining: 0,
        blockedBy: [{ ruleId: "(max-offers)", reason: "1 offer already made; the policy allows 1" }],
      }),
    });
    expect(extraOffers(discount.text, none, recorded(discount)).map((f) => f.ruleId)).toEqual([
      "(max-offers)",
    ]);
  });

  it("is an extra offer after the customer said no, even the recorded one", () => {
    const declined = recordDecline(recorded(discount), {
      offerId: discount.id,
      messageId: "conv-1:decline",
      at: AT,
    });
    expect(extraOffers(discount.text, allowing(discount), declined)).toHaveLength(1);
  });
});
