import { describe, expect, it } from "vitest";
import { Customer, isCovered } from "../../src/domain/customer.js";
import { CustomerFile } from "../../src/domain/customerFile.js";
import { aCustomer } from "../support/aCustomer.js";

const problems = (input: unknown) => {
  const r = Customer.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
};

describe("the customer model", () => {
  it("accepts a complete customer and fills the defaults a CRM leaves out", () => {
    const c = aCustomer();
    expect(c.consents.winBack.given).toBe(false);
    expect(c.consents.marketing.given).toBe(false);
    expect(c.vulnerabilities).toEqual([]);
    expect(c.services[0]?.devices).toEqual([]);
    expect(c.services[0]?.contract.autoRenews).toBe(false);
  });

  it("never assumes win-back consent", () => {
    expect(aCustomer().consents.winBack).toEqual({ given: false });
  });

  it("names each wrong field", () => {
    const bad = {
      ...aCustomer(),
      email: "not-an-email",
      phone: "07700 900123",
      jurisdiction: "United Kingdom",
      customerSince: "15/01/2020",
    };
    expect(problems(bad)).toEqual(
      expect.arrayContaining([
        "email: Invalid email address",
        "phone: expected an E.164 phone number such as +447700900123",
        "jurisdiction: expected a jurisdiction such as UK, DE or US-CA",
        "customerSince: expected a date as YYYY-MM-DD",
      ]),
    );
  });

  it("rejects unknown fields, so a typo is never silently dropped", () => {
    expect(problems({ ...aCustomer(), emial: "x@example.com" })).toEqual([': Unrecognized key: "emial"']);
  });

  it("rejects money with fractions of a penny and a currency that is not ISO 4217", () => {
    const c = aCustomer();
    const svc = { ...c.services[0]!, monthlyFee: 35.555, currency: "pounds" };
    expect(problems({ ...c, services: [svc] })).toEqual([
      "services.0.monthlyFee: expected at most two decimals",
      "services.0.currency: expected an ISO 4217 currency code such as GBP",
    ]);
  });

  it("requires a service and rejects duplicate service ids", () => {
    const c = aCustomer();
    expect(problems({ ...c, services: [] })).toEqual(["services: a customer has at least one service"]);
    expect(problems({ ...c, services: [c.services[0], c.services[0]] })).toEqual([
      `services.1.id: duplicate service id ${c.services[0]!.id}`,
    ]);
  });

  it("rejects a promise that names a service the customer does not have", () => {
    const promise = {
      id: "prom-1",
      date: "2026-03-10",
      by: "agent 4471",
      silo: "sales",
      channel: "visit",
      words: "If you move somewhere we can't serve, you can leave without a fee.",
      structured: { kind: "fee_waiver", condition: "moving_out_of_coverage", serviceIds: ["svc-elsewhere"] },
    };
    expect(problems({ ...aCustomer(), promises: [promise] })).toEqual([
      "promises.0.structured.serviceIds.0: unknown service id svc-elsewhere",
    ]);
  });

  it("knows a locked, financed handset and a direct debit mandate", () => {
    const c = aCustomer({
      services: [
        {
          id: "svc-mob",
          kind: "mobile",
          plan: "Unlimited",
          monthlyFee: 28,
          currency: "GBP",
          phoneNumber: "+447700900456",
          contract: { start: "2025-01-20", minimumTermMonths: 24, noticeDays: 30, salesChannel: "store" },
          devices: [
            {
              id: "dev-1",
              kind: "handset",
              model: "Pixel 9",
              imei: "356938035643809",
              locked: true,
              ownership: "financed",
              financedBalance: 312.5,
              financedMonthsLeft: 10,
            },
          ],
        },
      ],
    });
    expect(c.services[0]?.devices[0]).toMatchObject({
      locked: true,
      ownership: "financed",
      financedBalance: 312.5,
    });
    expect(c.billing.paymentMethod).toEqual({ kind: "direct_debit", mandateReference: "DD-0001" });
  });
});

describe("coverage", () => {
  const coverage = [
    { country: "SE", kind: "broadband" as const, postcodePrefixes: ["11", "12", "41"] },
    { country: "GB", kind: "broadband" as const, postcodePrefixes: ["SW1A", "EC1"] },
  ];

  it("is a fact: a postcode is served when a prefix of its kind and country matches", () => {
    expect(isCovered(coverage, "SE", "broadband", "114 55")).toBe(true);
    expect(isCovered(coverage, "SE", "broadband", "981 31")).toBe(false);
    expect(isCovered(coverage, "GB", "broadband", "sw1a 1aa")).toBe(true);
    expect(isCovered(coverage, "GB", "tv", "SW1A 1AA")).toBe(false);
  });
});

describe("UK coverage matches postcode parts, not characters", () => {
  const uk = [
    { country: "GB", kind: "broadband" as const, postcodePrefixes: ["M1", "SW", "BS6 5"] },
    { country: "GB", kind: "mobile" as const, postcodePrefixes: ["*"] },
  ];
  it("a district covers itself, not a longer district that starts the same", () => {
    expect(isCovered(uk, "GB", "broadband", "M1 4AA")).toBe(true);
    expect(isCovered(uk, "GB", "broadband", "M14 5RT")).toBe(false);
  });
  it("an area covers its districts but not other areas sharing its letter", () => {
    expect(isCovered(uk, "GB", "broadband", "SW1A 1AA")).toBe(true);
    expect(isCovered(uk, "GB", "broadband", "S1 2AB")).toBe(false);
  });
  it("a sector covers the postcodes in it", () => {
    expect(isCovered(uk, "GB", "broadband", "BS6 5QA")).toBe(true);
    expect(isCovered(uk, "GB", "broadband", "BS6 6AA")).toBe(false);
  });
  it("* covers the whole country", () => {
    expect(isCovered(uk, "GB", "mobile", "ZE1 0AA")).toBe(true);
  });
});

describe("a customer file", () => {
  it("rejects two customers with the same id or account number, naming both", () => {
    const a = aCustomer({ id: "cust-a" });
    const r = CustomerFile.safeParse({ schemaVersion: 2, customers: [a, { ...a }] });
    expect(r.success ? [] : r.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`)).toEqual([
      "customers.1.id: duplicate id cust-a (also customers[0])",
      "customers.1.accountNumber: duplicate account number (also customers[0])",
    ]);
  });
});
