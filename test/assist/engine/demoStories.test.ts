/**
 * The assist engine on call transcripts of the demo stories (data/demo/README.md), asserting
 * on the view the agent sees.
 */
import { describe, expect, it } from "vitest";
import { anAssistDesk, checklistOf } from "./support.js";

const UNLOCK = "device-unlock:svc-uk-locked-mobile:dev-uk-locked-handset";
const PORTING = "porting-code:svc-uk-locked-mobile";

describe("the moving customer with a recorded promise (cust-se-moving)", () => {
  it("'we'll invoice the remaining 9 months' is a contradiction with the waiver and a compliant alternative", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-moving-1", "cust-se-moving");
    await c.customer("Hi, we're moving to Jokkmokk, postcode 962 31, so we need to cancel broadband and TV.");
    const view = await c.agent("Right. Well, we'll invoice the remaining 9 months.");

    expect(view.alerts).toHaveLength(1);
    const [alert] = view.alerts;
    expect(alert).toMatchObject({
      kind: "contradiction",
      severity: "violation",
      ruleId: "honour-recorded-promise",
      words: "9 months",
      utterance: { utteranceId: "u2", speaker: "agent", final: true },
      dismissed: false,
    });
    expect(alert?.message).toContain("waived");
    // The alternative carries this customer's facts: the promise, both amounts waived, nothing to pay.
    expect(alert?.alternative).toContain("We keep the promise made to you on Friday 21 August 2026");
    expect(alert?.alternative).toContain("4,041.00 SEK and 2,691.00 SEK is waived");
    expect(alert?.alternative).toContain("You pay nothing for leaving.");
    expect(view.history?.promises).toEqual([
      expect.objectContaining({
        at: "2026-08-21",
        words: expect.stringContaining("upphör avtalet utan avgift"),
      }),
    ]);
  });

  it("words that contradict the decision discharge nothing, even when they name the topic", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-moving-4", "cust-se-moving");
    await c.customer("We're moving to Jokkmokk, 962 31.");
    const view = await c.agent("Your final bill is 4,041 SEK for leaving.");
    expect(view.alerts.map((a) => a.kind)).toContain("contradiction");
    expect(view.checklist.find((i) => i.topic === "final_bill")?.status).toBe("open");
    await c.agent("Your final bill: nothing for leaving, plus your normal charges up to the end date.");
    expect(c.view.checklist.find((i) => i.topic === "final_bill")?.status).toBe("discharged");
  });

  // The word lists alone do not have "What did you expect?"; the speech checker's lemma patterns do.
  it("'What did you expect?' is a tone alert (condescension)", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-moving-2", "cust-se-moving");
    await c.customer("We've been with you six years and now you're telling me I have to pay to leave?");
    const view = await c.agent("What did you expect?");
    expect(view.alerts).toEqual([
      expect.objectContaining({ kind: "tone", ruleId: expect.stringMatching(/^tone\.condescension\./) }),
    ]);
  });

  it("a tone finding the checker knows today comes with a neutral rewording", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-moving-3", "cust-se-moving");
    const view = await c.agent("You have to visit a store to cancel.");
    const tone = view.alerts.find((a) => a.kind === "tone");
    expect(tone).toMatchObject({
      ruleId: "tone.obstruction.must-visit-store",
      words: "You have to visit a store",
      alternative: "You can cancel right here on this call. I'll take you through it.",
    });
    expect(view.alerts.map((a) => a.kind)).toContain("contradiction"); // cannot_cancel, against the decision
  });
});

describe("the mobile customer with a locked handset (cust-uk-locked-handset)", () => {
  it("after the porting code alone, unlock and payment mandate stay open and a confirmation raises open_obligations", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-mobile-1", "cust-uk-locked-handset");
    await c.customer("I'm switching to another network and I want to keep my number.");
    await c.agent(
      "Sure. Text PAC to 65075 and your porting code arrives by text within a minute; it's valid for 30 days.",
    );

    const list = checklistOf(c.view);
    expect(list[PORTING]).toBe("discharged");
    expect(list[UNLOCK]).toBe("open");
    expect(list["payment-mandate"]).toBe("open");
    const porting = c.view.checklist.find((i) => i.obligationId === PORTING);
    expect(porting?.dischargedBy).toEqual({
      kind: "speech",
      utteranceId: "u2",
      at: "2026-11-23T10:00:02.000Z",
    });
    expect(c.view.alerts).toEqual([]);
    // What to say next starts with what the checklist still needs, in the policy's own words.
    expect(c.view.next.map((n) => n.for)).not.toContain(PORTING);
    expect(c.view.next.length).toBeLessThanOrEqual(3);

    const view = await c.agent("Okay, I'll cancel that now.");
    const alert = view.alerts.find((a) => a.kind === "open_obligations");
    expect(alert).toMatchObject({
      id: "u3#open_obligations",
      severity: "violation",
      words: "Okay, I'll cancel that now.",
    });
    expect(alert?.message).toMatch(/device unlock/);
    expect(alert?.message).toMatch(/payment mandate/);
    expect(alert?.message).not.toMatch(/porting code/);
  });

  it("the unlock and the direct debit in the agent's own words tick them; a question about the unlock does not", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-mobile-2", "cust-uk-locked-handset");
    await c.agent("Do you want to know about unlocking your phone?");
    expect(checklistOf(c.view)[UNLOCK]).toBe("open");
    await c.agent("I can't go into the unlock right now, sorry.");
    expect(checklistOf(c.view)[UNLOCK]).toBe("open");
    await c.agent(
      "Your Galaxy is locked to our network, but we'll unlock it today free of charge and text you the steps.",
    );
    expect(checklistOf(c.view)[UNLOCK]).toBe("discharged");
    await c.agent(
      "Your direct debit takes the final bill and then we cancel it, so you don't need to contact your bank.",
    );
    expect(checklistOf(c.view)["payment-mandate"]).toBe("discharged");
  });
});

