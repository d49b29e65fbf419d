/**
 * bench/policy: decisions per second with the default packs (policies/), against the same
 * rules written for json-rules-engine, in the same run, on demo-like customers (the demo
 * data, each with the conversation its story is about). Both sides first run two untimed
 * warm-up rounds; then timed rounds alternate between the two so both see the same machine
 * load. Each decision is timed with performance.now() on both sides. Prints ops/s of both,
 * the ratio and p50/p99 per decision. Goal: ratio >= 10 and FairExit p99 < 100 µs.
 *
 *     node --import tsx bench/policy.ts [--rounds 5] [--decisions 3000]
 *
 * The json-rules-engine side produces the same kind of decision (fees, waivers, texts with
 * dates and money, actions, offers, hand-off and a trace of every rule with the values its
 * conditions saw) but gets every advantage: its facts are plain JavaScript, not CEL, and its
 * texts are template literals. Every FairExit decision is computed from its context (nothing
 * is kept between decisions but what `compile` built); its trace records each rule, whether
 * it matched and the values its condition saw, and writes the plain-words `why` only when the
 * trace is read (the line "deciding and then reading the whole trace in words" shows that
 * cost). The json-rules-engine trace is built as strings inside its timed decisions.
 */
import { parseArgs } from "node:util";
import { Engine, type EngineResult, type RuleProperties, type TopLevelCondition } from "json-rules-engine";
import { readCustomerFile } from "../src/adapters/files/readCustomerFile.js";
import { loadPolicyFolder } from "../src/adapters/policyFolder/policyFolder.js";
import type { Coverage, Customer, Device, Service } from "../src/domain/customer.js";
import { isCovered } from "../src/domain/customer.js";
import {
  addDays,
  addMonths,
  daysBetween,
  isoDate,
  longDate,
  monthsBetween,
  workingDaysAfter,
} from "../src/domain/dates.js";
import type { ConversationFacts, DecisionContext } from "../src/domain/decision.js";
import { formatMoney, roundMoney } from "../src/domain/money.js";
import { decide, formatPolicyError } from "../src/policies/index.js";

const { values } = parseArgs({
  options: { rounds: { type: "string", default: "5" }, decisions: { type: "string", default: "3000" } },
});
const ROUNDS = Number(values.rounds);
const WARMUP_ROUNDS = 2;
const DECISIONS = Number(values.decisions);
const NOW = new Date("2026-11-23T10:00:00Z");

// ---- inputs: the demo customers, each with the conversation of its story ----------------
const CONVERSATIONS: Record<string, ConversationFacts> = {
  "cust-se-moving": { reason: "moving", newPostcode: "962 31" },
  "cust-uk-locked-handset": { reason: "switching_provider", keepNumber: true },
  "cust-uk-paytv-outages": { reason: "service_problems", requestedPerson: true },
  "cust-uk-new-broadband": { reason: "service_problems" },
  "cust-se-17-years": { reason: "price" },
  "cust-de-rolling": { reason: "price", channel: "web" },
  "cust-us-ca-streaming": { reason: "price", channel: "app", offersMade: 1, offersDeclined: 1 },
  "cust-de-cooling-off": { reason: "changed_mind" },
  "cust-uk-financed-handset": { reason: "money_trouble" },
  "cust-uk-price-rise": { reason: "price" },
  "cust-uk-bereaved": { reason: "bereavement" },
  "cust-se-winback-consent": { reason: "price", offersMade: 1, offersDeclined: 1 },
  "cust-uk-unrecorded-promise": {
    reason: "service_problems",
    claims: [{ text: "free if under 100 Mbps", kind: "free_cancellation" }],
  },
};
const demo = await readCustomerFile("data/demo/customers.json");
const contexts: DecisionContext[] = demo.customers.map((customer) => ({
  customer,
  coverage: demo.coverage,
  conversation: CONVERSATIONS[customer.id] ?? { reason: "other" },
}));

const loaded = await loadPolicyFolder("policies");
if ("errors" in loaded) throw new Error(loaded.errors.map(formatPolicyError).join("\n"));
const policy = loaded.policy;

