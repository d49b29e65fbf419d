/**
 * Seed stories the policy did not cover (issue 16, class 10), run through the real bot in an
 * order it does not ask in: the new customer (cust-uk-new-broadband) whose installer was late,
 * whom care charged for a visit nobody mentioned, and whose welcome promotion billing never
 * applied. She hears the promotion credit in the review, says yes to it in the confirmation
 * and reads it on the receipt, in the decision's amount, the credit is booked once, and a person taking over sees the whole chain
 * of departments that failed her, not only the last one.
 */
import { describe, expect, it } from "vitest";
import { decide } from "../../src/policies/index.js";
import { aCancellationBot, demoPolicy } from "./cancellationBot.js";

const CUSTOMER = "cust-uk-new-broadband";
const SERVICE = "svc-uk-newbb-broadband";
/** £10 off a month, never applied to the October and November bills. */
const PROMO_CREDIT = "£20.00";

/** She says why first, gives the postcode before the account number, then the account. */
const OUT_OF_ORDER = [
  "Nothing has gone right since I joined: the installer was late, I was charged for a visit nobody mentioned and my WELCOME10 discount never showed up. Cancel my broadband.",
  "NG7 2RD",
  "UK550913",
  "NG7 2RD",
];

describe("seed story: the new customer failed by installation, care and billing", () => {
  it("is told of the promotion credit before confirming, reads the same amount on the receipt, and it is booked once", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    for (const text of OUT_OF_ORDER) await chat.says(text);
    expect(chat.stage).toBe("review");
    chat.expectReply(
      "WELCOME10 promotion (£10.00 off a month), but it was never applied to 2 bills",
      `We credit the ${PROMO_CREDIT} you missed`,
    );

    await chat.says("yes, cancel it");
    chat.expectReply("To confirm", `We credit ${PROMO_CREDIT} for the WELCOME10 promotion you never got`);
    await chat.says("yes");
    chat.expectReply(
      "Cancellation confirmed",
      `We credit ${PROMO_CREDIT} for the WELCOME10 promotion you were sold but never got`,
    );
    const receipt = bot.notifier.sent.find((m) => m.idempotencyKey.startsWith("receipt:"));
    expect(receipt?.body).toContain(`We credit ${PROMO_CREDIT} for the WELCOME10 promotion`);
    expect(receipt?.body).not.toMatch(/credit\s+for/);

    const credit = [...bot.journal.entries.values()].find((e) => e.action.kind === "credit_promotion");
    expect(credit?.action.params).toMatchObject({ amount: "20", currency: "GBP", promoCode: "WELCOME10" });
    expect(credit?.result).toMatchObject({ credited: 20, currency: "GBP", booked: 20 });
    const after = await bot.store.customers.get(CUSTOMER);
    const service = after?.services.find((s) => s.id === SERVICE);
    expect(service?.promo?.credited).toBe(20);
    expect(after?.billing.balance).toBe(12); // she owed £32; £20 of it is ours

    // The record now says it was credited: a new decision owes nothing more for it.
    const again = decide(
      await demoPolicy(),
      { customer: after!, coverage: bot.demo.coverage, conversation: { serviceIds: [SERVICE] } },
      bot.clock.now(),
    );
    expect(again.actions.filter((a) => a.kind === "credit_promotion")).toEqual([]);
    expect(again.obligations.map((o) => o.ruleId)).not.toContain("unapplied-promotion");
  });

  it("hands a person the whole chain of departments that failed her, in order, with the records", async () => {
    const bot = await aCancellationBot();
    const chat = bot.chat();
    for (const text of OUT_OF_ORDER) await chat.says(text);
    await chat.says("Can I talk to a real person please");
    expect(chat.stage).toBe("handover");

    const [record] = bot.handover.records;
    expect(record?.customerId).toBe(CUSTOMER);
    expect(record?.rootCause.chain).toEqual(["install", "care", "billing"]);
    expect(record?.rootCause.links.map((l) => l.evidence)).toEqual([
      ["int-uk-newbb-late-installer"],
      ["int-uk-newbb-second-visit-booked"],
      ["promo:WELCOME10", "int-uk-newbb-promo-missing"],
    ]);
    expect(record?.decision?.rootCause).toEqual(record?.rootCause);
    expect(record?.decision?.trace.find((t) => t.kind === "root_cause")?.why).toContain(
      "install (late_appointment: int-uk-newbb-late-installer) -> care (undisclosed_fee",
    );
  });
});
