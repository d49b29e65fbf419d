/**
 * What the alumni rule reads from a customer's conversations: the cancellations they confirmed
 * (audit `confirmation` with answer `yes`, and the services' end dates from the `decision` entry
 * before it), the win-back consents they gave or withdrew in the farewell (audit `consent`,
 * `data.winBack`), and the withdrawals marketing tools passed on through the alumni API (audit
 * `consent` entries of the pseudo-conversation `alumni:<customerId>`, `data.source: "api"`). Read
 * through the ports; nothing is cached, so a consent recorded in the farewell changes the answer
 * on the very next request.
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import { LEAVING_REASONS, type LeavingReason } from "../domain/decision.js";
import type { AuditLog, ConversationStore } from "../domain/ports.js";

/** A confirmed cancellation: when, in which conversation, the services and the day each ends. */
export interface Departure {
  conversationId: string;
  confirmedAt: string;
  services: { serviceId: string; endDate: string }[];
  /** The reason the customer gave, when they gave one (bereavement and money trouble matter to the policy). */
  reason?: LeavingReason;
}

/** A win-back consent given or withdrawn, with where and when. */
export interface ConsentEvent {
  given: boolean;
  source: "crm" | "conversation" | "api";
  /** ISO date-time; absent when the CRM did not record one. */
  at?: string;
  conversationId?: string;
  channel?: string;
}

export interface AlumniHistory {
  departures: Departure[];
  /** Consents recorded in conversations (the farewell), oldest first. */
  consents: ConsentEvent[];
}

const REASONS = new Set<string>(LEAVING_REASONS);

/** The audit trail's conversation id under which the alumni API records a customer's consent changes. */
export const alumniAuditId = (customerId: string) => `alumni:${customerId}`;

/** The consent events among audit entries (`data.at`, when present, is when the customer said it). */
export function consentEventsOf(
  entries: readonly AuditEntry[],
  source: ConsentEvent["source"],
): ConsentEvent[] {
  return entries
    .filter((e) => e.kind === "consent" && typeof e.data.winBack === "boolean")
    .map((e) => ({
      given: e.data.winBack as boolean,
      source,
      at: typeof e.data.at === "string" ? e.data.at : e.at,
      ...(source === "conversation" ? { conversationId: e.conversationId } : {}),
      ...(typeof e.data.channel === "string" ? { channel: e.data.channel } : {}),
    }));
}

function servicesOf(decision: AuditEntry | undefined): Departure["services"] {
  const raw = decision?.data.services;
  if (!Array.isArray(raw)) return [];
  return raw.flatMap((s) => {
    const o = s as { serviceId?: unknown; endDate?: unknown };
    return typeof o.serviceId === "string" && typeof o.endDate === "string"
      ? [{ serviceId: o.serviceId, endDate: o.endDate }]
      : [];
  });
}

/** The departure and consents one conversation's audit entries show. */
export function historyOfConversation(
  entries: readonly AuditEntry[],
  reason?: unknown,
): { departure?: Departure; consents: ConsentEvent[] } {
  const consents = consentEventsOf(entries, "conversation");
  const yes = entries.findIndex((e) => e.kind === "confirmation" && e.data.answer === "yes");
  if (yes < 0) return { consents };
  const decision = entries
    .slice(0, yes)
    .reverse()
    .find((e) => e.kind === "decision");
  const confirmation = entries[yes]!;
  return {
    consents,
    departure: {
      conversationId: confirmation.conversationId,
      confirmedAt: confirmation.at,
      services: servicesOf(decision),
      ...(typeof reason === "string" && REASONS.has(reason) ? { reason: reason as LeavingReason } : {}),
    },
  };
}

/** Every departure and farewell consent of one customer, from their conversations. */
export async function readAlumniHistory(
  customerId: string,
  ports: { conversations: ConversationStore; audit: AuditLog },
): Promise<AlumniHistory> {
  const summaries = await ports.conversations.list({ customerId });
  const departures: Departure[] = [];
  const consents: ConsentEvent[] = [];
  for (const s of summaries) {
    const entries = await ports.audit.read({ conversationId: s.id });
    const confirmed = entries.some((e) => e.kind === "confirmation" && e.data.answer === "yes");
    const facts = confirmed
      ? ((await ports.conversations.get(s.id))?.state.facts as { reason?: unknown } | undefined)
      : undefined;
    const h = historyOfConversation(entries, facts?.reason);
    if (h.departure) departures.push(h.departure);
    consents.push(...h.consents);
  }
  consents.push(
    ...consentEventsOf(await ports.audit.read({ conversationId: alumniAuditId(customerId) }), "api"),
  );
  departures.sort((a, b) => Date.parse(a.confirmedAt) - Date.parse(b.confirmedAt));
  consents.sort((a, b) => Date.parse(a.at!) - Date.parse(b.at!));
  return { departures, consents };
}
