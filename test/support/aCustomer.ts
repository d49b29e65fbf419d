import { Customer, type CustomerInput } from "../../src/domain/customer.js";

/** A valid UK broadband customer; pass overrides for what a test is about. */
export function aCustomer(overrides: Partial<CustomerInput> = {}): Customer {
  const id = overrides.id ?? "cust-test-1";
  return Customer.parse({
    id,
    accountNumber: `ACC-${id}`,
    name: { given: "Alex", family: "Taylor" },
    email: "alex.taylor@example.com",
    phone: "+447700900123",
    postcode: "SW1A 1AA",
    locale: "en-GB",
    jurisdiction: "UK",
    customerSince: "2020-01-15",
    address: { line1: "1 Test Street", city: "London", postcode: "SW1A 1AA", country: "GB" },
    services: [
      {
        id: `svc-${id}-bb`,
        kind: "broadband",
        plan: "Fibre 500",
        monthlyFee: 35,
        currency: "GBP",
        contract: { start: "2025-06-01", minimumTermMonths: 18, noticeDays: 30, salesChannel: "web" },
      },
    ],
    billing: {
      paymentMethod: { kind: "direct_debit", mandateReference: "DD-0001" },
      currency: "GBP",
      balance: 0,
    },
    ...overrides,
  });
}
