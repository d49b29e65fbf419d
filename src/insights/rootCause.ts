/**
 * Why a customer left, as far as the record shows: which department failed them before the
 * exit, and the chain when several did. The rule, in full:
 *
 * 1. Look at the customer's record in the year before the exit (`LOOKBACK_DAYS`, counted back
 *    from the confirmation), for the services being ended (a record without a service counts
 *    for every service).
 * 2. A failure is one of:
 *    - an interaction of a failure kind (`FAILURE_KINDS`: an outage, a missed or late
 *      appointment, equipment that failed, a billing error, an undisclosed fee, a price change);
 *      it is the failure of the department that recorded it (the interaction's silo);
 *    - a complaint or a promise interaction still unresolved at the exit (`unresolved_complaint`,
 *      `unresolved_promise`): the department that held it did not close it;
 *    - a promise on record (`customer.promises`) about the exit itself (a fee waiver or a free
 *      cancellation) whose condition applies to the exit (`always`, or the condition the stated
 *      reason meets) and that no waiver of the exit decision honoured (`broken_promise`): the
 *      department that made it, dated when it was made;
 *    - a promotion sold but never applied (`promotion_not_applied`): billing.
 * 3. Departments outside the six (retention, collections) are read as care and billing.
 * 4. The chain is the departments in the order each first failed the customer; the root cause
 *    is the first of them; `none` when nothing on record failed the customer.
 * Every link carries its evidence: interaction ids, `promise:<id>`, `promo:<code>`.
 */
import {
  type Customer,
  type InteractionKind,
  type PromiseCondition,
  SERVICE_FAILURES,
} from "../domain/customer.js";
import { addDays, toMillis } from "../domain/dates.js";
import type { AttributionLink } from "./reportTypes.js";

/** How far back before the exit a failure still counts. */
export const LOOKBACK_DAYS = 365;

/**
 * Interaction kinds that are a failure of the department that recorded them: the service
 * failures, and a price change (the exit report counts a rise as billing's part in the chain).
 */
export const FAILURE_KINDS: ReadonlySet<InteractionKind> = new Set<InteractionKind>([
  ...SERVICE_FAILURES,
  "price_change",
]);

/** Silos that are not one of the six root-cause departments, read as the one that owns their work. */
const DEPARTMENT_OF: Record<string, string> = { retention: "care", collections: "billing" };

/** Promises about the exit itself: kept only by a waiver of the exit decision. */
const EXIT_PROMISES: ReadonlySet<string> = new Set(["fee_waiver", "free_cancellation"]);

/** Which promise conditions a stated reason meets (`always` applies to every exit). */
const CONDITIONS_MET: Record<string, readonly PromiseCondition[]> = {
  moving: ["moving_out_of_coverage", "moving_abroad"],
  bereavement: ["bereavement"],
  price: ["price_rise"],
  service_problems: ["service_not_delivered"],
  money_trouble: ["job_loss"],
};

export interface Attribution {
  /** The first department in the chain, `none` when nothing failed on record. */
  rootCause: string;
  chain: string[];
  links: AttributionLink[];
}

export interface ExitFacts {
  /** When the exit was confirmed (ISO date-time). */
  at: string;
  /** The stated reason, when understood. */
  reason?: string;
  /** The services being ended; empty = all of the customer's services. */
  serviceIds: readonly string[];
  /** Evidence refs of the waivers the exit decision granted (promise ids honoured are among them). */
  honoured: ReadonlySet<string>;
}

interface Failure {
  department: string;
  at: string;
  kind: string;
  ref: string;
}

const departmentOf = (silo: string): string => DEPARTMENT_OF[silo] ?? silo;

function failuresOf(customer: Customer, exit: ExitFacts): Failure[] {
  const end = toMillis(exit.at);
  const start = toMillis(addDays(exit.at.slice(0, 10), -LOOKBACK_DAYS));
  const within = (at: string) => {
    const t = toMillis(at);
    return t >= start && t <= end;
  };
  const ids = new Set(exit.serviceIds.length > 0 ? exit.serviceIds : customer.services.map((s) => s.id));
  const forServices = (serviceIds: readonly (string | undefined)[]) =>
    serviceIds.length === 0 || serviceIds.some((id) => id === undefined || ids.has(id));
  const out: Failure[] = [];
  for (const i of customer.interactions) {
    if (!within(i.at) || !forServices([i.serviceId])) continue;
    const kind = FAILURE_KINDS.has(i.kind)
      ? i.kind
      : !i.resolved && (i.kind === "complaint" || i.kind === "promise")
        ? `unresolved_${i.kind}`
        : undefined;
    if (kind) out.push({ department: departmentOf(i.silo), at: i.at, kind, ref: i.id });
  }
  const met = new Set<string>(["always", ...(CONDITIONS_MET[exit.reason ?? ""] ?? [])]);
  for (const p of customer.promises) {
    if (toMillis(p.date) > end || !EXIT_PROMISES.has(p.structured.kind)) continue;
    if (!met.has(p.structured.condition) || !forServices(p.structured.serviceIds)) continue;
    if (exit.honoured.has(p.id)) continue;
    out.push({
      department: departmentOf(p.silo),
      at: p.date,
      kind: "broken_promise",
      ref: `promise:${p.id}`,
    });
  }
  for (const s of customer.services) {
    const promo = s.promo;
    if (!ids.has(s.id) || !promo || promo.applied) continue;
    const from = promo.from ?? s.contract.start;
    if (toMillis(from) <= end)
      out.push({
        department: "billing",
        at: from,
        kind: "promotion_not_applied",
        ref: `promo:${promo.code}`,
      });
  }
  return out.sort((a, b) => toMillis(a.at) - toMillis(b.at) || a.ref.localeCompare(b.ref));
}

/** The departments that failed `customer` before the exit, in order, with their evidence. */
export function attributeExit(customer: Customer, exit: ExitFacts): Attribution {
  const links = new Map<string, AttributionLink>();
  for (const f of failuresOf(customer, exit)) {
    const link = links.get(f.department) ?? {
      department: f.department,
      firstAt: f.at,
      kinds: [],
      evidence: [],
    };
    if (!link.kinds.includes(f.kind)) link.kinds.push(f.kind);
    if (!link.evidence.includes(f.ref)) link.evidence.push(f.ref);
    links.set(f.department, link);
  }
  const ordered = [...links.values()];
  const chain = ordered.map((l) => l.department);
  return { rootCause: chain[0] ?? "none", chain, links: ordered };
}
