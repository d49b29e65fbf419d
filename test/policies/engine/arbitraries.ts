/**
 * fast-check generators for valid customers, conversations and moments: every customer
 * passes the domain schema, so anything `decide` does wrong with them is the engine's fault.
 */
import fc from "fast-check";
import { type Coverage, Customer } from "../../../src/domain/customer.js";
import type { ConversationFacts } from "../../../src/domain/decision.js";

const day = fc
  .integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2029, 11, 31) })
  .map((t) => new Date(t - (t % 86_400_000)).toISOString().slice(0, 10));
const instant = fc
  .integer({ min: Date.UTC(2012, 0, 1), max: Date.UTC(2029, 11, 31) })
  .map((t) => new Date(t).toISOString());
const money = (max: number) => fc.integer({ min: 0, max: max * 100 }).map((c) => c / 100);
const currency = fc.constantFrom("GBP", "EUR", "SEK", "USD", "NOK");
const kind = fc.constantFrom("mobile", "broadband", "tv", "landline", "subscription", "energy", "other");
const channel = fc.constantFrom("call", "chat", "email", "visit", "web", "sms", "letter", "app", "field");
const silo = fc.constantFrom(
  "sales",
  "install",
  "care",
  "billing",
  "network",
  "product",
  "retention",
  "collections",
);

const device = (i: number) =>
  fc.record(
    {
      id: fc.constant(`dev-${i}`),
      kind: fc.constantFrom("handset", "router", "set_top_box", "modem", "tablet", "other"),
      model: fc.constantFrom("Pixel 8", "Hub 3", "Box 4K"),
      locked: fc.boolean(),
      ownership: fc.constantFrom("owned", "rented", "financed"),
      financedBalance: money(1500),
      financedMonthsLeft: fc.integer({ min: 0, max: 36 }),
      mustBeReturned: fc.boolean(),
    },
    { requiredKeys: ["id", "kind", "model", "ownership"] },
  );

const service = (i: number) =>
  fc.record(
    {
      id: fc.constant(`svc-${i}`),
      kind,
      plan: fc.constantFrom("Fibre 500", "Unlimited", "TV Bas", "StreamPlus"),
      monthlyFee: money(800),
      currency,
      status: fc.constantFrom("active", "pending", "ending", "ended"),
      phoneNumber: fc.constant("+447700900123"),
      priceChanges: fc.array(
        fc.record(
          { from: money(500), to: money(500), at: day, statedInContract: fc.boolean(), notifiedAt: day },
          { requiredKeys: ["from", "to", "at", "statedInContract"] },
        ),
        { maxLength: 2 },
      ),
      contract: fc.record(
        {
          start: day,
          minimumTermMonths: fc.integer({ min: 0, max: 36 }),
          noticeDays: fc.integer({ min: 0, max: 90 }),
          salesChannel: fc.constantFrom("store", "phone", "web", "door_to_door", "partner", "app"),
          autoRenews: fc.boolean(),
          exitFeePercent: fc.integer({ min: 0, max: 100 }),
        },
        { requiredKeys: ["start", "minimumTermMonths", "noticeDays", "salesChannel"] },
      ),
      devices: fc.tuple(device(i * 10), device(i * 10 + 1)).chain(([a, b]) => fc.subarray([a, b])),
    },
    { requiredKeys: ["id", "kind", "plan", "monthlyFee", "currency", "contract"] },
  );

