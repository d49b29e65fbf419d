/**
 * The demo history: synthetic customers added to the store, and the cancellations of those
 * who left played through the real bot with the app's clock at the day each one left, so the
 * audit trail, the reports and the /supervisor dashboard have a history over time.
 */
import type { App } from "../../app.js";
import type { ManualClock } from "../../domain/clock.js";
import { Customer } from "../../domain/customer.js";
import { beforeLeaving, type SyntheticCustomer } from "../../insights/syntheticHistory.js";
import { seededRandom } from "../../insights/syntheticRandom.js";
import { type PlayOutcome, playCancellation } from "./playCancellation.js";

export interface DemoHistorySummary {
  customersAdded: number;
  /** Customers of this seed already in the store (an earlier run): neither added nor played again. */
  alreadyThere: number;
  conversations: number;
  outcomes: Record<PlayOutcome, number>;
  /** Where the scripted customer gave up ("stage/expecting"), with counts. */
  unexpected: Record<string, number>;
  /** The conversation ids played, in order. */
  conversationIds: string[];
}

const SURVEYS: Record<string, string> = {
  left_after_failures: "too many outages and billing problems",
  left_over_price: "the price kept going up",
  left_moving: "moving house",
  left_cheaper_elsewhere: "cheaper elsewhere",
  left_bereavement: "skip",
};

/** The customer's record after the conversation: the request on file, services ending when cancelled. */
function afterConversation(s: SyntheticCustomer, outcome: PlayOutcome): Customer {
  const before = beforeLeaving(s);
  const request = s.customer.interactions.filter((i) => i.kind === "cancellation_request");
  return Customer.parse({
    ...before,
    services: before.services.map((sv) => ({
      ...sv,
      status: outcome === "cancelled" ? "ending" : sv.status,
    })),
    interactions: [...before.interactions, ...request],
  });
}

/**
 * Adds `history` to `app.store` and plays every leaver's cancellation in date order, the
 * clock set to the moment each asked. `clock` must be the app's clock.
 */
export async function playDemoHistory(
  app: App,
  clock: ManualClock,
  history: readonly SyntheticCustomer[],
  seed: number,
): Promise<DemoHistorySummary> {
  // Run twice with the same seed: what is already there is left as it is.
  const stored = new Set((await app.store.customers.list()).map((c) => c.id));
  const fresh = history.filter((s) => !stored.has(s.customer.id));
  await app.store.customers.upsertMany(fresh.map(beforeLeaving));
  const r = seededRandom(seed ^ 0x5eed);
  const leavers = fresh
    .filter((s): s is SyntheticCustomer & { leftAt: string } => s.leftAt !== undefined)
    .sort((a, b) => a.leftAt.localeCompare(b.leftAt));
  const summary: DemoHistorySummary = {
    customersAdded: fresh.length,
    alreadyThere: history.length - fresh.length,
    conversations: 0,
    outcomes: { cancelled: 0, handed_over: 0, stayed: 0, unexpected: 0 },
    unexpected: {},
    conversationIds: [],
  };
  for (const s of leavers) {
    clock.set(s.leftAt);
    const id = `demo-${s.customer.id}`;
    const result = await playCancellation(app.engine, id, beforeLeaving(s), {
      reason: s.reasonSaid ?? "I just want to cancel",
      acceptsOffer: s.story !== "left_moving" && s.story !== "left_bereavement" && r.chance(0.15),
      consentsToContact: r.chance(0.35),
      survey: SURVEYS[s.story] ?? "skip",
      beforeMessage: () => clock.advance(r.int(15, 90) * 1000),
    });
    summary.conversations++;
    summary.conversationIds.push(id);
    summary.outcomes[result.outcome]++;
    if (result.note) summary.unexpected[result.note] = (summary.unexpected[result.note] ?? 0) + 1;
    await app.store.customers.upsertMany([afterConversation(s, result.outcome)]);
  }
  return summary;
}
