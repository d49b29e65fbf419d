/**
 * An agent's retention offer is compared with what the decision allows for this customer: none
 * at all for a bereaved customer (the policy's deny rule), and only the policy's own offer for
 * anyone else. An offer the policy does not make (another discount, months free, in any of the
 * three languages) is an offer alert naming the rule, with the policy's offer, or no offer, as
 * the alternative.
 */
import { describe, expect, it } from "vitest";
import { anAssistDesk } from "./support.js";

async function alertsAfter(customerId: string, customerSays: string, agentSays: string) {
  const { call } = await anAssistDesk();
  const c = call(`call-${customerId}`, customerId);
  await c.customer(customerSays);
  await c.agent(agentSays);
  return c.view.alerts;
}

describe("offers the policy does not make", () => {
  it("the policy's own offer (£6.70 a month off for 6 months) in other words, with the same figures, raises nothing", async () => {
    const { call } = await anAssistDesk();
    const c = call("call-own", "cust-uk-price-rise");
    await c.customer("It's too expensive now, I want to cancel.");
    await c.agent(
      "Look, what I can do is £6.70 off each month for 6 months, if that helps? Happy to just cancel otherwise.",
    );
    expect(c.view.alerts).toEqual([]);
  });

  it("any offer to the bereaved customer is refused by the policy's rule, with condolences as the alternative", async () => {
    const alerts = await alertsAfter(
      "cust-uk-bereaved",
      "My husband passed away, I need to close his account.",
      "I'm so sorry for your loss. I can offer you 20% off for a year if you keep the account.",
    );
    expect(alerts.map((a) => [a.kind, a.ruleId])).toEqual([["offer", "no-offer-bereaved"]]);
    expect(alerts[0]?.alternative).toBeTruthy();
    expect(alerts[0]?.alternative).not.toMatch(/%|off/);
  });

  it.each([
    ["a bigger discount", "I can do 50% off for two years if you stay with us."],
    ["months free", "How about three months free instead?"],
  ])(
    "%s than the policy's offer is an offer alert, with the policy's offer as the alternative",
    async (_what, line) => {
      const alerts = await alertsAfter(
        "cust-uk-price-rise",
        "It's too expensive now, I want to cancel.",
        line,
      );
      expect(alerts.map((a) => [a.kind, a.ruleId])).toEqual([["offer", "contradiction.unsanctioned_offer"]]);
      expect(alerts[0]?.words).toBe(line);
      // The alternative is the policy's own offer, with this customer's figures.
      expect(alerts[0]?.alternative).toMatch(/^We can take £\d+\.\d\d a month off .* for 6 months\./);
    },
  );

  it("the same in German", async () => {
    const alerts = await alertsAfter(
      "cust-de-rolling",
      "Ich möchte kündigen.",
      "Ich kann Ihnen 30 % Rabatt anbieten, wenn Sie bleiben.",
    );
    expect(alerts.map((a) => a.kind)).toEqual(["offer"]);
  });
});
