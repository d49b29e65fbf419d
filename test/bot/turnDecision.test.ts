/**
 * A turn's decision: made once for the facts gathered, made again only when they changed, and
 * each message of the turn checked against the decision it was composed under.
 */
import { describe, expect, it } from "vitest";
import { say } from "../../src/bot/botReply.js";
import { initialState } from "../../src/bot/conversationState.js";
import type { ConversationDeps } from "../../src/bot/ports.js";
import { Turn } from "../../src/bot/turn.js";
import { understand } from "../../src/bot/understanding/understand.js";
import { aCancellationBot, demoPolicy } from "./cancellationBot.js";

async function aTurnForAnna() {
  const bot = await aCancellationBot();
  const policy = await demoPolicy();
  const customer = bot.demo.customers[0]!;
  const state = initialState("webchat", customer.id);
  const deps = { policy: () => policy } as unknown as ConversationDeps;
  const turn = new Turn(
    deps,
    "conv-turn-decision",
    state,
    understand("continue", "anything"),
    "continue",
    bot.clock.now(),
    bot.demo.coverage,
  );
  turn.customer = customer;
  return turn;
}

describe("a turn's decision", () => {
  it("is made once for the same facts, even when a stage says they may have changed", async () => {
    const turn = await aTurnForAnna();
    const first = turn.decision();
    expect(turn.decision()).toBe(first);
    turn.invalidate();
    expect(turn.decision()).toBe(first);
  });

  it("is made again when a fact it depends on changed", async () => {
    const turn = await aTurnForAnna();
    const first = turn.decision();
    turn.state.facts.reason = "moving";
    turn.invalidate();
    const second = turn.decision();
    expect(second).not.toBe(first);
    turn.state.offersMade.push("half-price");
    turn.invalidate();
    expect(turn.decision()).not.toBe(second);
  });

  it("checks each message against the decision it was composed under", async () => {
    const turn = await aTurnForAnna();
    const beforeAny = say("Thanks, let me look at your account.");
    turn.say(beforeAny);
    const reviewed = turn.decision();
    const offer = say("We can offer you half price for six months.");
    turn.say(offer);
    // The offer is made: the facts change after the message was composed.
    turn.state.offersMade.push("half-price");
    turn.invalidate();
    const afterwards = say("Just say no if you'd still like to cancel.");
    turn.say(afterwards);

    expect(turn.decisionWhenSaid(beforeAny)).toBeUndefined();
    expect(turn.decisionWhenSaid(offer)).toBe(reviewed);
    expect(turn.decisionWhenSaid(afterwards)).toBeUndefined();
    expect(turn.decision()).not.toBe(reviewed);
  });
});
