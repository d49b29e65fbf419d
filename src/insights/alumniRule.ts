/**
 * May a former customer be contacted now (a win-back offer from a marketing tool), and why or
 * why not. Pure: everything it reads is an argument, the clock included.
 *
 * The answer is no, with every reason that applies, when:
 *   - `still_customer`: a service on the record is neither ended in the CRM nor cancelled through
 *     FairExit (a confirmed cancellation);
 *   - `leaving_date_unknown`: every service is ended in the CRM but none through FairExit, so the
 *     day they left, and with it the quiet period, is not known: FairExit does not guess;
 *   - `no_consent`: the latest win-back consent is "no" (or none was ever given). The latest of
 *     the CRM record, the farewell's answers and the API's changes wins, each with its source;
 *   - `policy_denies`: the policy's alumni rules allow no contact although consent was given
 *     (a bereaved or vulnerable customer, or `maxContacts: 0`);
 *   - `quiet_period`: fewer than `quietDays` days have passed since the day they left, which is
 *     the last service end date (not the confirmation: until then they are still a customer);
 *   - `cap_reached`: `maxContacts` contacts are already recorded since that day. The cap is a
 *     total per departure, not per period: the pack's `alumni.maxContacts` has no period, and
 *     "up to N contacts after leaving" is how docs/policy-authoring.md describes it.
 */

import type { Coverage, Customer } from "../domain/customer.js";
import { addDays, isoString } from "../domain/dates.js";
import type { AlumniAllowance } from "../domain/decision.js";
import type { CompiledPolicy } from "../policies/compiledPolicy.js";
import { decide } from "../policies/decide.js";
import type { ConsentEvent, Departure } from "./alumniHistory.js";
import { type AlumniContact, contactsSince } from "./alumniPorts.js";

export type AlumniReasonCode =
  | "may_contact"
  | "still_customer"
  | "leaving_date_unknown"
  | "no_consent"
  | "policy_denies"
  | "quiet_period"
  | "cap_reached";

export interface AlumniReason {
  code: AlumniReasonCode;
  message: string;
}

/** The answer of `GET /api/alumni/:customerId/contact`: ids, dates and counts, no personal data. */
export interface AlumniStanding {
  customerId: string;
  mayContact: boolean;
  reasons: AlumniReason[];
  consent: ConsentEvent;
  contactsUsed: number;
  contactsAllowed: number;
  /** The day they left (the last service end date), when known. */
  leftOn: string | null;
  /** The first instant a contact is allowed by the quiet period (UTC midnight), when known. */
  quietUntil: string | null;
  /**
   * When a contact becomes possible if nothing else changes: now when allowed, the end of the
   * quiet period when that is all that stands in the way, else null (a new consent is needed).
   */
  nextPossibleAt: string | null;
  policyRevision: string;
}

export interface AlumniFacts {
  customer: Customer;
  coverage: Coverage;
  policy: CompiledPolicy;
  departures: readonly Departure[];
  /** Consents recorded after the CRM's (farewell, API), in any order. */
  consents: readonly ConsentEvent[];
  contacts: readonly AlumniContact[];
  now: Date;
}

/** The CRM's consent as an event: undated ones count as older than any dated one. */
function crmConsent(customer: Customer): ConsentEvent {
  const c = customer.consents.winBack;
  return {
    given: c.given,
    source: "crm",
    ...(c.at ? { at: new Date(c.at).toISOString() } : {}),
    ...(c.channel ? { channel: c.channel } : {}),
  };
}

/** The consent in force: the latest by date; on the same instant the later-recorded source wins. */
export function latestConsent(customer: Customer, events: readonly ConsentEvent[]): ConsentEvent {
  let latest = crmConsent(customer);
  for (const e of events) {
    const t = e.at ? Date.parse(e.at) : Number.NEGATIVE_INFINITY;
    const l = latest.at ? Date.parse(latest.at) : Number.NEGATIVE_INFINITY;
    if (t >= l) latest = e;
  }
  return latest;
}