// ---- the same rules for json-rules-engine --------------------------------------------------
const EU = [
  "AT",
  "BE",
  "BG",
  "HR",
  "CY",
  "CZ",
  "DK",
  "EE",
  "FI",
  "FR",
  "DE",
  "GR",
  "HU",
  "IE",
  "IT",
  "LV",
  "LT",
  "LU",
  "MT",
  "NL",
  "PL",
  "PT",
  "RO",
  "SK",
  "SI",
  "ES",
  "SE",
];
const DISTANCE = ["phone", "web", "app", "door_to_door"];
type C = TopLevelCondition;
const all = (...c: object[]) => ({ all: c }) as C;
const any = (...c: object[]) => ({ any: c }) as C;
const is = (fact: string, value: unknown) => ({ fact, operator: "equal", value });
const yes = (fact: string) => is(fact, true);
const within = (fact: string, value: unknown[]) => ({ fact, operator: "in", value });
const above = (fact: string, value: number) => ({ fact, operator: "greaterThan", value });
const rule = (id: string, type: string, conditions: C, priority = 1): RuleProperties => ({
  name: id,
  conditions,
  event: { type, params: { id } },
  priority,
});

const customerRules: RuleProperties[] = [
  rule("payment-mandate", "obligation", all(yes("direct_debit"))),
  rule("final-bill", "obligation", all()),
  rule("open-disputes", "obligation", all(above("open_disputes", 0))),
  rule("data-export", "obligation", all()),
  rule("durable-receipt", "obligation", all()),
  rule("alumni-consent", "obligation", all()),
  rule("door-open", "obligation", all()),
  rule("withdrawal-function", "obligation", all(within("jurisdiction", EU), yes("withdrawal_open"))),
  rule("two-step-confirmation", "obligation", all(within("jurisdiction", EU))),
  rule("kuendigung-fields", "obligation", all(is("jurisdiction", "DE"))),
  rule("cancel-in-same-medium", "obligation", all(is("jurisdiction", "US-CA"), yes("joined_online"))),
  rule("cancel-alongside-offer", "obligation", all(is("jurisdiction", "US-CA"))),
  rule(
    "offer-may-help",
    "allow",
    all(within("reason", ["price", "service_problems", "changed_mind", "other", "unknown"])),
  ),
  rule("no-offer-cannot-serve", "deny", all(yes("cannot_serve"))),
  rule("no-offer-bereaved", "deny", all(yes("bereaved"))),
  rule("no-offer-vulnerable", "deny", all(yes("vulnerable"))),
  rule("no-offer-after-no", "deny", all(above("offersDeclined", 0))),
  rule("no-offer-when-person-or-legal", "deny", any(yes("requestedPerson"), yes("legalThreat"))),
  rule(
    "no-offer-off-medium",
    "deny",
    all(is("jurisdiction", "US-CA"), yes("joined_online"), is("online", false)),
  ),
  rule("customer-asks", "escalate", all(yes("requestedPerson"))),
  rule("claimed-promise-not-on-record", "escalate", all(above("unmatched_claims", 0))),
  rule("legal-threat", "escalate", all(yes("legalThreat"))),
  rule("large-dispute", "escalate", all(yes("large_dispute"))),
  rule("bereavement-care", "escalate", all(yes("bereaved"))),
  rule("financial-difficulty-review", "escalate", all(yes("financial_difficulty"))),
  rule("alumni-consent-given", "alumni-allow", all(yes("winBack"))),
  rule("alumni-never-bereaved", "alumni-deny", all(yes("bereaved"))),
  rule("alumni-never-vulnerable", "alumni-deny", all(yes("vulnerable"))),
  rule("send-final-bill", "action", all()),
  rule("credit-disputes", "action", all(above("open_disputes", 0))),
  rule("cancel-payment-mandate", "action", all(yes("direct_debit"))),
  rule("send-receipt", "action", all()),
];

