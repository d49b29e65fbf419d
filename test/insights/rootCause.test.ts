/**
 * The root-cause rule (src/insights/rootCause.ts), one clause at a time, on small customers
 * whose expected chain is read straight off their record.
 */
import { describe, expect, it } from "vitest";
import type { CustomerInput } from "../../src/domain/customer.js";
import { attributeExit } from "../../src/insights/rootCause.js";
import { aCustomer } from "../support/aCustomer.js";

const SERVICE = "svc-cust-test-1-bb";
const at = "2026-11-10T12:00:00Z";
const exit = (o: Partial<Parameters<typeof attributeExit>[1]> = {}) => ({
  at,
  serviceIds: [SERVICE],
  honoured: new Set<string>(),
  ...o,
});
type InteractionInput = NonNullable<CustomerInput["interactions"]>[number];
const interaction = (
  id: string,
  when: string,
  silo: string,
  kind: string,
  more: Partial<InteractionInput> = {},
) =>
  ({ id, at: when, channel: "call", silo, kind, summary: kind, resolved: true, ...more }) as InteractionInput;

describe("the root cause of an exit", () => {
  it("orders departments by their first failure and names the first as the root cause", () => {
    const customer = aCustomer({
      interactions: [
        interaction("i-3", "2026-10-01T00:00:00Z", "billing", "billing_error"),
        interaction("i-1", "2026-08-01T00:00:00Z", "network", "outage"),
        interaction("i-2", "2026-09-01T00:00:00Z", "network", "outage"),
        interaction("i-4", "2026-09-15T00:00:00Z", "product", "price_change"),
      ],
    });
    expect(attributeExit(customer, exit())).toEqual({
      rootCause: "network",
      chain: ["network", "product", "billing"],
      links: [
        {
          department: "network",
          firstAt: "2026-08-01T00:00:00Z",
          kinds: ["outage"],
          evidence: ["i-1", "i-2"],
        },
        {
          department: "product",
          firstAt: "2026-09-15T00:00:00Z",
          kinds: ["price_change"],
          evidence: ["i-4"],
        },
        {
          department: "billing",
          firstAt: "2026-10-01T00:00:00Z",
          kinds: ["billing_error"],
          evidence: ["i-3"],
        },
      ],
    });
  });

  it("ignores what was not a failure, what came after the exit or more than a year before, and other services", () => {
    const customer = aCustomer({
      services: [
        ...aCustomer().services,
        {
          id: "svc-other",
          kind: "mobile",
          plan: "SIM only",
          monthlyFee: 10,
          currency: "GBP",
          contract: { start: "2025-06-01", minimumTermMonths: 0, noticeDays: 30, salesChannel: "web" },
        },
      ],
      interactions: [
        interaction("i-enquiry", "2026-10-01T00:00:00Z", "care", "enquiry"),
        interaction("i-closed-complaint", "2026-10-02T00:00:00Z", "care", "complaint"),
        interaction("i-after", "2026-11-11T00:00:00Z", "network", "outage"),
        interaction("i-old", "2025-11-09T00:00:00Z", "install", "missed_appointment"),
        interaction("i-other", "2026-10-03T00:00:00Z", "network", "outage", { serviceId: "svc-other" }),
      ],
    });
    expect(attributeExit(customer, exit())).toEqual({ rootCause: "none", chain: [], links: [] });
    // Ending every service, the other service's outage counts.
    expect(attributeExit(customer, exit({ serviceIds: [] })).chain).toEqual(["network"]);
  });

  it("counts a complaint or a promise left open, and reads retention as care, collections as billing", () => {
    const customer = aCustomer({
      interactions: [
        interaction("i-1", "2026-09-01T00:00:00Z", "retention", "promise", { resolved: false }),
        interaction("i-2", "2026-09-02T00:00:00Z", "collections", "complaint", { resolved: false }),
      ],
    });
    expect(attributeExit(customer, exit()).links).toEqual([
      {
        department: "care",
        firstAt: "2026-09-01T00:00:00Z",
        kinds: ["unresolved_promise"],
        evidence: ["i-1"],
      },
      {
        department: "billing",
        firstAt: "2026-09-02T00:00:00Z",
        kinds: ["unresolved_complaint"],
        evidence: ["i-2"],
      },
    ]);
  });

  it("counts a promise about leaving as broken when its condition applies and no waiver honoured it", () => {
    const promise = (id: string, condition: string, kind = "fee_waiver") => ({
      id,
      date: "2025-06-01",
      by: "agent s-1",
      silo: "sales" as const,
      channel: "visit" as const,
      words: "words",
      structured: { kind, condition, serviceIds: [SERVICE] },
    });
    const customer = aCustomer({
      promises: [
        promise("p-moving", "moving_out_of_coverage"),
        promise("p-always", "always", "free_cancellation"),
        promise("p-discount", "always", "discount"),
        promise("p-price", "price_rise"),
      ] as CustomerInput["promises"],
    });
    const moving = attributeExit(customer, exit({ reason: "moving", honoured: new Set(["p-always"]) }));
    expect(moving.links).toEqual([
      {
        department: "sales",
        firstAt: "2025-06-01",
        kinds: ["broken_promise"],
        evidence: ["promise:p-moving"],
      },
    ]);
    const price = attributeExit(customer, exit({ reason: "price" }));
    expect(price.links[0]?.evidence).toEqual(["promise:p-always", "promise:p-price"]);
  });

  it("counts a promotion sold but never applied as billing's failure, from when it should have applied", () => {
    const [service] = aCustomer().services;
    const customer = aCustomer({
      services: [
        {
          ...service!,
          promo: { code: "HALF", monthlyDiscount: 10, from: "2026-07-01", applied: false, credited: 0 },
        },
      ],
    });
    expect(attributeExit(customer, exit())).toEqual({
      rootCause: "billing",
      chain: ["billing"],
      links: [
        {
          department: "billing",
          firstAt: "2026-07-01",
          kinds: ["promotion_not_applied"],
          evidence: ["promo:HALF"],
        },
      ],
    });
  });
});
