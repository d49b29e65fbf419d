/**
 * Whole conversations of demo customers, for the guard and money tests: a simple customer who
 * gives one reason, answers everything else the way the bot asks, says no to an offer and yes
 * to the confirmation. A run holds what the customer received (the engine's replies with their
 * cards, and the e-mails the notifier sent), the utterance findings the engine audited, the
 * decision the conversation ended with, the operations' results and the customer as stored after.
 */
import type { BotMessage, BotTurn } from "../../../src/bot/botReply.js";
import type { ConversationState } from "../../../src/bot/conversationState.js";
import type { Customer } from "../../../src/domain/customer.js";
import type { Decision } from "../../../src/domain/decision.js";
import type { Llm } from "../../../src/domain/llm.js";
import { decide } from "../../../src/policies/decide.js";
import { aCancellationBot, demoPolicy } from "../cancellationBot.js";
import { nextLine } from "../simulatedCustomer.js";

/** Reasons in words, one per leaving reason the packs tell apart, and none at all. */
export const REASON_LINES = [
  "it's too expensive",
  "the service keeps dropping",
  "I'm moving house",
  "I changed my mind",
  "my husband passed away",
  "I lost my job and can't afford it",
  "I'm switching to another provider",
  "skip",
] as const;

/** Dates the demo data reads differently at: in and past minimum terms, in and out of cooling-off. */
export const DATES = [
  "2026-11-23T10:00:00Z",
  "2026-03-02T09:00:00Z",
  "2027-08-16T12:00:00Z",
  "2029-01-10T08:00:00Z",
] as const;

export interface DemoRun {
  name: string;
  customer: Customer;
  /** Every message the customer was sent in the chat, in order, with its card. */
  delivered: BotMessage[];
  /** The e-mails (and texts) the customer was sent. */
  notifications: { subject?: string; body: string }[];
  /** The `tone_finding` audit entries of the conversation. */
  findings: Record<string, unknown>[];
  /** The decision for the conversation's facts as they ended (undefined before identification). */
  decision: Decision | undefined;
  /** The offers the decision allowed before any was made (the one made is declined by the end). */
  offers: string[];
  /** Each action the operations carried out, with its result. */
  journal: { kind: string; params: Record<string, unknown>; result: Record<string, unknown> }[];
  /** The customer as the store holds it after the conversation. */
  customerAfter: Customer | undefined;
  handovers: number;
  stage: string | undefined;
}

export interface RunOptions {
  reason: string;
  llm?: Llm;
  /** When the conversation happens (default: the bot's test clock). */
  now?: string;
  /** The answer to "which would you like to end?" (default "all of them"). */
  services?: string;
  /** The answer to an offer (default "no thanks"). */
  offerAnswer?: string;
}

/** One whole conversation of `customer`, a demo customer or a variant of one (see the file's header). */
export async function runDemoConversation(customer: Customer, options: RunOptions): Promise<DemoRun> {
  const bot = await aCancellationBot({ llm: options.llm, now: options.now });
  // A variant of a demo customer replaces the stored one.
  await bot.store.customers.upsertMany([customer]);
  const id = `run-${customer.id}`;
  const delivered: BotMessage[] = [];
  let last: BotTurn | undefined;
  let line: string | undefined = "I want to cancel";
  for (let guard = 0; line !== undefined && guard < 30; guard++) {
    last = await bot.engine.receive(id, line, {});
    delivered.push(...last.messages.map((m) => structuredClone(m)));
    line =
      last.expecting === "reason"
        ? options.reason
        : last.expecting === "services" && options.services
          ? options.services
          : last.expecting === "offer" && options.offerAnswer
            ? options.offerAnswer
            : nextLine(last, customer);
  }
  const entries = bot.audit.entries.filter((e) => e.conversationId === id);
  const stored = await bot.store.conversations.get(id);
  const state = stored?.state as ConversationState | undefined;
  return {
    name: `${customer.id} / ${options.reason} / ${options.services ?? "all"} / ${options.now ?? "default date"}`,
    customer,
    delivered,
    notifications: bot.notifier.sent.map((n) => ({ subject: n.subject, body: n.body })),
    findings: entries.filter((e) => e.kind === "tone_finding").map((e) => e.data),
    decision: state?.customerId ? await decisionOf(customer, state, bot) : undefined,
    offers: state?.customerId
      ? (
          await decisionOf(customer, { ...state, offersMade: [], offersDeclined: 0 }, bot)
        ).retention.offers.map((o) => o.text)
      : [],
    journal: [...bot.journal.entries.values()].map((e) => ({
      kind: e.action.kind,
      params: e.action.params,
      result: e.result as Record<string, unknown>,
    })),
    customerAfter: await bot.store.customers.get(customer.id),
    handovers: bot.handover.records.length,
    stage: last?.stage,
  };
}

/** The decision for the facts the conversation established, for the customer as they were. */
async function decisionOf(
  customer: Customer,
  state: ConversationState,
  bot: Awaited<ReturnType<typeof aCancellationBot>>,
): Promise<Decision> {
  const f = state.facts;
  return decide(
    await demoPolicy(),
    {
      customer,
      coverage: await bot.store.customers.coverage(),
      conversation: {
        serviceIds: f.serviceIds,
        reason: f.reason,
        newPostcode: f.newPostcode,
        newCountry: f.newCountry,
        keepNumber: f.keepNumber,
        claims: f.claims.map((c) => ({ text: c.text, kind: c.kind as never })),
        requestedPerson: f.requestedPerson,
        legalThreat: f.legalThreat,
        offersMade: state.offersMade.length,
        offersDeclined: state.offersDeclined,
        channel: state.channel,
      },
    },
    bot.clock.now(),
  );
}

/** Every demo customer with every reason, on each of `dates`. */
export async function allDemoRuns(
  dates: readonly string[] = DATES,
  options: Omit<RunOptions, "reason" | "now"> = {},
): Promise<DemoRun[]> {
  const { demo } = await aCancellationBot();
  const runs: DemoRun[] = [];
  for (const now of dates)
    for (const customer of demo.customers)
      for (const reason of REASON_LINES)
        runs.push(await runDemoConversation(customer, { ...options, reason, now }));
  return runs;
}