const serviceRules: RuleProperties[] = [
  rule(
    "ends-at-switch",
    "end",
    all(is("jurisdiction", "UK"), yes("switching"), within("kind", ["mobile", "broadband", "landline"])),
    5,
  ),
  rule(
    "paid-period-end",
    "end",
    all(is("kind", "subscription"), is("noticeDays", 0), is("in_cooling_off", false)),
    4,
  ),
  rule("withdrawal-ends-now", "end", all(yes("in_cooling_off")), 3),
  rule("exit-fee", "fee", all(yes("in_minimum_term"), yes("has_exit_fee"))),
  rule("notice-period", "fee", all(is("in_minimum_term", false), above("noticeDays", 0))),
  rule("honour-recorded-promise", "waiver", all(above("waiver_promises", 0)), 9),
  rule("cooling-off", "waiver", all(yes("in_cooling_off")), 8),
  rule("moving-out-of-coverage", "waiver", all(yes("moving_out_of_coverage")), 7),
  rule("bereavement", "waiver", all(yes("bereaved")), 6),
  rule("our-own-errors", "waiver", all(above("our_errors", 0)), 5),
  rule("unstated-price-rise", "waiver", all(above("unstated_price_rises", 0)), 4),
  rule("service-not-delivered", "waiver", all(yes("not_delivered")), 3),
  rule("no-notice-charges-after-switch", "waiver", all(is("jurisdiction", "UK"), yes("switching")), 2),
  rule("exact-end-date", "obligation", all()),
  rule("charges", "obligation", all()),
  rule("porting-code", "obligation", all(is("kind", "mobile"))),
  rule("service-stop-notice", "obligation", all()),
  rule(
    "end-of-contract",
    "obligation",
    all(is("jurisdiction", "UK"), yes("in_minimum_term"), {
      fact: "months_left",
      operator: "lessThanInclusive",
      value: 2,
    }),
  ),
  rule("end-service", "action", all()),
  rule("issue-porting-code", "action", all(is("kind", "mobile"))),
  rule("remind-day-before", "action", all()),
  rule("remind-hour-before", "action", all()),
  rule("price-discount", "offer", all(is("reason", "price"), above("monthlyFee", 0))),
  rule("fix-first", "offer", all(is("reason", "service_problems"))),
];

const deviceRules: RuleProperties[] = [
  rule("financed-device-balance", "fee", all(is("ownership", "financed"), above("financedBalance", 0))),
  rule("device-unlock", "obligation", all(yes("locked"))),
  rule("financed-device", "obligation", all(is("ownership", "financed"), above("financedBalance", 0))),
  rule("equipment-return", "obligation", any(yes("mustBeReturned"), is("ownership", "rented"))),
  rule("request-unlock", "action", all(yes("locked"))),
  rule("equipment-return-label", "action", any(yes("mustBeReturned"), is("ownership", "rented"))),
];

const engines = {
  customer: new Engine(customerRules, { allowUndefinedFacts: true }),
  service: new Engine(serviceRules, { allowUndefinedFacts: true }),
  device: new Engine(deviceRules, { allowUndefinedFacts: true }),
};

function customerFacts(ctx: DecisionContext, today: string) {
  const { customer: c, conversation: v } = ctx;
  const selected = c.services.filter((s) => s.status === "active" || s.status === "pending");
  const moving = v.reason === "moving";
  const newCountry = v.newCountry ?? c.address.country;
  const open = c.billing.disputes.filter((d) => d.open);
  return {
    jurisdiction: c.jurisdiction,
    reason: v.reason ?? "unknown",
    bereaved: c.vulnerabilities.includes("bereavement") || v.reason === "bereavement",
    vulnerable: c.vulnerabilities.length > 0 || v.reason === "money_trouble",
    financial_difficulty: c.vulnerabilities.includes("financial_difficulty") || v.reason === "money_trouble",
    moving,
    cannot_serve:
      (moving && newCountry !== c.address.country) ||
      (moving &&
        !!v.newPostcode &&
        selected.some(
          (s) =>
            ctx.coverage.some((a) => a.kind === s.kind) &&
            !isCovered(ctx.coverage, newCountry, s.kind, v.newPostcode!),
        )),
    offersDeclined: v.offersDeclined ?? 0,
    requestedPerson: v.requestedPerson ?? false,
    legalThreat: v.legalThreat ?? false,
    unmatched_claims: (v.claims ?? []).filter((cl) => !c.promises.some((p) => p.structured.kind === cl.kind))
      .length,
    open_disputes: open.length,
    large_dispute: open.some((d) => d.amount > (["SEK", "NOK", "DKK"].includes(d.currency) ? 2500 : 250)),
    direct_debit: c.billing.paymentMethod.kind === "direct_debit",
    winBack: c.consents.winBack.given,
    withdrawal_open: selected.some(
      (s) => DISTANCE.includes(s.contract.salesChannel) && daysBetween(s.contract.start, today) <= 14,
    ),
    joined_online: selected.some((s) => ["web", "app"].includes(s.contract.salesChannel)),
    online: ["web", "chat", "app", "unknown"].includes(v.channel ?? "unknown"),
    switching: v.reason === "switching_provider",
    selected,
  };
}

