/**
 * The alumni rule on its own (pure): the policy in policies/ (2 contacts after 90 quiet days,
 * with consent, never to the bereaved or vulnerable), a customer built for each case, departures
 * and consents as the audit trail would show them, and a fixed `now`.
 */
import { describe, expect, it } from "vitest";
import type { CustomerInput } from "../../src/domain/customer.js";
import type { ConsentEvent, Departure } from "../../src/insights/alumniHistory.js";
import type { AlumniContact } from "../../src/insights/alumniPorts.js";
import { alumniStanding, latestConsent } from "../../src/insights/alumniRule.js";
import { demoPolicy } from "../bot/cancellationBot.js";
import { aCustomer } from "../support/aCustomer.js";

const policy = await demoPolicy();
const CONSENTED: Partial<CustomerInput> = {
  consents: {
    marketing: { given: false },
    winBack: { given: true, at: "2025-01-10T12:00:00Z", channel: "web" },
  },
};
const LEFT: Departure = {
  conversationId: "conv-left-1",
  confirmedAt: "2026-11-23T10:00:00.000Z",
  services: [{ serviceId: "svc-cust-test-1-bb", endDate: "2026-12-23" }],
  reason: "price",
};
const contact = (at: string): AlumniContact => ({
  id: `ac_${at.replace(/\D/g, "")}`,
  customerId: "cust-test-1",
  at,
  channel: "email",
  recordedAt: at,
});

function standing(o: {
  customer?: Partial<CustomerInput>;
  departures?: Departure[];
  consents?: ConsentEvent[];
  contacts?: AlumniContact[];
  now?: string;
}) {
  return alumniStanding({
    customer: aCustomer(o.customer ?? CONSENTED),
    coverage: [],
    policy,
    departures: o.departures ?? [LEFT],
    consents: o.consents ?? [],
    contacts: o.contacts ?? [],
    now: new Date(o.now ?? "2027-04-01T09:00:00Z"),
  });
}
const codes = (s: ReturnType<typeof standing>) => s.reasons.map((r) => r.code);

describe("who may be contacted", () => {
  it("a consenting former customer after the quiet period, with the counts and dates", () => {
    const s = standing({ contacts: [contact("2027-03-25T09:00:00.000Z")] });
    expect(s).toMatchObject({
      customerId: "cust-test-1",
      mayContact: true,
      contactsUsed: 1,
      contactsAllowed: 2,
      leftOn: "2026-12-23",
      quietUntil: "2027-03-23T00:00:00.000Z",
      nextPossibleAt: "2027-04-01T09:00:00.000Z",
      consent: { given: true, source: "crm", at: "2025-01-10T12:00:00.000Z" },
    });
    expect(codes(s)).toEqual(["may_contact"]);
  });

  it("never a current customer, whatever the consent", () => {
    const s = standing({ departures: [] });
    expect(codes(s)).toEqual(["still_customer"]);
    expect(s.nextPossibleAt).toBeNull();
  });

  it("not when every service ended in the CRM only: the leaving day is unknown", () => {
    const ended = aCustomer(CONSENTED).services.map((x) => ({ ...x, status: "ended" as const }));
    const s = standing({ customer: { ...CONSENTED, services: ended }, departures: [] });
    expect(codes(s)).toEqual(["leaving_date_unknown"]);
    expect(s.quietUntil).toBeNull();
  });

  it("not during the quiet period, counted from the last service's end, not the confirmation", () => {
    const s = standing({ now: "2027-03-22T23:59:59Z" });
    expect(codes(s)).toEqual(["quiet_period"]);
    expect(s.nextPossibleAt).toBe("2027-03-23T00:00:00.000Z");
  });

  it("not past the cap, which is a total since leaving (contacts before an earlier departure do not count)", () => {
    const s = standing({
      contacts: [
        contact("2025-05-01T09:00:00.000Z"),
        contact("2027-03-24T09:00:00.000Z"),
        contact("2027-03-30T09:00:00.000Z"),
      ],
    });
    expect(codes(s)).toEqual(["cap_reached"]);
    expect(s).toMatchObject({ contactsUsed: 2, contactsAllowed: 2, nextPossibleAt: null });
  });

  it("not without consent, and not when the policy denies it (a vulnerable customer) though they consented", () => {
    expect(codes(standing({ customer: {} }))).toEqual(["no_consent"]);
    const vulnerable = standing({ customer: { ...CONSENTED, vulnerabilities: ["health"] } });
    expect(codes(vulnerable)).toEqual(["policy_denies"]);
    expect(vulnerable.reasons[0]?.message).toContain("vulnerable");
    expect(vulnerable.contactsAllowed).toBe(0);
  });

  it("every reason that applies, not only the first", () => {
    expect(codes(standing({ customer: {}, now: "2027-01-05T00:00:00Z" }))).toEqual([
      "no_consent",
      "quiet_period",
    ]);
  });
});

describe("the consent in force", () => {
  const customer = aCustomer(CONSENTED);
  const farewell = (given: boolean, at: string): ConsentEvent => ({
    given,
    source: "conversation",
    at,
    conversationId: "conv-left-1",
    channel: "webchat",
  });

  it("is the latest of the CRM's, the farewell's and the API's, whatever order they come in", () => {
    const api: ConsentEvent = { given: true, source: "api", at: "2027-02-01T00:00:00.000Z" };
    expect(latestConsent(customer, [farewell(false, "2026-11-23T10:00:00.000Z")])).toMatchObject({
      given: false,
      source: "conversation",
    });
    expect(latestConsent(customer, [api, farewell(false, "2026-11-23T10:00:00.000Z")])).toBe(api);
  });

  it("is the CRM's when it is later than the farewell's", () => {
    const later = aCustomer({
      consents: { marketing: { given: false }, winBack: { given: false, at: "2027-01-02T00:00:00+01:00" } },
    });
    expect(latestConsent(later, [farewell(true, "2026-11-23T10:00:00.000Z")])).toMatchObject({
      given: false,
      source: "crm",
      at: "2027-01-01T23:00:00.000Z",
    });
  });

  it("counts an undated CRM consent as older than any dated answer", () => {
    const undated = aCustomer({ consents: { marketing: { given: false }, winBack: { given: true } } });
    expect(latestConsent(undated, [farewell(false, "2020-01-01T00:00:00.000Z")]).given).toBe(false);
    expect(latestConsent(undated, []).source).toBe("crm");
  });
});
