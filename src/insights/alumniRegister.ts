/**
 * The alumni register: what `GET`/`POST /api/alumni/:customerId/contact` and `fairexit alumni`
 * ask. Reads the customer, their conversations and audit trail and the contact log through the
 * ports on every call (no cache: a consent given or withdrawn in the farewell counts at once),
 * applies `alumniStanding`, and records a contact only when it is allowed, under the policy's
 * cap, atomically in the contact log.
 */
import { randomBytes } from "node:crypto";
import { isoString } from "../domain/dates.js";
import type { AuditLog, Clock, ConversationStore, CustomerStore } from "../domain/ports.js";
import type { CompiledPolicy } from "../policies/compiledPolicy.js";
import { alumniAuditId, readAlumniHistory } from "./alumniHistory.js";
import type { AlumniContact, AlumniContactLog } from "./alumniPorts.js";
import { type AlumniReasonCode, type AlumniStanding, alumniStanding } from "./alumniRule.js";

export interface AlumniDeps {
  customers: CustomerStore;
  conversations: ConversationStore;
  audit: AuditLog;
  contacts: AlumniContactLog;
  policy: () => CompiledPolicy;
  clock: Clock;
}

export interface ContactRequest {
  channel: AlumniContact["channel"];
  campaign?: string;
  /** When the contact is made; default now. At most 5 minutes ahead and 24 hours back. */
  at?: string;
}

export type ContactOutcome =
  | { outcome: "recorded"; contact: AlumniContact; standing: AlumniStanding }
  | { outcome: "refused"; standing: AlumniStanding }
  | { outcome: "unknown_customer" };

/** A withdrawal a marketing tool passes on (an unsubscribe): never a consent given. */
export interface WithdrawalRequest {
  channel?: AlumniContact["channel"];
  /** When the customer withdrew; default now. At most 5 minutes ahead and 30 days back. */
  at?: string;
}

/** A row of the do-not-contact list. */
export interface SuppressionRow {
  customerId: string;
  email: string;
  /** The reasons' codes, most fundamental first. */
  reasons: AlumniReasonCode[];
  /** When the reason ends by itself (the quiet period); null = until consent changes, indefinitely. */
  until: string | null;
}

/** How far from now a contact's `at` may be. */
export const CONTACT_AT_WINDOW = { aheadMs: 5 * 60_000, backMs: 24 * 3_600_000 };
/** How far back a withdrawal's `at` may be (a tool passing on a day's unsubscribes late). */
export const WITHDRAWAL_BACK_MS = 30 * 24 * 3_600_000;

export class AlumniAtOutOfRange extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AlumniAtOutOfRange";
  }
}

export class AlumniRegister {
  constructor(private readonly deps: AlumniDeps) {}

  /** The customer's standing now; undefined for an unknown customer. */
  async standing(customerId: string): Promise<AlumniStanding | undefined> {
    const customer = await this.deps.customers.get(customerId);
    if (!customer) return undefined;
    const [history, contacts, coverage] = await Promise.all([
      readAlumniHistory(customerId, this.deps),
      this.deps.contacts.list(customerId),
      this.deps.customers.coverage(),
    ]);
    return alumniStanding({
      customer,
      coverage,
      policy: this.deps.policy(),
      departures: history.departures,
      consents: history.consents,
      contacts,
      now: this.deps.clock.now(),
    });
  }

  /**
   * Records a contact when the customer may be contacted now; refused (nothing recorded)
   * otherwise, or when another request took the last allowed contact first. Throws
   * `AlumniAtOutOfRange` for an `at` too far from now.
   */
  async recordContact(customerId: string, request: ContactRequest): Promise<ContactOutcome> {
    const now = this.deps.clock.now();
    const at = request.at ? new Date(request.at) : now;
    if (at.getTime() > now.getTime() + CONTACT_AT_WINDOW.aheadMs)
      throw new AlumniAtOutOfRange(
        "at: expected no later than 5 minutes from now (record a contact when it is made)",
      );
    if (at.getTime() < now.getTime() - CONTACT_AT_WINDOW.backMs)
      throw new AlumniAtOutOfRange("at: expected no earlier than 24 hours ago");
    const standing = await this.standing(customerId);
    if (!standing) return { outcome: "unknown_customer" };
    if (!standing.mayContact || !standing.leftOn) return { outcome: "refused", standing };
    if (standing.quietUntil && at.getTime() < Date.parse(standing.quietUntil))
      return {
        outcome: "refused",
        standing: {
          ...standing,
          mayContact: false,
          reasons: [
            {
              code: "quiet_period",
              message: `A contact at ${isoString(at)} falls in the quiet period, which ended at ${standing.quietUntil}.`,
            },
          ],
        },
      };
    const contact: AlumniContact = {
      id: `ac_${randomBytes(12).toString("base64url")}`,
      customerId,
      at: isoString(at),
      channel: request.channel,
      ...(request.campaign ? { campaign: request.campaign } : {}),
      recordedAt: isoString(now),
    };
    const result = await this.deps.contacts.record(contact, {
      max: standing.contactsAllowed,
      since: `${standing.leftOn}T00:00:00.000Z`,
    });
    const after = (await this.standing(customerId)) ?? standing;
    return result.recorded
      ? { outcome: "recorded", contact, standing: after }
      : { outcome: "refused", standing: after };
  }

  /**
   * Records that the customer withdrew their win-back consent (source `api`), in the audit trail
   * (kind `consent`, conversation `alumni:<customerId>`): it counts from the next request on.
   * Returns the standing after it; undefined for an unknown customer.
   */
  async withdrawConsent(customerId: string, request: WithdrawalRequest): Promise<AlumniStanding | undefined> {
    const now = this.deps.clock.now();
    const at = request.at ? new Date(request.at) : now;
    if (at.getTime() > now.getTime() + CONTACT_AT_WINDOW.aheadMs)
      throw new AlumniAtOutOfRange("at: expected no later than 5 minutes from now");
    if (at.getTime() < now.getTime() - WITHDRAWAL_BACK_MS)
      throw new AlumniAtOutOfRange("at: expected no earlier than 30 days ago");
    if (!(await this.deps.customers.get(customerId))) return undefined;
    await this.deps.audit.append({
      at: isoString(now),
      conversationId: alumniAuditId(customerId),
      kind: "consent",
      data: {
        winBack: false,
        source: "api",
        at: isoString(at),
        ...(request.channel ? { channel: request.channel } : {}),
      },
    });
    return this.standing(customerId);
  }

  /** Every former customer who may not be contacted now, with why and until when. */
  async suppression(): Promise<SuppressionRow[]> {
    const rows: SuppressionRow[] = [];
    for (const customer of await this.deps.customers.list()) {
      const s = await this.standing(customer.id);
      if (!s || s.mayContact || s.reasons.some((r) => r.code === "still_customer")) continue;
      rows.push({
        customerId: s.customerId,
        email: customer.email,
        reasons: s.reasons.map((r) => r.code),
        until: s.nextPossibleAt,
      });
    }
    return rows.sort((a, b) => a.customerId.localeCompare(b.customerId));
  }
}