function serviceFacts(s: Service, cf: ReturnType<typeof customerFacts>, ctx: DecisionContext, today: string) {
  const termEnd = addMonths(s.contract.start, s.contract.minimumTermMonths);
  const inCoolingOff =
    DISTANCE.includes(s.contract.salesChannel) && daysBetween(s.contract.start, today) <= 14;
  const covered = ctx.coverage.some((a) => a.kind === s.kind);
  const newCountry = ctx.conversation.newCountry ?? ctx.customer.address.country;
  const outOfCoverage =
    cf.moving &&
    covered &&
    (newCountry !== ctx.customer.address.country ||
      (!!ctx.conversation.newPostcode &&
        !isCovered(ctx.coverage, newCountry, s.kind, ctx.conversation.newPostcode)));
  const mine = (id?: string) => id === undefined || id === s.id;
  const problems = ctx.customer.interactions.filter(
    (i) => ["outage", "missed_appointment", "equipment_failure"].includes(i.kind) && mine(i.serviceId),
  );
  return {
    ...cf,
    kind: s.kind,
    monthlyFee: s.monthlyFee,
    noticeDays: s.contract.noticeDays,
    months_left: monthsBetween(today, termEnd),
    in_minimum_term: today < termEnd,
    has_exit_fee: s.contract.exitFeePercent !== undefined,
    in_cooling_off: inCoolingOff,
    moving_out_of_coverage: outOfCoverage,
    unstated_price_rises: s.priceChanges.filter((p) => !p.statedInContract && p.to > p.from).length,
    our_errors: ctx.customer.interactions.filter(
      (i) => ["billing_error", "undisclosed_fee"].includes(i.kind) && mine(i.serviceId),
    ).length,
    not_delivered:
      problems.some((i) => !i.resolved) ||
      problems.filter((i) => daysBetween(i.at, NOW.toISOString()) <= 183).length >= 2,
    waiver_promises: ctx.customer.promises.filter(
      (p) =>
        ["fee_waiver", "free_cancellation"].includes(p.structured.kind) &&
        (p.structured.serviceIds.length === 0 || p.structured.serviceIds.includes(s.id)) &&
        (p.structured.condition === "always" ||
          (p.structured.condition === "moving_out_of_coverage" && outOfCoverage) ||
          (p.structured.condition === "bereavement" && cf.bereaved)),
    ).length,
    paid_period_end: addDays(addMonths(s.contract.start, monthsBetween(s.contract.start, today) + 1), -1),
  };
}

type Condition = {
  fact?: string;
  operator?: string;
  value?: unknown;
  factResult?: unknown;
  all?: Condition[];
  any?: Condition[];
};
const seen = (c: Condition): string[] =>
  c.fact
    ? [`${c.fact} ${c.operator} ${JSON.stringify(c.value)} (saw ${JSON.stringify(c.factResult)})`]
    : [...(c.all ?? []), ...(c.any ?? [])].flatMap(seen);

/** Every rule considered, matched or not, with the values its conditions saw. */
function traceOf(r: EngineResult, serviceId?: string) {
  return [...r.results, ...r.failureResults].map((x) => ({
    ruleId: String(x.name),
    matched: x.result,
    why: seen(x.conditions as unknown as Condition).join(", ") || "always applies",
    ...(serviceId ? { serviceId } : {}),
  }));
}

/** The json-rules-engine decision: fees, waivers, obligations, actions, offers, hand-off. */
async function decideWithJre(ctx: DecisionContext) {
  const today = isoDate(NOW);
  const cf = customerFacts(ctx, today);
  const customer = await engines.customer.run(cf);
  const trace = traceOf(customer);
  const ids = (type: string) =>
    customer.events.filter((e) => e.type === type).map((e) => String(e.params?.id));
  const obligations = ids("obligation").map((id) => ({
    id,
    message: `${id} for ${ctx.customer.name.given}`,
  }));
  const actions = ids("action");
  const offers: string[] = [];
  const totals = new Map<string, number>();
  for (const s of cf.selected) {
    const sf = serviceFacts(s, cf, ctx, today);
    const r = await engines.service.run(sf);
    trace.push(...traceOf(r, s.id));
    const ev = (type: string) => r.events.filter((e) => e.type === type).map((e) => String(e.params?.id));
    const end = ev("end")[0];
    const notice =
      end === "ends-at-switch"
        ? daysBetween(today, workingDaysAfter(today, 1))
        : end === "withdrawal-ends-now"
          ? 0
          : s.contract.noticeDays;
    let due = 0;
    for (const fee of ev("fee"))
      due +=
        fee === "exit-fee"
          ? (sf.months_left * s.monthlyFee * (s.contract.exitFeePercent ?? 0)) / 100
          : (s.monthlyFee * notice) / 30;
    for (const d of s.devices as Device[]) {
      const dr = await engines.device.run({ ...d, financedBalance: d.financedBalance ?? 0 });
      trace.push(...traceOf(dr, s.id));
      for (const e of dr.events) {
        if (e.type === "fee") due += d.financedBalance ?? 0;
        if (e.type === "obligation")
          obligations.push({ id: `${e.params?.id}:${d.id}`, message: `${d.model}` });
      }
    }
    if (ev("waiver").length > 0) due = 0;
    totals.set(s.currency, roundMoney((totals.get(s.currency) ?? 0) + due));
    const endDate = addDays(today, notice);
    for (const id of ev("obligation"))
      obligations.push({
        id: `${id}:${s.id}`,
        message: `${s.plan} ends on ${longDate(endDate)} and costs ${formatMoney(due, s.currency)}.`,
      });
    actions.push(...ev("action"));
    offers.push(...ev("offer"));
  }
  const allowed = ids("allow").length > 0 && ids("deny").length === 0;
  return {
    totals,
    obligations,
    actions,
    offers: allowed ? offers : [],
    escalate: ids("escalate").length > 0,
    trace,
  };
}

