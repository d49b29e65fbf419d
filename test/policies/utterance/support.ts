/** Shared test data for the utterance checker: the default tone and small decisions. */
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { parse } from "yaml";
import type {
  Decision,
  FeeLine,
  Obligation,
  RetentionAllowance,
  ServiceOutcome,
  WaiverApplied,
} from "../../../src/domain/decision.js";
import { emptyLedger, type Ledger } from "../../../src/domain/ledger.js";
import { recordDecline, recordOffer } from "../../../src/guardrails/ledger.js";
import { type CompiledTone, compileDefaultTone } from "../../../src/policies/utterance/toneSchema.js";

export const repoFile = (path: string): string => fileURLToPath(new URL(`../../../${path}`, import.meta.url));

let cached: CompiledTone | undefined;

/** `policies/tone/default-tone.yaml`, compiled (throws on errors: the file must be valid). */
export function defaultTone(): CompiledTone {
  if (cached) return cached;
  const result = compileDefaultTone(parse(readFileSync(repoFile("policies/tone/default-tone.yaml"), "utf8")));
  if (Array.isArray(result)) throw new Error(result.map((e) => `${e.path}: ${e.message}`).join("\n"));
  cached = result;
  return result;
}

const AT = "2026-11-23T10:00:00Z";

export function fee(kind: FeeLine["kind"], amount: number, currency: string, explanation = ""): FeeLine {
  return { ruleId: `${kind.replace("_", "-")}`, serviceId: "svc-1", kind, amount, currency, explanation };
}

export function waiver(
  kinds: FeeLine["kind"][],
  amount: number,
  currency: string,
  reason: string,
): WaiverApplied {
  return {
    ruleId: "waive-bereavement",
    serviceId: "svc-1",
    feeKinds: kinds,
    amountWaived: amount,
    currency,
    reason,
    evidence: [],
  };
}

export function service(fees: FeeLine[], waivers: WaiverApplied[], currency: string): ServiceOutcome {
  const gross = fees.reduce((s, f) => s + f.amount, 0);
  const waived = waivers.reduce((s, w) => s + w.amountWaived, 0);
  return {
    serviceId: "svc-1",
    serviceKind: "mobile",
    endDate: "2026-12-31",
    noticeDays: 30,
    fees,
    waivers,
    totalDue: Math.max(0, gross - waived),
    currency,
  };
}

export function retention(partial: Partial<RetentionAllowance> = {}): RetentionAllowance {
  return { allowed: true, remaining: 1, maxOffers: 1, offers: [], blockedBy: [], ...partial };
}

export function decision(parts: {
  services?: ServiceOutcome[];
  obligations?: Obligation[];
  retention?: RetentionAllowance;
}): Decision {
  const services = parts.services ?? [];
  const totals = new Map<string, number>();
  for (const s of services) totals.set(s.currency, (totals.get(s.currency) ?? 0) + s.totalDue);
  return {
    policyRevision: "test",
    decidedAt: AT,
    customerId: "c-1",
    facts: {},
    services,
    totals: [...totals].map(([currency, amount]) => ({ currency, amount })),
    waivers: services.flatMap((s) => s.waivers),
    obligations: parts.obligations ?? [],
    actions: services.map((s) => ({
      id: `end-${s.serviceId}`,
      ruleId: "end-service",
      kind: "end_service" as const,
      serviceId: s.serviceId,
      idempotencyKey: `end-${s.serviceId}`,
      params: {},
    })),
    retention: parts.retention ?? retention(),
    escalation: { required: false, reasons: [] },
    alumni: { contactAllowed: false, maxContacts: 0, quietDays: 90, reason: "no consent" },
    rootCause: { chain: [], links: [] },
    trace: [],
  };
}

export function obligation(
  id: string,
  topic: string,
  before: Obligation["before"],
  message: string,
): Obligation {
  return { id, ruleId: `${id}-rule`, topic, before, message, serviceIds: ["svc-1"] };
}

const SEK_EXIT = fee("exit_fee", 1197, "SEK", "3 remaining months × 399 SEK × 100%");
const unlock = obligation(
  "device-unlock",
  "device_unlock",
  "confirm",
  "We'll unlock your phone remotely today; you'll get a text when it's done.",
);
const offerLedger = recordOffer(emptyLedger(), { messageId: "t3", at: AT });

/** The decision (and ledger) contexts the corpus refers to by key. */
export const CONTEXTS: Record<string, { decision?: Decision; ledger?: Ledger }> = {
  fees_waived: {
    decision: decision({
      services: [
        service(
          [SEK_EXIT],
          [
            waiver(
              ["exit_fee"],
              1197,
              "SEK",
              "We've waived the exit fee of 1,197 SEK because of your bereavement.",
            ),
          ],
          "SEK",
        ),
      ],
      retention: retention({
        allowed: false,
        remaining: 0,
        blockedBy: [
          { ruleId: "no-offers-bereavement", reason: "no retention offers to a bereaved customer" },
        ],
      }),
    }),
  },
  fees_due: { decision: decision({ services: [service([SEK_EXIT], [], "SEK")] }) },
  fees_due_gbp: {
    decision: decision({
      services: [
        service(
          [
            fee("exit_fee", 30, "GBP", "3 remaining months × £10"),
            fee("device_balance", 120, "GBP", "6 × £20"),
          ],
          [],
          "GBP",
        ),
      ],
    }),
  },
  partial_waiver_eur: {
    decision: decision({
      services: [
        service(
          [fee("exit_fee", 100, "EUR", "Kündigungsgebühr")],
          [waiver(["exit_fee"], 50, "EUR", "Wir erlassen die Hälfte der Kündigungsgebühr.")],
          "EUR",
        ),
      ],
    }),
  },
  remote_unlock: {
    decision: decision({ services: [service([], [], "GBP")], obligations: [unlock] }),
  },
  offer_available: {
    decision: decision({ services: [service([SEK_EXIT], [], "SEK")] }),
    ledger: emptyLedger(),
  },
  offer_declined: {
    decision: decision({ services: [service([SEK_EXIT], [], "SEK")] }),
    ledger: recordDecline(offerLedger, { messageId: "t4", at: AT }),
  },
  offers_exhausted: {
    decision: decision({
      services: [service([SEK_EXIT], [], "SEK")],
      retention: retention({ remaining: 0 }),
    }),
    ledger: offerLedger,
  },
};
