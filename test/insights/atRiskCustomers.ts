/** Small hand-made customers for the at-risk tests: one broadband service, nothing else unless given. */
import { Customer, type CustomerInput, type Interaction } from "../../src/domain/customer.js";

export type Event = Pick<Interaction, "id" | "at" | "kind" | "silo" | "resolved"> & Partial<Interaction>;

export function aCustomer(id: string, extra: Partial<CustomerInput> = {}, events: Event[] = []): Customer {
  return Customer.parse({
    id,
    accountNumber: `UK-${id}`,
    name: { given: "Test", family: "Customer" },
    email: `${id}@example.com`,
    phone: "+447700900123",
    postcode: "BS6 5AB",
    locale: "en-GB",
    jurisdiction: "UK",
    customerSince: "2025-01-10",
    address: { line1: "1 High Street", city: "Bristol", postcode: "BS6 5AB", country: "GB" },
    services: [
      {
        id: `${id}-bb`,
        kind: "broadband",
        plan: "Full Fibre 150",
        monthlyFee: 28,
        currency: "GBP",
        contract: { start: "2025-01-10", minimumTermMonths: 24, noticeDays: 30, salesChannel: "web" },
      },
    ],
    billing: {
      paymentMethod: { kind: "direct_debit", mandateReference: "DD-1" },
      currency: "GBP",
      balance: 0,
    },
    interactions: events.map((e) => ({ channel: "call", summary: `${e.kind} happened`, ...e })),
    ...extra,
  });
}

/** An interaction of `kind` on `day` (YYYY-MM-DD) at noon. */
export const event = (
  id: string,
  day: string,
  kind: Interaction["kind"],
  silo: Interaction["silo"],
  resolved = true,
  extra: Partial<Interaction> = {},
): Event => ({ id, at: `${day}T12:00:00Z`, kind, silo, resolved, ...extra });
