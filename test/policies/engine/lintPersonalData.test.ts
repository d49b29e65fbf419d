import { describe, expect, it } from "vitest";
import { lint } from "../../../src/policies/lint.js";
import { formatPolicyError } from "../../../src/policies/policyError.js";
import { compiled, defaultPolicy, pack } from "./support.js";

/** A pack with one action rule; `fields` are its YAML lines after `kind`. */
const action = (per: string, fields: string) =>
  pack("p", `actions:\n  - id: leak\n    per: ${per}\n    kind: end_service\n${fields}`);

const errors = (file: { path: string; text: string }) =>
  lint(compiled(file))
    .filter((e) => e.severity === "error")
    .map(formatPolicyError);

const WHY =
  "keys and params are kept in the outbox, the operations journal and the audit trail; use ids (customer.id, service.id, device.id) instead";

describe("policy check: no personal data in action keys and params", () => {
  it("an idempotency key with the customer's e-mail is an error naming file, rule and field", () => {
    expect(errors(action("customer", `    idempotencyKey: 'x:{{ customer.email }}'\n`))).toEqual([
      `policies/p.yaml:6:5 [leak] \`idempotencyKey\` reads personal data (customer.email): ${WHY}`,
    ]);
  });

  it("a param with the service's phone number is an error", () => {
    expect(
      errors(
        action(
          "service",
          `    idempotencyKey: 'end:{{ service.id }}'\n    params: { to: '{{ service.phoneNumber }}' }\n`,
        ),
      ),
    ).toEqual([`policies/p.yaml:6:5 [leak] \`params.to\` reads personal data (service.phoneNumber): ${WHY}`]);
  });

  it("the payment mandate reference, a name, a postcode, an IMEI and the account number are errors", () => {
    const out = errors(
      action(
        "device",
        `    idempotencyKey: 'm:{{ customer.billing.paymentMethod.mandateReference }}'
    params:
      who: '{{ customer.name.given + " " + customer.name.family }}'
      where: '{{ customer.address.postcode }}'
      handset: '{{ device.imei }}'
      account: '{{ customer.accountNumber }}'
`,
      ),
    );
    expect(out.map((l) => l.replace(/: keys and params .*/, ""))).toEqual([
      "policies/p.yaml:6:5 [leak] `idempotencyKey` reads personal data (customer.billing.paymentMethod.mandateReference)",
      "policies/p.yaml:6:5 [leak] `params.who` reads personal data (customer.name.given)",
      "policies/p.yaml:6:5 [leak] `params.who` reads personal data (customer.name.family)",
      "policies/p.yaml:6:5 [leak] `params.where` reads personal data (customer.address.postcode)",
      "policies/p.yaml:6:5 [leak] `params.handset` reads personal data (device.imei)",
      "policies/p.yaml:6:5 [leak] `params.account` reads personal data (customer.accountNumber)",
    ]);
  });

  it("personal data reached through a list, a field read by name or a whole object is caught too", () => {
    const out = errors(
      action(
        "customer",
        `    idempotencyKey: 'k:{{ customer.id }}'
    params:
      phones: '{{ customer.services.map(s, s.phoneNumber).join(",") }}'
      mail: '{{ customer["email"] }}'
      whole: '{{ customer.address }}'
      billing: '{{ customer.billing }}'
      moving: '{{ conversation.newPostcode }}'
`,
      ),
    );
    expect(out.map((l) => l.replace(/: keys and params .*/, ""))).toEqual([
      "policies/p.yaml:6:5 [leak] `params.phones` reads personal data (s.phoneNumber)",
      'policies/p.yaml:6:5 [leak] `params.mail` reads personal data (customer["email"])',
      "policies/p.yaml:6:5 [leak] `params.whole` reads personal data (customer.address)",
      "policies/p.yaml:6:5 [leak] `params.billing` reads personal data (customer.billing)",
      "policies/p.yaml:6:5 [leak] `params.moving` reads personal data (conversation.newPostcode)",
    ]);
  });

  it("a fact that holds personal data is personal data too; a yes/no about it is not", () => {
    const out = errors(
      pack(
        "p",
        `facts:
  - id: contact
    value: 'has(customer.email) ? customer.email : customer.phone'
  - id: reachable
    value: facts.contact != ""
  - id: has_number
    per: service
    value: has(service.phoneNumber)
actions:
  - id: leak
    per: service
    kind: end_service
    idempotencyKey: 'k:{{ service.id }}:{{ facts.has_number }}:{{ facts.reachable }}'
    params:
      to: '{{ facts.contact }}'
`,
      ),
    );
    expect(out.map((l) => l.replace(/: keys and params .*/, ""))).toEqual([
      "policies/p.yaml:14:5 [leak] `params.to` reads personal data (facts.contact, which reads customer.email)",
    ]);
  });

  it("ids, amounts, dates and words that merely name a field are fine", () => {
    expect(
      errors(
        action(
          "device",
          `    idempotencyKey: 'unlock:{{ customer.id }}:{{ service.id }}:{{ device.id }}'
    params:
      disputes: '{{ customer.billing.disputes.map(d, d.id).join("+") }}'
      method: '{{ customer.billing.paymentMethod.kind }}'
      country: '{{ customer.address.country }}'
      note: 'sent by email, "phone" on request'
      label: '{{ "email" + " " + outcome.endDate }}'
`,
        ),
      ),
    ).toEqual([]);
  });

  it("a message to the customer may quote the customer's own details", () => {
    expect(
      errors(
        pack(
          "p",
          `obligations:\n  - id: confirm\n    topic: confirmation\n    before: confirm\n    message: We will write to {{ customer.email }} with your receipt.\n`,
        ),
      ),
    ).toEqual([]);
  });

  it("the shipped packs pass", () => {
    expect(lint(defaultPolicy()).map(formatPolicyError)).toEqual([]);
  });
});
