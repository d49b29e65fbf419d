/**
 * A seeded, synthetic history of customers over two years, for development, backtesting and
 * the demo: some leave after a chain of failures, some for reasons no signal shows (moving,
 * a death, a cheaper offer elsewhere), some long-standing customers leave over price; others
 * stay, some despite problems. Pure: the same options give the same customers, valid against
 * the `Customer` schema. It is a development set, not evidence: the score is tuned on reasoning
 * about real customers, and checked on a held-out set written by someone else.
 */

import {
  Customer,
  type CustomerInput,
  type Interaction,
  type InteractionKind,
  type SalesPromise,
  type Silo,
} from "../domain/customer.js";
import { addDays, toMillis } from "../domain/dates.js";
import { type Random, seededRandom } from "./syntheticRandom.js";

export type Story =
  | "left_after_failures"
  | "left_moving"
  | "left_bereavement"
  | "left_cheaper_elsewhere"
  | "left_over_price"
  | "stayed_despite_problems"
  | "stayed_loyal_overcharged"
  | "stayed_quiet";

export interface SyntheticCustomer {
  customer: Customer;
  story: Story;
  /** The instant the customer asked to cancel (leavers only). */
  leftAt?: string;
  /** What the customer tells the bot when asked why. */
  reasonSaid?: string;
}

export interface SyntheticOptions {
  customers: number;
  seed: number;
  /** The last day of the history (YYYY-MM-DD); it covers the two years before. */
  end: string;
}

const STORIES: readonly [Story, number][] = [
  ["left_after_failures", 0.22],
  ["left_moving", 0.06],
  ["left_bereavement", 0.03],
  ["left_cheaper_elsewhere", 0.04],
  ["left_over_price", 0.06],
  ["stayed_despite_problems", 0.18],
  ["stayed_loyal_overcharged", 0.1],
  ["stayed_quiet", 0.31],
];

const REASONS: Partial<Record<Story, string>> = {
  left_after_failures: "nothing but problems, outages and billing errors",
  left_moving: "we are moving house",
  left_bereavement: "my husband passed away, the account was in his name",
  left_cheaper_elsewhere: "I found a cheaper deal elsewhere",
  left_over_price: "it's too expensive, new customers pay far less",
};

const PLANS: Readonly<
  Record<"broadband" | "tv" | "mobile" | "landline", readonly (readonly [string, number])[]>
> = {
  broadband: [
    ["Full Fibre 150", 28],
    ["Full Fibre 500", 36],
  ],
  tv: [["TV Essentials", 15]],
  mobile: [["SIM Only 30GB", 14]],
  landline: [["Anytime calls", 12]],
};

const FAILURES: readonly [InteractionKind, Silo, string, number][] = [
  // kind, department, summary, chance it was resolved
  ["outage", "network", "Broadband down in the area for most of a day.", 1],
  ["outage", "network", "Evening outage; service back the next morning.", 1],
  ["billing_error", "billing", "Bill higher than the plan price; customer asked for a correction.", 0.45],
  ["billing_error", "billing", "Charged twice for the same month.", 0.5],
  ["missed_appointment", "install", "Engineer did not arrive in the booked slot.", 1],
  ["late_appointment", "install", "Engineer arrived hours after the slot ended.", 1],
  ["equipment_failure", "care", "Router failed; replacement sent.", 1],
  ["undisclosed_fee", "care", "A visit fee appeared on the bill that was never mentioned.", 0.3],
  ["complaint", "care", "Customer complained about how long the fault took to fix.", 0.35],
  ["complaint", "care", "Customer complained that nobody called back as promised.", 0.35],
];

const GIVEN = [
  "Alex",
  "Sam",
  "Priya",
  "Tom",
  "Aisha",
  "Owen",
  "Maya",
  "Ravi",
  "Ellie",
  "Jon",
  "Nadia",
  "Luke",
];
const FAMILY = ["Hughes", "Khan", "Evans", "Patel", "Morgan", "Clarke", "Owusu", "Reid", "Shaw", "Lewis"];
const POSTCODES = ["BS6 5AB", "BN1 3XY", "CF24 4HQ", "BS7 8LT", "BN2 1PD"];
const DAY = 86_400_000;

interface Draft {
  r: Random;
  n: number;
  seed: number;
  start: string;
  end: string;
  interactions: Interaction[];
  promises: SalesPromise[];
}

function interaction(
  d: Draft,
  on: string,
  kind: InteractionKind,
  silo: Silo,
  summary: string,
  resolved: boolean,
  extra: Partial<Interaction> = {},
): void {
  const at = `${on}T${String(d.r.int(8, 18)).padStart(2, "0")}:${String(d.r.int(0, 59)).padStart(2, "0")}:00Z`;
  d.interactions.push({
    id: `syn-${d.seed}-${d.n}-i${d.interactions.length + 1}`,
    at,
    channel: d.r.pick(["call", "chat", "email"] as const),
    silo,
    kind,
    summary,
    resolved,
    tags: [],
    ...extra,
  });
}