/** The day the customer left (last service end), or why it is not known. */
export function leavingDay(
  customer: Customer,
  departures: readonly Departure[],
): { leftOn: string } | { still: string[] } | { unknown: true } {
  const endOf = new Map<string, string>();
  for (const d of departures)
    for (const s of d.services) {
      const known = endOf.get(s.serviceId);
      if (!known || s.endDate > known) endOf.set(s.serviceId, s.endDate);
    }
  const still = customer.services.filter((s) => s.status !== "ended" && !endOf.has(s.id)).map((s) => s.id);
  if (still.length > 0) return { still };
  const dates = customer.services.flatMap((s) => (endOf.has(s.id) ? [endOf.get(s.id)!] : []));
  if (dates.length === 0) return { unknown: true };
  return { leftOn: dates.reduce((a, b) => (b > a ? b : a)) };
}

function describeConsent(c: ConsentEvent): string {
  const where =
    c.source === "crm"
      ? "the CRM record"
      : c.source === "api"
        ? "the alumni API"
        : `conversation ${c.conversationId ?? "?"}${c.channel ? ` (${c.channel})` : ""}`;
  return `${c.given ? "given" : "not given"} in ${where}${c.at ? ` on ${c.at}` : ""}`;
}

/** The policy's allowance for this customer with the consent in force. */
function allowanceFor(f: AlumniFacts, consent: ConsentEvent): { alumni: AlumniAllowance; revision: string } {
  const customer: Customer = {
    ...f.customer,
    consents: {
      ...f.customer.consents,
      winBack: { given: consent.given, ...(consent.at ? { at: consent.at } : {}) },
    },
  };
  const reason = f.departures.at(-1)?.reason;
  const d = decide(
    f.policy,
    { customer, coverage: f.coverage, conversation: reason ? { reason } : {} },
    f.now,
  );
  return { alumni: d.alumni, revision: d.policyRevision };
}

/** Whether the customer may be contacted at `now`, with every reason. */
export function alumniStanding(f: AlumniFacts): AlumniStanding {
  const now = isoString(f.now);
  const consent = latestConsent(f.customer, f.consents);
  const { alumni, revision } = allowanceFor(f, consent);
  const left = leavingDay(f.customer, f.departures);
  const leftOn = "leftOn" in left ? left.leftOn : null;
  const quietUntil = leftOn ? `${addDays(leftOn, alumni.quietDays)}T00:00:00.000Z` : null;
  const contactsUsed = leftOn ? contactsSince(f.contacts, `${leftOn}T00:00:00.000Z`) : 0;
  const contactsAllowed = alumni.contactAllowed ? alumni.maxContacts : 0;
  const reasons: AlumniReason[] = [];
  if ("still" in left)
    reasons.push({
      code: "still_customer",
      message: `Still a customer: service(s) ${left.still.join(", ")} are neither ended nor cancelled.`,
    });
  if ("unknown" in left)
    reasons.push({
      code: "leaving_date_unknown",
      message:
        "Every service is ended in the CRM but none was cancelled through FairExit: the day they left, and so the quiet period, is not known.",
    });
  if (!consent.given)
    reasons.push({ code: "no_consent", message: `Win-back consent ${describeConsent(consent)}.` });
  else if (!alumni.contactAllowed)
    reasons.push({ code: "policy_denies", message: `The policy allows no contact: ${alumni.reason}` });
  if (quietUntil && Date.parse(now) < Date.parse(quietUntil))
    reasons.push({
      code: "quiet_period",
      message: `Quiet period: ${alumni.quietDays} days after leaving on ${leftOn}, until ${quietUntil}.`,
    });
  if (alumni.contactAllowed && contactsUsed >= contactsAllowed)
    reasons.push({
      code: "cap_reached",
      message: `The policy allows ${contactsAllowed} contact(s) after leaving; ${contactsUsed} recorded since ${leftOn}.`,
    });
  const mayContact = reasons.length === 0;
  if (mayContact)
    reasons.push({
      code: "may_contact",
      message: `Consent ${describeConsent(consent)}; ${contactsAllowed - contactsUsed} of ${contactsAllowed} contact(s) left; quiet period over since ${quietUntil}. ${alumni.reason}`,
    });
  const onlyQuiet = reasons.length === 1 && reasons[0]!.code === "quiet_period";
  return {
    customerId: f.customer.id,
    mayContact,
    reasons,
    consent,
    contactsUsed,
    contactsAllowed,
    leftOn,
    quietUntil,
    nextPossibleAt: mayContact ? now : onlyQuiet ? quietUntil : null,
    policyRevision: revision,
  };
}
