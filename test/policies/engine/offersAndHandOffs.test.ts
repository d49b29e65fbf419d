import { describe, expect, it } from "vitest";
import { compiled, customer, decideFor, pack, traceOf } from "./support.js";

const RETENTION = `retention:
  rules:
    - id: price-may-help
      effect: allow
      when: conversation.reason == "price"
      reason: An offer may help.
    - id: not-after-no
      effect: deny
      when: conversation.offersDeclined > 0
      reason: The customer said no.
  offers:
    - id: discount
      per: service
      text: '{{ money(service.monthlyFee * 0.8, service.currency) }} a month for {{ service.plan }}. Say no and we carry on.'
`;

describe("retention offers", () => {
  const policy = compiled(pack("p", RETENTION));

  it("when a rule allows it, one offer may be made (the default maximum)", () => {
    const d = decideFor(policy, customer(), { reason: "price" });
    expect(d.retention).toEqual({
      allowed: true,
      remaining: 1,
      maxOffers: 1,
      offers: [
        {
          id: "discount:svc-cust-test-1-bb",
          ruleId: "discount",
          text: "£28.00 a month for Fibre 500. Say no and we carry on.",
        },
      ],
      blockedBy: [],
    });
  });

  it("once the offer is made, no other is", () => {
    const d = decideFor(policy, customer(), { reason: "price", offersMade: 1 });
    expect(d.retention).toMatchObject({ allowed: false, remaining: 0, offers: [] });
    expect(d.retention.blockedBy).toEqual([
      { ruleId: "(max-offers)", reason: "1 offer already made; the policy allows 1" },
    ]);
  });

  it("without an allow rule that matches, nothing is offered", () => {
    const d = decideFor(policy, customer(), { reason: "moving" });
    expect(d.retention.allowed).toBe(false);
    expect(d.retention.blockedBy).toEqual([
      { ruleId: "(retention)", reason: "no retention rule allows an offer" },
    ]);
  });

  it("a prohibition beats a permission, whatever their order", () => {
    const denyFirst = compiled(
      pack(
        "p",
        `retention:
  rules:
    - id: never-bereaved
      effect: deny
      when: '"bereavement" in customer.vulnerabilities'
      reason: No offers to the bereaved.
    - id: always
      effect: allow
      reason: Offers are fine.
  offers:
    - id: anything
      text: An offer.
`,
      ),
    );
    const d = decideFor(denyFirst, customer({ vulnerabilities: ["bereavement"] }));
    expect(d.retention).toMatchObject({ allowed: false, offers: [] });
    expect(d.retention.blockedBy).toEqual([
      { ruleId: "never-bereaved", reason: "No offers to the bereaved." },
    ]);
    expect(traceOf(d, "always")[0]).toMatchObject({
      kind: "retention",
      matched: true,
      why: "allow: always applies",
    });
  });
});

describe("hand-offs to a person", () => {
  const policy = compiled(
    pack(
      "p",
      `escalation:
  - id: asks
    when: conversation.requestedPerson
    reason: You asked for a person.
  - id: legal
    when: conversation.legalThreat
    reason: Legal action was mentioned.
  - id: big-dispute
    when: customer.billing.disputes.exists(d, d.open && d.amount > 250)
    reason: A large dispute is open.
`,
    ),
  );

  it("any matching rule hands over, and every reason is kept", () => {
    const d = decideFor(policy, customer(), { requestedPerson: true, legalThreat: true });
    expect(d.escalation).toEqual({
      required: true,
      reasons: [
        { ruleId: "asks", reason: "You asked for a person." },
        { ruleId: "legal", reason: "Legal action was mentioned." },
      ],
    });
  });

  it("no matching rule, no hand-off", () => {
    expect(decideFor(policy, customer()).escalation).toEqual({ required: false, reasons: [] });
  });
});

describe("contact after leaving", () => {
  const policy = compiled(
    pack(
      "p",
      `alumni:
  maxContacts: 2
  quietDays: 60
  rules:
    - id: consent
      effect: allow
      when: customer.consents.winBack.given
      reason: They said yes.
    - id: bereaved
      effect: deny
      when: '"bereavement" in customer.vulnerabilities'
      reason: Never after a bereavement.
`,
    ),
  );

  it("only with consent", () => {
    expect(decideFor(policy, customer()).alumni).toEqual({
      contactAllowed: false,
      maxContacts: 0,
      quietDays: 60,
      reason: "No rule allows contact after leaving.",
    });
    const consenting = customer({ consents: { marketing: { given: false }, winBack: { given: true } } });
    expect(decideFor(policy, consenting).alumni).toEqual({
      contactAllowed: true,
      maxContacts: 2,
      quietDays: 60,
      reason: "They said yes.",
    });
  });

  it("never when a deny rule matches, consent or not", () => {
    const who = customer({
      vulnerabilities: ["bereavement"],
      consents: { marketing: { given: true }, winBack: { given: true } },
    });
    expect(decideFor(policy, who).alumni).toMatchObject({
      contactAllowed: false,
      reason: "Never after a bereavement.",
    });
  });
});