export const customerArb = fc
  .integer({ min: 1, max: 3 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => service(i))))
  .chain((services) => {
    const ids = services.map((s) => s.id);
    const someIds = fc.subarray(ids);
    return fc
      .record({
        jurisdiction: fc.constantFrom("UK", "SE", "DE", "US-CA", "NO", "FR"),
        vulnerabilities: fc.subarray([
          "bereavement",
          "financial_difficulty",
          "health",
          "accessibility",
          "elderly",
        ]),
        winBack: fc.boolean(),
        balance: fc.integer({ min: -20000, max: 20000 }).map((c) => c / 100),
        payment: fc.constantFrom(
          { kind: "direct_debit", mandateReference: "DD-1" },
          { kind: "card", last4: "4242" },
          { kind: "invoice" },
        ),
        promises: fc.array(
          fc.record({
            id: fc.constantFrom("prom-a", "prom-b"),
            date: day,
            by: fc.constant("Sam"),
            silo,
            channel,
            words: fc.constant("You can leave free."),
            structured: fc.record({
              kind: fc.constantFrom(
                "fee_waiver",
                "free_cancellation",
                "discount",
                "free_unlock",
                "credit",
                "callback",
                "other",
              ),
              condition: fc.constantFrom(
                "always",
                "moving_out_of_coverage",
                "moving_abroad",
                "bereavement",
                "service_not_delivered",
                "price_rise",
                "job_loss",
                "other",
              ),
              serviceIds: someIds,
            }),
          }),
          { maxLength: 2 },
        ),
        interactions: fc.array(
          fc.record(
            {
              id: fc.constantFrom("int-a", "int-b", "int-c"),
              at: instant,
              channel,
              silo,
              kind: fc.constantFrom(
                "outage",
                "missed_appointment",
                "equipment_failure",
                "billing_error",
                "undisclosed_fee",
                "complaint",
              ),
              summary: fc.constant("Something happened"),
              resolved: fc.boolean(),
              serviceId: fc.constantFrom(...ids),
            },
            { requiredKeys: ["id", "at", "channel", "silo", "kind", "summary", "resolved"] },
          ),
          { maxLength: 3 },
        ),
        disputes: fc.array(
          fc.record({
            id: fc.constantFrom("disp-a", "disp-b"),
            opened: day,
            amount: money(5000),
            currency,
            reason: fc.constant("Wrong charge"),
            open: fc.boolean(),
          }),
          { maxLength: 2 },
        ),
      })
      .map((x) =>
        Customer.parse({
          id: "cust-prop",
          accountNumber: "ACC-0001",
          name: { given: "Sam", family: "Doe" },
          email: "sam@example.com",
          phone: "+447700900123",
          postcode: "SW1A 1AA",
          locale: "en-GB",
          jurisdiction: x.jurisdiction,
          customerSince: "2010-01-01",
          vulnerabilities: x.vulnerabilities,
          consents: { marketing: { given: false }, winBack: { given: x.winBack } },
          address: { line1: "1 Street", city: "Town", postcode: "SW1A 1AA", country: "GB" },
          services,
          billing: { paymentMethod: x.payment, currency: "GBP", balance: x.balance, disputes: x.disputes },
          promises: x.promises,
          interactions: x.interactions,
        }),
      );
  });

export const conversationArb: fc.Arbitrary<ConversationFacts> = fc.record(
  {
    serviceIds: fc.subarray(["svc-0", "svc-1", "svc-2", "svc-unknown"]),
    reason: fc.constantFrom(
      "moving",
      "price",
      "service_problems",
      "switching_provider",
      "bereavement",
      "money_trouble",
      "changed_mind",
      "other",
    ),
    newPostcode: fc.constantFrom("SW1A 2AA", "EH1 1AA", "962 31", "113 47", ""),
    newCountry: fc.constantFrom("GB", "SE", "DE", "US"),
    keepNumber: fc.boolean(),
    claims: fc.array(
      fc.record(
        {
          text: fc.constant("They said I could leave free"),
          kind: fc.constantFrom("fee_waiver", "free_cancellation", "discount", "other"),
        },
        { requiredKeys: ["text"] },
      ),
      { maxLength: 2 },
    ),
    requestedPerson: fc.boolean(),
    legalThreat: fc.boolean(),
    offersMade: fc.integer({ min: 0, max: 3 }),
    offersDeclined: fc.integer({ min: 0, max: 3 }),
    channel: fc.constantFrom("web", "chat", "call", "msteams"),
  },
  { requiredKeys: [] },
);

export const nowArb = fc
  .integer({ min: Date.UTC(2020, 0, 1), max: Date.UTC(2030, 0, 1) })
  .map((t) => new Date(t));

export const coverageArb: fc.Arbitrary<Coverage> = fc.constantFrom<Coverage>(
  [],
  [
    { country: "GB", kind: "broadband", postcodePrefixes: ["SW1A", "E1"] },
    { country: "SE", kind: "broadband", postcodePrefixes: ["11", "16"] },
    { country: "GB", kind: "mobile", postcodePrefixes: ["S", "E"] },
  ],
);
