/**
 * The variables an expression sees, for one scope (the customer, a service, a device) or one
 * text (a fee's `amount`, a waiver's `evidence` and `waived`, an evidence `item`). Every
 * scope gets an object of the same shape: the variables it does not have are undefined, never
 * read (the compiler rejects an expression that uses a variable its section does not have).
 * One shape keeps the compiled reads fast; objects are built field by field, not spread, for
 * the same reason.
 */
import type { Coverage, Device, Service } from "../domain/customer.js";
import type { FeeLine, WaiverApplied } from "../domain/decision.js";
import type { Language } from "../domain/language.js";
import type { BaseVars } from "./scope.js";

/** What expressions see as `outcome` in a per-service or per-device rule. */
export interface OutcomeView {
  serviceId: string;
  endDate: string;
  /** The instant service stops: the end of `endDate`, UTC. */
  endsAt: string;
  noticeDays: number;
  totalDue: number;
  currency: string;
  fees: FeeLine[];
  waivers: WaiverApplied[];
}

export type ExprVars = {
  customer: BaseVars["customer"];
  conversation: BaseVars["conversation"];
  today: string;
  now: string;
  facts: Record<string, unknown>;
  totals: Record<string, number>;
  service: Service | undefined;
  outcome: OutcomeView | undefined;
  device: Device | undefined;
  amount: number | undefined;
  waived: number | undefined;
  evidence: Record<string, unknown[]> | undefined;
  item: unknown;
  /** The coverage table of this decision, read by `covered()` and `locationBound()` (never by name). */
  __coverage: Coverage;
  /** The language customer texts are rendered in, read by `render` (never by name). */
  __language: Language;
};

/** The variables of a per-customer rule (no `service`), a per-service or a per-device rule. */
export function scopeVars(
  base: BaseVars,
  facts: Record<string, unknown>,
  totals: Record<string, number>,
  service?: Service,
  outcome?: OutcomeView,
  device?: Device,
): ExprVars {
  return {
    customer: base.customer,
    conversation: base.conversation,
    today: base.today,
    now: base.now,
    facts,
    totals,
    service,
    outcome,
    device,
    amount: undefined,
    waived: undefined,
    evidence: undefined,
    item: undefined,
    __coverage: base.__coverage,
    __language: base.__language,
  };
}

/** A copy of `v`, to set the variables of one text on. */
export function copyVars(v: ExprVars): ExprVars {
  return {
    customer: v.customer,
    conversation: v.conversation,
    today: v.today,
    now: v.now,
    facts: v.facts,
    totals: v.totals,
    service: v.service,
    outcome: v.outcome,
    device: v.device,
    amount: v.amount,
    waived: v.waived,
    evidence: v.evidence,
    item: v.item,
    __coverage: v.__coverage,
    __language: v.__language,
  };
}
