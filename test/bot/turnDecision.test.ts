/**
 * A turn's decision: made once for the facts gathered, made again whenever they changed (compared
 * on every call, so no stage has to announce a change), and each message of the turn checked
 * against the decision it was composed under.
 */
import { describe, expect, it } from "vitest";
import { verbatim } from "../../src/bot/botReply.js";
import { type ConversationState, initialState } from "../../src/bot/conversationState.js";
import type { ConversationDeps } from "../../src/bot/ports.js";
import { TurnContext } from "../../src/bot/turnContext.js";
import { understand } from "../../src/understanding/understandByRules.js";
import { aCancellationBot, demoPolicy } from "./cancellationBot.js";

async function aTurnForAnna() {
  const bot = await aCancellationBot();
  const policy = await demoPolicy();
  const customer = bot.demo.customers[0]!;
  const state = initialState("webchat", customer.id);
  const deps = { policy: () => policy } as unknown as ConversationDeps;
  const turnOn = (s: ConversationState) => {
    const turn = new TurnContext(
      deps,
      "conv-turn-decision",
      s,
      understand("continue", "anything"),
      "continue",
      bot.clock.now(),
      bot.demo.coverage,
    );
    turn.customer = customer;
    return turn;
  };
  const turn = turnOn(state);
  /** The decision a new turn makes from the facts `turn` holds now (nothing cached). */
  const fromScratch = () => turnOn(structuredClone(turn.state)).decision();
  return { turn, fromScratch };
}

describe("a turn's decision", () => {
  it("is made once for the same facts", async () => {
    const { turn } = await aTurnForAnna();
    const first = turn.decision();
    expect(turn.decision()).toBe(first);
    // Facts written again with the same values are the same facts.
    turn.state.facts.serviceIds = turn.state.facts.serviceIds && [...turn.state.facts.serviceIds];
    expect(turn.decision()).toBe(first);
  });

  it("is made again when a fact it depends on changed, without anyone saying so", async () => {
    const { turn, fromScratch } = await aTurnForAnna();
    const first = turn.decision();
    const asked = (d: typeof first) => d.escalation.reasons.some((r) => r.ruleId === "customer-asks");
    expect(asked(first)).toBe(false);

    turn.state.facts.requestedPerson = true;
    const second = turn.decision();
    expect(asked(second)).toBe(true);
    expect(second).toEqual(fromScratch());

    turn.state.facts.reason = "moving";
    const third = turn.decision();
    expect(third).not.toBe(second);
    expect(third).toEqual(fromScratch());

    turn.state.offersMade.push("half-price");
    expect(turn.decision()).not.toBe(third);
    expect(turn.decision()).toEqual(fromScratch());
  });

  it("sees a list of services changed in place", async () => {
    const { turn, fromScratch } = await aTurnForAnna();
    const ids = turn.customer!.services.map((s) => s.id);
    turn.state.facts.serviceIds = [ids[0]!];
    const one = turn.decision();
    turn.state.facts.serviceIds.push(...ids.slice(1));
    expect(turn.decision()).not.toBe(one);
    expect(turn.decision()).toEqual(fromScratch());
  });

  it("checks each message against the decision it was composed under", async () => {
    const { turn } = await aTurnForAnna();
    const beforeAny = verbatim("Thanks, let me look at your account.");
    turn.say(beforeAny);
    const reviewed = turn.decision();
    const offer = verbatim("We can offer you half price for six months.");
    turn.say(offer);
    // The offer is made: the facts change after the message was composed (and nobody says so).
    turn.state.offersMade.push("half-price");
    const afterwards = verbatim("Just say no if you'd still like to cancel.");
    turn.say(afterwards);

    expect(turn.decisionWhenSaid(beforeAny)).toBeUndefined();
    expect(turn.decisionWhenSaid(offer)).toBe(reviewed);
    expect(turn.decisionWhenSaid(afterwards)).toBeUndefined();
    const now = turn.decision();
    expect(now).not.toBe(reviewed);
    const last = verbatim("Anything else?");
    turn.say(last);
    expect(turn.decisionWhenSaid(last)).toBe(now);
  });
});
