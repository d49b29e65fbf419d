/**
 * A clean, fair call raises no alert at all: the agent says everything the customer must know,
 * in their own words, before confirming; the checklist is complete when the cancellation is done.
 */
import { expect, it } from "vitest";
import { anAssistDesk } from "./support.js";

it("a fair call: everything told in the agent's own words, confirmed after, no alert", async () => {
  const { call } = await anAssistDesk();
  const c = call("call-fair", "cust-uk-locked-handset");
  await c.agent("Thanks for calling, Priya. I can help you with that.");
  await c.customer("I'm switching to another network and I want to keep my number.");
  await c.agent(
    "Of course. Text PAC to 65075 and your porting code arrives within a minute; it's valid for 30 days.",
  );
  await c.agent(
    "Your Galaxy is locked to our network; we unlock it free of charge today and text you the steps.",
  );
  await c.agent("Your SIM plan ends on the 24th of November, at the end of that day.");
  await c.agent("Ending it costs £36.00.");
  await c.agent(
    "Your minimum term ends on 25 January 2027; after that date you can leave without an exit fee.",
  );
  await c.agent(
    "Your direct debit collects the last payment and then we cancel it; you don't need to do anything with your bank.",
  );
  await c.agent("Your final bill is £36.00 for leaving, plus your normal charges up to the end date.");
  await c.agent("You can download your bills and account data before the service ends.");
  await c.agent("Shall I go ahead and cancel?");
  await c.customer("Yes please.");
  await c.agent("That's cancelled for you now.");
  const view = await c.agent("We'll email you a confirmation now. You're welcome back any time.");

  expect(view.alerts).toEqual([]);
  const open = view.checklist.filter((i) => i.status === "open").map((i) => i.topic);
  // What remains is what comes with the receipt and the goodbye, said by the system or later.
  expect(open).toEqual(["service_stop_notice", "alumni_consent"]);
  expect(
    view.checklist.filter((i) => i.status === "discharged").every((i) => i.dischargedBy?.kind === "speech"),
  ).toBe(true);
});