/** A day between `from` and `to` (inclusive), uniformly. */
const dayBetween = (r: Random, from: string, to: string) =>
  addDays(from, r.int(0, Math.max(0, Math.round((toMillis(to) - toMillis(from)) / DAY))));

function failureChain(d: Draft, from: string, to: string, count: number, resolvedBoost: number): void {
  for (let k = 0; k < count; k++) {
    const [kind, silo, summary, resolvedChance] = d.r.pick(FAILURES);
    interaction(
      d,
      dayBetween(d.r, from, to),
      kind,
      silo,
      summary,
      d.r.chance(Math.min(1, resolvedChance + resolvedBoost)),
    );
  }
}

/** A call-back promised by care on `on`; when kept, the call three days later is on record. */
function callbackPromise(d: Draft, on: string, kept: boolean): void {
  d.promises.push({
    id: `syn-${d.seed}-${d.n}-p${d.promises.length + 1}`,
    date: on,
    by: "care-agent",
    silo: "care",
    channel: "call",
    words: "We will call you back within two days with an answer.",
    structured: { kind: "callback", condition: "always", serviceIds: [] },
  });
  if (kept)
    interaction(d, addDays(on, 3), "enquiry", "care", "Called the customer back with an answer.", true);
}

function pickStory(r: Random): Story {
  let x = r.next();
  for (const [story, p] of STORIES) {
    if (x < p) return story;
    x -= p;
  }
  return "stayed_quiet";
}

