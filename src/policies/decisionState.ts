/** The working state of one `decide` call, shared by the section evaluators. */
import type { Device, Service } from "../domain/customer.js";
import type { RuleSet } from "./compiledPolicy.js";
import type { BaseVars } from "./scope.js";
import type { TraceRecord } from "./trace.js";
import type { ExprVars, OutcomeView } from "./vars.js";

/** One place a rule is evaluated: the customer, a service, or a device of a service. */
export interface Scope {
  vars: ExprVars;
  service?: ServiceState;
  device?: Device;
  /** Appended to the rule id to make an obligation or action id unique. */
  key: string;
}

export interface ServiceState {
  service: Service;
  /** The service's devices, each with the variables of a per-device rule. */
  deviceScopes: Scope[];
  /** Per-service facts only (for the decision's `facts.byService`). */
  ownFacts: Record<string, unknown>;
  outcome: OutcomeView;
  /** The variables of a per-service rule for this service. */
  vars: ExprVars;
}

export interface DecisionState {
  rules: RuleSet;
  now: Date;
  /** `now.toISOString()`. */
  nowIso: string;
  base: BaseVars;
  customerFacts: Record<string, unknown>;
  /** The variables of a per-customer rule. */
  customerVars: ExprVars;
  services: ServiceState[];
  /** Per currency, after waivers (filled once fees and waivers are known). */
  totals: Record<string, number>;
  /** Every rule considered, in order; put into words when the decision's trace is read. */
  trace: TraceRecord[];
  scopes: { customer: Scope[]; service: Scope[]; device: Scope[] };
}

/** Every scope a rule with `per` is evaluated in. */
export function scopesOf(state: DecisionState, per: "customer" | "service" | "device"): readonly Scope[] {
  return state.scopes[per];
}

/** The scopes of the customer, of each service and of each device, built once per decision. */
export function buildScopes(customerVars: ExprVars, services: ServiceState[]): DecisionState["scopes"] {
  const service: Scope[] = [];
  const device: Scope[] = [];
  for (const s of services) {
    service.push({ vars: s.vars, service: s, key: `:${s.service.id}` });
    for (const d of s.deviceScopes) device.push(d);
  }
  return { customer: [{ vars: customerVars, key: "" }], service, device };
}
