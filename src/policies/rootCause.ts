/**
 * The root cause of a departure as a chain of departments: from the customer's interactions
 * on record (each carries the department, its silo) and the promotions sold but never
 * applied, for the services being ended, the departments in the order each first failed the
 * customer. The departments come from the record (each interaction's silo); the one named
 * here is billing, whose job a promotion never applied is.
 */
import { type Customer, type InteractionKind, SERVICE_FAILURES, type Service } from "../domain/customer.js";
import type { RootCause, RootCauseLink } from "../domain/decision.js";

/**
 * Interaction kinds that are a failure of the department that recorded them. A complaint, a
 * sale or an enquiry is not: the complaint is the customer telling us about a failure.
 */
export const FAILURE_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>(SERVICE_FAILURES);

/** The kind recorded for a promotion sold but never applied (a billing failure). */
export const PROMOTION_NOT_APPLIED = "promotion_not_applied";

interface Failure {
  silo: string;
  at: string;
  kind: string;
  ref: string;
}

const instant = (at: string) => Date.parse(at.length === 10 ? `${at}T00:00:00Z` : at);

/** Failures on record for `services` (an interaction without a service counts for all). */
function failuresOf(customer: Customer, services: readonly Service[], today: string): Failure[] {
  const ids = new Set(services.map((s) => s.id));
  const out: Failure[] = customer.interactions
    .filter((i) => FAILURE_KINDS.has(i.kind) && (!i.serviceId || ids.has(i.serviceId)))
    .map((i) => ({ silo: i.silo, at: i.at, kind: i.kind, ref: i.id }));
  for (const s of services) {
    const promo = s.promo;
    const from = promo?.from ?? s.contract.start;
    if (promo && !promo.applied && from <= today)
      out.push({ silo: "billing", at: from, kind: PROMOTION_NOT_APPLIED, ref: `promo:${promo.code}` });
  }
  return out.sort((a, b) => instant(a.at) - instant(b.at));
}

/** The chain of departments for the services being ended, as of `today` (YYYY-MM-DD). */
export function rootCauseOf(customer: Customer, services: readonly Service[], today: string): RootCause {
  const links = new Map<string, RootCauseLink>();
  for (const f of failuresOf(customer, services, today)) {
    const link = links.get(f.silo) ?? { silo: f.silo, firstAt: f.at, kinds: [], evidence: [] };
    if (!link.kinds.includes(f.kind)) link.kinds.push(f.kind);
    if (!link.evidence.includes(f.ref)) link.evidence.push(f.ref);
    links.set(f.silo, link);
  }
  const ordered = [...links.values()];
  return { chain: ordered.map((l) => l.silo), links: ordered };
}

/** The trace's plain words for a chain. */
export function explainRootCause(root: RootCause): string {
  if (root.chain.length === 0) return "no department failed the customer on record";
  const steps = root.links.map((l) => `${l.silo} (${l.kinds.join(", ")}: ${l.evidence.join(", ")})`);
  return `departments that failed the customer, in the order each first failed: ${steps.join(" -> ")}`;
}
