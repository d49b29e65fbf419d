/**
 * The labels an LLM may choose from when it classifies a customer message, each with the
 * one-line meaning it is shown. Written as records over the Understanding types, so adding a
 * label there without describing it here is a type error (and the zod enums built from these
 * keys always match the types).
 */
import { ServiceKind } from "./customer.js";
import type { ClaimedPromise, LeavingReason } from "./decision.js";
import type { Expectation, Intent, Topic } from "./understanding.js";

export type ClaimKind = NonNullable<ClaimedPromise["kind"]>;

export const INTENT_LABELS: Readonly<Record<Intent, string>> = {
  cancel: "wants to end one or more services",
  identify: "gives identity details (account number, postcode)",
  give_reason: "says why they are leaving",
  question: "asks a question (see topics)",
  yes: "agrees or confirms",
  no: "disagrees or refuses",
  accept_offer: "wants to hear or take a retention offer",
  decline_offer: "does not want an offer",
  ask_person: "wants to talk to a human person",
  keep_service: "decides to keep the service after all",
  greeting: "says hello",
  thanks: "says thank you",
  unknown: "none of the above",
};

export const TOPIC_LABELS: Readonly<Record<Topic, string>> = {
  fee: "fees, charges, cost of leaving",
  end_date: "when the service ends, notice period",
  device: "phone or device, unlocking, instalments",
  porting: "keeping or moving the phone number (PAC, STAC)",
  payment: "payments, direct debit, refunds",
  final_bill: "the last bill",
  equipment: "router, TV box or other equipment to return",
  data: "their personal data, data deletion, export",
  offer: "retention offers, discounts to stay",
  person: "talking to a human",
  other: "anything else",
};

export const REASON_LABELS: Readonly<Record<LeavingReason, string>> = {
  moving: "moving home (possibly abroad or outside coverage)",
  price: "too expensive, price rise",
  service_problems: "faults, outages, poor service or support",
  switching_provider: "going to another provider",
  bereavement: "the account holder has died",
  money_trouble: "cannot afford it, financial difficulty",
  changed_mind: "changed their mind about a recent purchase",
  other: "any other reason",
};

/**
 * Sentences of each claim kind, as the rules (`src/understanding`, `claimKind` in the lexicons)
 * classify them: the LLM is shown them so that it labels a sentence as the rules would, and the
 * policy's `unmatched_claims` compares the kind with the recorded promise's kind. Leaving for free
 * ("no charge to cancel") is a fee waiver; free cancellation is leaving at any time (no minimum
 * term), whatever the fee.
 */
export const CLAIM_KIND_EXAMPLES: Readonly<Record<ClaimKind, readonly string[]>> = {
  free_unlock: ["The salesperson said they would unlock the phone for free."],
  credit: ["They promised me a refund.", "I was told I'd get a credit on my bill."],
  discount: ["The salesman promised me a discount.", "I was told I'd get a cheaper rate."],
  free_cancellation: [
    "The salesman told me I could cancel any time.",
    "I was told there was no minimum term.",
  ],
  fee_waiver: [
    "He assured me there was no charge to cancel.",
    "The salesperson promised I could cancel for free.",
    "I was told the exit fee would be waived.",
  ],
  other: ["I was told I'd get a better speed."],
};

const saidAs = (kind: ClaimKind): string => CLAIM_KIND_EXAMPLES[kind].map((e) => `"${e}"`).join(", ");

export const CLAIM_KIND_LABELS: Readonly<Record<ClaimKind, string>> = {
  fee_waiver: `was told leaving (or something else) would cost nothing: no fee or charge to cancel, cancelling for free, a fee waived, e.g. ${saidAs("fee_waiver")}`,
  free_cancellation: `was told they could cancel at any time: no minimum term, no fixed contract period (about when they may leave, not the fee), e.g. ${saidAs("free_cancellation")}`,
  discount: `was promised a discount or a lower price, e.g. ${saidAs("discount")}`,
  free_unlock: `was promised a free device unlock, e.g. ${saidAs("free_unlock")}`,
  credit: `was promised a credit, refund or compensation, e.g. ${saidAs("credit")}`,
  other: `another promise, e.g. ${saidAs("other")}`,
};

export const SERVICE_KIND_LABELS: readonly ServiceKind[] = ServiceKind.options;

export const EXPECTATION_LABELS: Readonly<Record<Expectation, string>> = {
  anything: "nothing in particular",
  account_number: "their account number",
  postcode: "their postcode",
  services: "which services to end",
  reason: "why they are leaving",
  new_postcode: "the postcode they are moving to",
  keep_number: "whether to keep their phone number",
  confirm: "a yes/no confirmation",
  offer: "whether they want to hear an offer",
  consent: "their consent (yes/no)",
  survey: "an optional exit-survey answer",
};

/** The keys of a label record, typed as a non-empty tuple for `z.enum`. */
export function labelsOf<K extends string>(labels: Readonly<Record<K, string>>): [K, ...K[]] {
  return Object.keys(labels) as [K, ...K[]];
}
