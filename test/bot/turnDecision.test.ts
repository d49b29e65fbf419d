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

async function aTurn(options: { customer?: number; earlier?: Turn; at?: string } = {}) {
  const bot = await aCancellationBot();
  const policy = await demoPolicy();
  const customer = options.earlier?.customer ?? bot.demo.customers[options.customer ?? 0]!;
  const state = initialState("webchat", customer.id);
  const deps = { policy: () => policy } as unknown as ConversationDeps;
  const turn = new Turn(
    deps,
    "conv-turn-decision",
    state,
    understand("continue", "anything"),
    "continue",
    options.at ? new Date(options.at) : bot.clock.now(),
    options.earlier?.coverage ?? bot.demo.coverage,
    options.earlier?.lastDecision,
  );
  turn.customer = customer;
  return turn;
}

describe("a turn's decision", () => {
  it("is made once for the same facts, even when a stage says they may have changed", async () => {
    const turn = await aTurn();
    const first = turn.decision();
    expect(turn.decision()).toBe(first);
    turn.invalidate();
    expect(turn.decision()).toBe(first);
  });

  it("is made again when a fact it depends on changed", async () => {
    const turn = await aTurn();
    const first = turn.decision();
    turn.state.facts.reason = "moving";
    turn.invalidate();
    const second = turn.decision();
    expect(second).not.toBe(first);
    turn.state.offersMade.push("half-price");
    turn.invalidate();
    expect(turn.decision()).not.toBe(second);
  });

  it("is the earlier turn's while it still holds: same customer and facts, later the same day", async () => {
    // The customer (UK) reads `today`, not `now`: the decision holds until midnight.
    const first = await aTurn({ customer: 1 });
    const reviewed = first.decision();
    const next = await aTurn({ earlier: first, at: "2026-11-23T10:05:00Z" });
    expect(next.decision()).toBe(reviewed);
    next.state.facts.reason = "moving";
    next.invalidate();
    expect(next.decision()).not.toBe(reviewed);
    const tomorrow = await aTurn({ earlier: first, at: "2026-11-24T09:00:00Z" });
    expect(tomorrow.decision()).not.toBe(reviewed);
  });

  it("checks each message against the decision it was composed under", async () => {
    const turn = await aTurn();
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