// ---- measure ------------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

// Both sides are timed the same way: performance.now() around each decision (a double, no
// allocation, unlike process.hrtime.bigint()), and around the round for decisions per second.
function roundOfFairExit(n: number, latencies: number[]): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const ctx = contexts[i % contexts.length]!;
    const s = performance.now();
    decide(policy, ctx, NOW);
    latencies.push((performance.now() - s) * 1000);
  }
  return (performance.now() - t0) / 1000;
}

async function roundOfJre(n: number, latencies: number[]): Promise<number> {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) {
    const ctx = contexts[i % contexts.length]!;
    const s = performance.now();
    await decideWithJre(ctx);
    latencies.push((performance.now() - s) * 1000);
  }
  return (performance.now() - t0) / 1000;
}

const jreDecisions = Math.max(100, Math.round(DECISIONS / 10));
// Warm-up: untimed rounds of the same size as the timed ones, alternating, so both sides are
// measured once their code is compiled and optimised (a first round would otherwise time the
// JIT warming up, and dominate the p99).
for (let r = 0; r < WARMUP_ROUNDS; r++) {
  roundOfFairExit(DECISIONS, []);
  await roundOfJre(jreDecisions, []);
}
const ours: number[] = [];
const theirs: number[] = [];
let oursSeconds = 0;
let theirsSeconds = 0;
for (let r = 0; r < ROUNDS; r++) {
  oursSeconds += roundOfFairExit(DECISIONS, ours);
  theirsSeconds += await roundOfJre(jreDecisions, theirs);
}
const oursOps = ours.length / oursSeconds;
const theirsOps = theirs.length / theirsSeconds;
ours.sort((a, b) => a - b);
theirs.sort((a, b) => a - b);
const fmt = (n: number) => Math.round(n).toLocaleString("en-GB");
const sample = decide(policy, contexts[0]!, NOW);
// What reading a trace in words costs (not part of the timed decisions: FairExit writes it
// when it is read, as `policy explain` and the JSON do).
const wordsStart = performance.now();
let words = 0;
for (let i = 0; i < DECISIONS; i++) {
  const trace = decide(policy, contexts[i % contexts.length]!, NOW).trace;
  for (const t of trace) words += t.why.length;
}
const withWords = ((performance.now() - wordsStart) * 1000) / DECISIONS;
console.log(
  `policy ${policy.revision}: ${policy.packs.map((p) => p.name).join(", ")}; ${contexts.length} demo customers`,
);
console.log(
  `a decision: ${sample.trace.length} rules traced, ${sample.obligations.length} obligations, ${sample.actions.length} actions; ` +
    `deciding and then reading the whole trace in words: ${withWords.toFixed(1)} µs (${Math.round(words / DECISIONS)} characters)`,
);
console.log(
  `FairExit (CEL)      ${fmt(oursOps).padStart(9)} decisions/s   p50 ${percentile(ours, 50).toFixed(1)} µs   p99 ${percentile(ours, 99).toFixed(1)} µs`,
);
console.log(
  `json-rules-engine   ${fmt(theirsOps).padStart(9)} decisions/s   p50 ${percentile(theirs, 50).toFixed(1)} µs   p99 ${percentile(theirs, 99).toFixed(1)} µs`,
);
console.log(
  `ratio ${(oursOps / theirsOps).toFixed(1)}x (goal >= 10x); FairExit p99 ${percentile(ours, 99) < 100 ? "meets" : "misses"} the 100 µs goal`,
);

export type { Coverage, Customer };