function makeOne(r: Random, n: number, o: SyntheticOptions): SyntheticCustomer {
  const story = pickStory(r);
  const start = addDays(o.end, -730);
  const d: Draft = { r, n, seed: o.seed, start, end: o.end, interactions: [], promises: [] };
  const leaves = story.startsWith("left_");
  const longStanding = story === "left_over_price" || story === "stayed_loyal_overcharged" || r.chance(0.3);
  const since = longStanding
    ? addDays(start, -r.int(4 * 365, 15 * 365))
    : r.chance(0.35)
      ? addDays(o.end, -r.int(leaves ? 150 : 30, 360))
      : addDays(start, -r.int(0, 3 * 365));
  const firstDay = toMillis(since) > toMillis(start) ? since : start;
  const leftOn = leaves ? dayBetween(r, addDays(firstDay, 120), addDays(o.end, -3)) : undefined;
  const lastDay = leftOn ? addDays(leftOn, -1) : o.end;
  const years = Math.max(0, (toMillis(o.end) - toMillis(since)) / (365.25 * DAY));

  const kinds: (keyof typeof PLANS)[] = r.chance(0.6)
    ? ["broadband"]
    : r.chance(0.5)
      ? ["broadband", "tv"]
      : r.chance(0.5)
        ? ["broadband", "landline"]
        : ["mobile"];
  const markup =
    story === "left_over_price" || story === "stayed_loyal_overcharged"
      ? 1.3 + r.next() * 0.3
      : Math.min(1.25, 1 + 0.03 * Math.floor(years));
  const priceRiseStated = !(story === "left_over_price" ? r.chance(0.6) : r.chance(0.15));
  const services = kinds.map((kind, k) => {
    const [plan, base] = r.pick(PLANS[kind]);
    const fee = Math.round(base * markup * 2) / 2;
    const rises = [];
    if (years >= 1.5) {
      const on =
        `${o.end.slice(0, 4)}-04-01` <= lastDay
          ? `${o.end.slice(0, 4)}-04-01`
          : `${Number(o.end.slice(0, 4)) - 1}-04-01`;
      if (toMillis(on) > toMillis(since) && on <= lastDay)
        rises.push({
          from: Math.round((fee / 1.065) * 100) / 100,
          to: fee,
          at: on,
          statedInContract: priceRiseStated,
        });
    }
    const promoSold =
      toMillis(since) > toMillis(start) && r.chance(story === "left_after_failures" ? 0.3 : 0.1);
    return {
      id: `syn-${o.seed}-${n}-s${k + 1}`,
      kind,
      plan,
      monthlyFee: fee,
      currency: "GBP",
      status: leaves ? ("ended" as const) : ("active" as const),
      ...(promoSold
        ? { promo: { code: "WELCOME5", monthlyDiscount: 5, months: 6, applied: r.chance(0.3), credited: 0 } }
        : {}),
      priceChanges: rises,
      contract: {
        start: since,
        minimumTermMonths: years < 2 ? 24 : 0,
        noticeDays: 30,
        salesChannel: r.pick(["web", "phone", "store"] as const),
        autoRenews: false,
      },
    };
  });

  interaction(d, since, "sale", "sales", `Ordered ${services.map((s) => s.plan).join(" and ")}.`, true);
  for (let k = r.int(0, 4); k > 0; k--)
    interaction(
      d,
      dayBetween(r, firstDay, lastDay),
      "enquiry",
      "care",
      "Question about the bill or the service.",
      true,
    );
  if (r.chance(0.35)) failureChain(d, firstDay, lastDay, 1, 0.5);
  if (story === "left_after_failures" && leftOn) {
    const from = addDays(leftOn, -r.int(60, 240));
    failureChain(d, from, lastDay, r.int(3, 6), 0);
    if (r.chance(0.3)) callbackPromise(d, dayBetween(r, from, addDays(lastDay, -20)), r.chance(0.3));
  }
  if (story === "stayed_despite_problems") {
    const from = dayBetween(r, firstDay, addDays(o.end, -60));
    const to = addDays(from, r.int(30, 200));
    failureChain(d, from, to < o.end ? to : o.end, r.int(2, 5), 0.25);
    if (r.chance(0.3)) callbackPromise(d, dayBetween(r, from, addDays(o.end, -20)), r.chance(0.7));
  }
  if (story === "left_over_price" && r.chance(0.4))
    interaction(
      d,
      dayBetween(r, addDays(lastDay, -120), lastDay),
      "complaint",
      "billing",
      "Customer complained that the price keeps rising.",
      false,
    );
  if (story === "stayed_loyal_overcharged" && r.chance(0.4))
    interaction(
      d,
      dayBetween(r, addDays(o.end, -500), o.end),
      "retention_offer",
      "retention",
      "Loyalty discount offered at renewal.",
      true,
    );
  if (story === "left_moving" && leftOn)
    interaction(
      d,
      addDays(leftOn, -r.int(10, 40)),
      "enquiry",
      "care",
      "Asked whether the service is available at a new address.",
      true,
      { tags: ["move_planned"] },
    );
  const reasonSaid = REASONS[story];
  const leftAt = leftOn ? `${leftOn}T${String(r.int(9, 17)).padStart(2, "0")}:30:00Z` : undefined;
  const interactions = d.interactions.filter(
    (i) => i.at.slice(0, 10) >= since && i.at.slice(0, 10) <= o.end && (!leftAt || i.at < leftAt),
  );
  if (leftAt)
    interactions.push({
      id: `syn-${o.seed}-${n}-leave`,
      at: leftAt,
      channel: "chat",
      silo: "care",
      kind: "cancellation_request",
      summary: `Asked to cancel: ${reasonSaid ?? "no reason given"}.`,
      resolved: true,
      tags: [],
    });
  interactions.sort((a, b) => a.at.localeCompare(b.at));
  const disputes = interactions
    .filter((i) => i.kind === "billing_error" && !i.resolved && r.chance(0.5))
    .map((i, k) => ({
      id: `syn-${o.seed}-${n}-d${k + 1}`,
      opened: i.at.slice(0, 10),
      amount: r.int(10, 90),
      currency: "GBP",
      reason: "Billing error",
      open: true,
    }));

  const given = r.pick(GIVEN);
  const family = r.pick(FAMILY);
  const postcode = r.pick(POSTCODES);
  const input: CustomerInput = {
    id: `syn-${o.seed}-${n}`,
    accountNumber: `UK8${String((o.seed * 7919 + n) % 100_000).padStart(5, "0")}`,
    name: { given, family },
    email: `${given}.${family}.${o.seed}-${n}@example.com`.toLowerCase(),
    phone: `+447700${String(900_000 + ((o.seed * 31 + n) % 100_000)).padStart(6, "0")}`,
    postcode,
    locale: "en-GB",
    jurisdiction: "UK",
    customerSince: since,
    address: { line1: `${r.int(1, 200)} High Street`, city: "Bristol", postcode, country: "GB" },
    services,
    billing: {
      paymentMethod: { kind: "direct_debit", mandateReference: `DD-SYN-${o.seed}-${n}` },
      currency: "GBP",
      balance: 0,
      invoices: [],
      disputes,
    },
    promises: d.promises.filter((p) => p.date >= since && p.date <= lastDay),
    interactions,
  };
  const customer = Customer.parse(input);
  return { customer, story, ...(leftAt ? { leftAt, reasonSaid } : reasonSaid ? { reasonSaid } : {}) };
}

/** `options.customers` synthetic customers; the same options always give the same history. */
export function syntheticHistory(options: SyntheticOptions): SyntheticCustomer[] {
  const r = seededRandom(options.seed);
  return Array.from({ length: options.customers }, (_, n) => makeOne(r, n + 1, options));
}

/**
 * A leaver as the record stood just before asking to cancel: earlier interactions only and
 * every service active, so the cancellation can be played through the bot.
 */
export function beforeLeaving(s: SyntheticCustomer): Customer {
  if (!s.leftAt) return s.customer;
  const at = toMillis(s.leftAt);
  return Customer.parse({
    ...s.customer,
    services: s.customer.services.map((sv) => ({ ...sv, status: "active" })),
    interactions: s.customer.interactions.filter((i) => toMillis(i.at) < at),
  });
}