describe("the history card", () => {
  it("the pay-TV customer (cust-uk-paytv-outages): tenure, pain points across departments with dates, root cause", async () => {
    const { desk } = await anAssistDesk();
    const view = await desk.open({
      sessionId: "call-paytv",
      customerId: "cust-uk-paytv-outages",
      source: "console",
    });
    const card = view.history;
    expect(card).toMatchObject({
      name: "Derek Holloway",
      tenure: "15 years 8 months",
      recognition: "Customer since 2011: thank them for 15 years with us",
      rootCause: ["network", "billing", "care"],
    });
    const kinds = card?.painPoints.map((p) => `${p.at.slice(0, 10)} ${p.silo} ${p.kind}`);
    expect(kinds).toEqual(
      expect.arrayContaining([
        "2026-06-03 network outage",
        "2026-08-19 billing billing_error",
        "2026-09-18 care equipment_failure",
        "2026-10-21 network outage",
      ]),
    );
    const golf = card?.painPoints.filter((p) => /golf plus/i.test(p.summary)) ?? [];
    expect(golf.map((p) => p.kind)).toEqual(expect.arrayContaining(["billing_error", "dispute"]));
    expect(card?.painPoints.some((p) => p.summary.includes("condescending"))).toBe(true);
    expect(card?.services.map((s) => s.kind)).toEqual(["tv", "broadband", "landline"]);
    // Only the last 90 days (since 2026-08-25), newest first.
    expect(card?.recentContacts.map((e) => e.at.slice(0, 10))).toEqual([
      "2026-11-14",
      "2026-10-24",
      "2026-10-21",
      "2026-09-18",
    ]);
    // The open dispute is on the checklist too: the agent must tell him it is settled in his favour.
    expect(view.checklist.map((i) => i.topic)).toContain("final_bill_disputes");
  });

  it("the new customer (cust-uk-new-broadband): installer, care (undisclosed fee), billing (promo never applied)", async () => {
    const { desk } = await anAssistDesk();
    const view = await desk.open({ sessionId: "call-new", customerId: "UK550913", source: "console" });
    expect(view.customerId).toBe("cust-uk-new-broadband");
    expect(view.history?.rootCause).toEqual(["install", "care", "billing"]);
    expect(view.history?.tenure).toBe("2 months");
    expect(view.history?.painPoints.map((p) => p.kind)).toEqual(
      expect.arrayContaining(["late_appointment", "undisclosed_fee", "promotion_not_applied"]),
    );
  });
});

describe("care on the history card", () => {
  it("the bereaved customer's card asks for condolences, not thanks for staying", async () => {
    const { desk } = await anAssistDesk();
    const view = await desk.open({
      sessionId: "call-bereaved",
      customerId: "cust-uk-bereaved",
      source: "console",
    });
    expect(view.history?.recognition).toBe(
      "Customer since 2001 (25 years 5 months): acknowledge the loss before anything else",
    );
    expect(view.history?.care).toEqual([expect.stringMatching(/^Bereavement on record: .*no offers/)]);
  });

  it("a customer with nothing on record gets no care lines", async () => {
    const { desk } = await anAssistDesk();
    const view = await desk.open({
      sessionId: "call-plain",
      customerId: "cust-uk-locked-handset",
      source: "console",
    });
    expect(view.history?.care).toBeUndefined();
    expect(view.history?.recognition).toBe("Customer since 2020: thank them for 6 years with us");
  });
});

describe("offers (cust-uk-price-rise, one offer allowed)", () => {
  it("the policy's offer once is fine; a second offer after 'no thanks, just cancel' is an offer alert", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-offer", "cust-uk-price-rise");
    await c.customer("It's too expensive now, I want to cancel.");
    await c.agent(
      "We can take £6.70 a month off Full Fibre 300 for 6 months. If you would rather leave, just say no and we carry on.",
    );
    expect(c.view.alerts).toEqual([]);
    await c.customer("No thanks, just cancel.");
    const view = await c.agent("Are you sure? How about 20% off for six months instead?");
    expect(view.alerts).toEqual([
      expect.objectContaining({
        kind: "offer",
        severity: "violation",
        ruleId: "contradiction.extra_offer",
        message: expect.stringContaining("already declined"),
        alternative: "Understood. I'll carry on with the cancellation.",
      }),
    ]);
  });
});
