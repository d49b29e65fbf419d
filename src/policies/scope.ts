/**
 * The variables policy expressions see, built once per decision: the customer as stored, the
 * conversation with every field present (so rules need no `has()`), `today` and `now`, and
 * the services the customer is leaving.
 */
import type { Coverage, Customer, Service } from "../domain/customer.js";
import type { ConversationFacts } from "../domain/decision.js";
import type { Language } from "../domain/language.js";

/**
 * The hidden variable that carries the decision's language to `render` (never read by an
 * expression: authors cannot name it).
 */
export const LANGUAGE_VARIABLE = "__language";

export interface ConversationView {
  /** The services being ended (all active ones when the customer named none). */
  serviceIds: string[];
  /** The leaving reason, or `unknown`. */
  reason: string;
  /** Empty when not known. */
  newPostcode: string;
  newCountry: string;
  /** `null` when the customer has not said. */
  keepNumber: boolean | null;
  claims: { text: string; kind: string }[];
  requestedPerson: boolean;
  legalThreat: boolean;
  offersMade: number;
  offersDeclined: number;
  /** The medium, or `unknown`. */
  channel: string;
}

export function conversationView(c: ConversationFacts): ConversationView {
  return {
    serviceIds: c.serviceIds ?? [],
    reason: c.reason ?? "unknown",
    newPostcode: c.newPostcode ?? "",
    newCountry: c.newCountry ?? "",
    keepNumber: c.keepNumber ?? null,
    claims: (c.claims ?? []).map((claim) => ({ text: claim.text, kind: claim.kind ?? "unknown" })),
    requestedPerson: c.requestedPerson ?? false,
    legalThreat: c.legalThreat ?? false,
    offersMade: c.offersMade ?? 0,
    offersDeclined: c.offersDeclined ?? 0,
    channel: c.channel ?? "unknown",
  };
}

export interface BaseVars {
  customer: Customer;
  conversation: ConversationView;
  today: string;
  now: string;
  /** The coverage table, an input of the decision (see `ExprVars.__coverage`). */
  __coverage: Coverage;
  /** The language customer texts are rendered in (see `DecisionContext.language`). */
  __language: Language;
  [key: string]: unknown;
}

/** `iso` is `now.toISOString()`, when the caller has it already. */
export function baseVars(
  customer: Customer,
  conversation: ConversationFacts,
  coverage: Coverage,
  now: Date,
  iso = now.toISOString(),
  language: Language = "en",
): BaseVars {
  return {
    customer,
    conversation: conversationView(conversation),
    // isoDate(now) and isoInstant(now), from one toISOString.
    today: iso.slice(0, 10),
    now: `${iso.slice(0, 19)}Z`,
    __coverage: coverage,
    __language: language,
  };
}

/**
 * The services being ended: those named in the conversation (in the customer's order), or
 * every active or pending service when none is named. Unknown ids are returned separately.
 */
export function selectServices(
  customer: Customer,
  serviceIds: readonly string[],
): { services: Service[]; unknown: string[] } {
  if (serviceIds.length === 0)
    return {
      services: customer.services.filter((s) => s.status === "active" || s.status === "pending"),
      unknown: [],
    };
  const wanted = new Set(serviceIds);
  const known = new Set(customer.services.map((s) => s.id));
  return {
    services: customer.services.filter((s) => wanted.has(s.id)),
    unknown: serviceIds.filter((id) => !known.has(id)),
  };
}
