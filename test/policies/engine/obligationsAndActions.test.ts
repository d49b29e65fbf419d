import { describe, expect, it } from "vitest";
import { compiled, customer, decideFor, pack, traceOf } from "./support.js";

const mobile = {
  id: "mob",
  kind: "mobile" as const,
  plan: "Unlimited",
  monthlyFee: 20,
  currency: "GBP",
  phoneNumber: "+447700900123",
  contract: { start: "2024-01-01", minimumTermMonths: 0, noticeDays: 30, salesChannel: "store" as const },
  devices: [
    { id: "h1", kind: "handset" as const, model: "Galaxy S20 FE", ownership: "owned" as const, locked: true },
    { id: "h2", kind: "handset" as const, model: "Nokia 3310", ownership: "owned" as const },
  ],
};

describe("obligations", () => {
  const policy = compiled(
    pack(
      "p",
      `obligations:
  - id: unlock
    per: device
    topic: device_unlock
    when: device.locked
    before: confirm
    message: Your {{ device.model }} is locked; we unlock it free, now.
    citation: Ofcom locked handsets
  - id: end-date
    per: service
    topic: end_date
    before: confirm
    message: '{{ service.plan }} ends on {{ longDate(outcome.endDate) }}.'
  - id: receipt
    topic: receipt
    before: farewell
    message: A confirmation goes to {{ customer.email }} now.
`,
    ),
  );

  it("say what must be said, before which stage, once per customer, service or device", () => {
    const d = decideFor(policy, customer({ services: [mobile] }));
    expect(d.obligations).toEqual([
      {
        id: "unlock:mob:h1",
        ruleId: "unlock",
        topic: "device_unlock",
        before: "confirm",
        message: "Your Galaxy S20 FE is locked; we unlock it free, now.",
        serviceIds: ["mob"],
        citation: "Ofcom locked handsets",
      },
      {
        id: "end-date:mob",
        ruleId: "end-date",
        topic: "end_date",
        before: "confirm",
        message: "Unlimited ends on Wednesday 23 December 2026.",
        serviceIds: ["mob"],
      },
      {
        id: "receipt",
        ruleId: "receipt",
        topic: "receipt",
        before: "farewell",
        message: "A confirmation goes to alex.taylor@example.com now.",
        serviceIds: ["mob"],
      },
    ]);
    expect(traceOf(d, "unlock").map((t) => [t.matched, t.why])).toEqual([
      [true, "`device.locked` is true (device.locked = true)"],
      [false, "`device.locked` is false (device.locked = false)"],
    ]);
  });

  it("a placeholder that cannot be filled shows as [unavailable] and the trace says why", () => {
    const p = compiled(
      pack(
        "p",
        `obligations:\n  - id: porting\n    per: service\n    topic: porting_code\n    before: confirm\n    message: Keep {{ service.phoneNumber }}.\n`,
      ),
    );
    const { phoneNumber: _, ...withoutNumber } = mobile;
    const d = decideFor(p, customer({ services: [withoutNumber] }));
    expect(d.obligations[0]!.message).toBe("Keep [unavailable].");
    expect(traceOf(d, "porting")[0]!.why).toMatch(
      /message: `service.phoneNumber` could not be evaluated: No such key: phoneNumber/,
    );
  });
});

describe("actions", () => {
  const policy = compiled(
    pack(
      "p",
      `actions:
  - id: end-service
    per: service
    kind: end_service
    at: outcome.endsAt
    idempotencyKey: 'end:{{ service.id }}:{{ outcome.endDate }}'
    params:
      endDate: '{{ outcome.endDate }}'
  - id: unlock
    per: device
    kind: request_unlock
    when: device.locked
    idempotencyKey: 'unlock:{{ device.id }}'
  - id: remind-hour-before
    per: service
    kind: schedule_message
    at: addHours(outcome.endsAt, -1)
    idempotencyKey: 'remind-1h:{{ service.id }}:{{ outcome.endDate }}'
    params:
      message: '{{ service.plan }} stops in an hour.'
  - id: remind-month-before
    per: service
    kind: schedule_message
    at: addHours(outcome.endsAt, -24 * 31)
    idempotencyKey: 'remind-31d:{{ service.id }}'
    params:
      message: stops in a month
`,
    ),
  );

  it("plan what confirming does, when, with keys that make doing it twice harmless", () => {
    const d = decideFor(policy, customer({ services: [mobile] }));
    expect(d.actions).toEqual([
      {
        id: "end-service:mob",
        ruleId: "end-service",
        kind: "end_service",
        serviceId: "mob",
        at: "2026-12-23T23:59:59.000Z",
        idempotencyKey: "end:mob:2026-12-23",
        params: { endDate: "2026-12-23" },
      },
      {
        id: "unlock:mob:h1",
        ruleId: "unlock",
        kind: "request_unlock",
        serviceId: "mob",
        idempotencyKey: "unlock:h1",
        params: {},
      },
      {
        id: "remind-hour-before:mob",
        ruleId: "remind-hour-before",
        kind: "schedule_message",
        serviceId: "mob",
        at: "2026-12-23T22:59:59.000Z",
        idempotencyKey: "remind-1h:mob:2026-12-23",
        params: { message: "Unlimited stops in an hour." },
      },
    ]);
  });

  it("a reminder whose time has passed is skipped, with the reason in the trace", () => {
    const d = decideFor(policy, customer({ services: [mobile] }));
    expect(traceOf(d, "remind-month-before")[0]).toMatchObject({ matched: false });
    expect(traceOf(d, "remind-month-before")[0]!.why).toMatch(/skipped: 2026-11-22T23:59:59Z has passed/);
  });

  it("deciding again an hour later plans the same effects under the same keys", () => {
    const first = decideFor(policy, customer({ services: [mobile] }));
    const later = decideFor(policy, customer({ services: [mobile] }), {}, new Date("2026-11-23T11:00:00Z"));
    expect(later.actions.map((a) => a.idempotencyKey)).toEqual(first.actions.map((a) => a.idempotencyKey));
  });
});
