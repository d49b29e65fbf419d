/**
 * `decide(policy, context, now)`: what this customer owes, what must be said, what may be
 * offered and whether a person takes over, under the compiled policy. Pure: the clock is an
 * argument, nothing is read or written, and it never throws for a valid customer (a failure
 * inside becomes a decision that hands the conversation to a person).
 */

import { isoString } from "../domain/dates.js";
import {
  type Decision,
  type DecisionContext,
  decisionOfNothing,
  type ServiceOutcome,
  type WaiverApplied,
} from "../domain/decision.js";
import { addToTotals } from "../domain/money.js";
import { decideActions } from "./actions.js";
import { decideAlumni } from "./alumni.js";
import type { CompiledPolicy, RuleSet } from "./compiledPolicy.js";
import { buildScopes, type DecisionState, type ServiceState } from "./decisionState.js";
import { decideEscalation } from "./escalation.js";
import { tested } from "./evaluate.js";
import { evaluateFacts } from "./facts.js";
import { decideFees } from "./fees.js";
import { decideObligations } from "./obligations.js";
import { decideRetention } from "./retention.js";
import { explainRootCause, rootCauseOf } from "./rootCause.js";
import { baseVars, selectServices } from "./scope.js";
import { decideServiceEnd } from "./serviceEnd.js";
import { type TraceRecord, textRecord, withTrace } from "./trace.js";
import { type OutcomeView, scopeVars } from "./vars.js";
import { decideWaivers } from "./waivers.js";

/** The packs that apply to the customer (and every pack they extend), in precedence order. */
function activePacks(policy: CompiledPolicy, applies: readonly boolean[]): string[] {
  const active = new Set<string>();
  policy.packs.forEach((pack, i) => {
    if (!applies[i]) return;
    active.add(pack.name);
    for (const a of pack.ancestors) active.add(a);
  });
  return policy.packs.filter((p) => active.has(p.name)).map((p) => p.name);
}

/** The rule set of the packs whose `appliesTo` matches (each is traced). */
function ruleSetOf(policy: CompiledPolicy, vars: Record<string, unknown>, trace: TraceRecord[]): RuleSet {
  const applies = policy.packs.map(
    (pack) => tested(trace, pack.traceId, "pack", pack.appliesTo, vars).matched,
  );
  return policy.ruleSetFor(activePacks(policy, applies));
}

function buildState(policy: CompiledPolicy, context: DecisionContext, now: Date): DecisionState {
  const trace: TraceRecord[] = [];
  const nowIso = isoString(now);
  const base = baseVars(
    context.customer,
    context.conversation,
    context.coverage,
    now,
    nowIso,
    context.language ?? "en",
  );
  const rules = ruleSetOf(policy, base, trace);
  trace.push(textRecord("(packs)", "rule_set", true, `packs: ${rules.packs.join(", ")}`));
  const selected = selectServices(context.customer, base.conversation.serviceIds);
  // Expressions see the services actually being ended.
  base.conversation.serviceIds = selected.services.map((s) => s.id);
  for (const id of selected.unknown)
    trace.push(textRecord("(input)", "service", false, `no service ${id} on this account`));
  const totals: Record<string, number> = {};
  const customerFacts: Record<string, unknown> = {};
  const customerVars = scopeVars(base, customerFacts, totals);
  evaluateFacts(rules.customerFacts, customerVars, customerFacts, trace);

  const services: ServiceState[] = selected.services.map((service) => {
    const facts = rules.pickCustomerFacts(customerFacts);
    const outcome: OutcomeView = {
      serviceId: service.id,
      endDate: base.today,
      endsAt: `${base.today}T23:59:59Z`,
      noticeDays: service.contract.noticeDays,
      totalDue: 0,
      currency: service.currency,
      fees: [],
      waivers: [],
    };
    const vars = scopeVars(base, facts, totals, service, outcome);
    evaluateFacts(rules.serviceFacts, vars, facts, trace, service.id);
    const ownFacts = rules.pickServiceFacts(facts);
    const state: ServiceState = { service, ownFacts, outcome, vars, deviceScopes: [] };
    state.deviceScopes = service.devices.map((device) => ({
      vars: scopeVars(base, facts, totals, service, outcome, device),
      service: state,
      device,
      key: `:${service.id}:${device.id}`,
    }));
    return state;
  });
  const scopes = buildScopes(customerVars, services);
  return { rules, now, nowIso, base, customerFacts, customerVars, services, totals, trace, scopes };
}

function outcomeOf(s: ServiceState): ServiceOutcome {
  const o = s.outcome;
  return {
    serviceId: o.serviceId,
    serviceKind: s.service.kind,
    endDate: o.endDate,
    noticeDays: o.noticeDays,
    fees: o.fees,
    waivers: o.waivers,
    totalDue: o.totalDue,
    currency: o.currency,
  };
}

/** Decides for one customer. See `Decision` for what each part means. */
export function decide(policy: CompiledPolicy, context: DecisionContext, now: Date): Decision {
  try {
    const state = buildState(policy, context, now);
    const { rules } = state;
    for (const s of state.services) decideServiceEnd(rules.serviceEnd, s, state.base.today, state.trace);
    decideFees(rules.fees, state);
    decideWaivers(rules.waivers, state);
    const totals = new Map<string, number>();
    for (const s of state.services) addToTotals(totals, s.outcome.currency, s.outcome.totalDue);
    const totalsByCurrency: Decision["totals"] = [];
    for (const [currency, amount] of totals) {
      state.totals[currency] = amount;
      totalsByCurrency.push({ currency, amount });
    }
    if (totalsByCurrency.length > 1) totalsByCurrency.sort((a, b) => a.currency.localeCompare(b.currency));
    const obligations = decideObligations(rules.obligations, state);
    const actions = decideActions(rules.actions, state);
    const retention = decideRetention(state);
    const escalation = decideEscalation(state);
    const alumni = decideAlumni(state);
    const rootCause = rootCauseOf(
      context.customer,
      state.services.map((s) => s.service),
      state.base.today,
    );
    state.trace.push(
      textRecord("(root-cause)", "root_cause", rootCause.chain.length > 0, explainRootCause(rootCause)),
    );
    const facts = rules.pickCustomerFacts(state.customerFacts);
    const byService: Record<string, unknown> = {};
    const waivers: WaiverApplied[] = [];
    for (const s of state.services) {
      byService[s.service.id] = s.ownFacts;
      waivers.push(...s.outcome.waivers);
    }
    facts.byService = byService;
    return withTrace(state.trace, {
      policyRevision: policy.revision,
      decidedAt: state.nowIso,
      customerId: context.customer.id,
      facts,
      services: state.services.map(outcomeOf),
      totals: totalsByCurrency,
      waivers,
      obligations,
      actions,
      retention,
      escalation,
      alumni,
      rootCause,
    });
  } catch (e) {
    return failedDecision(policy, context, now, e);
  }
}

/** The safe answer when deciding failed: nothing is done, no offer is made, a person takes over. */
function failedDecision(policy: CompiledPolicy, context: DecisionContext, now: Date, e: unknown): Decision {
  const why = `the policy engine failed: ${(e as Error)?.message ?? String(e)}`;
  const decidedAt = Number.isNaN(now.getTime()) ? "invalid date" : now.toISOString();
  return decisionOfNothing({
    policyRevision: policy.revision,
    decidedAt,
    customerId: context.customer?.id ?? "(unknown)",
    because: { ruleId: "(engine)", reason: why },
    escalate: true,
    alumniReason: why,
    trace: [{ ruleId: "(engine)", kind: "engine", matched: true, why }],
  });
}
