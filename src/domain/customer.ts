/**
 * The single view of one customer across every system a contact center has: identity,
 * consents, services and contracts, devices, billing, promises made by sales or care, and
 * the interaction history across channels and departments.
 *
 * Every schema here is strict: an unknown field is an error, so a typo in a data file or an
 * import mapping is reported instead of silently dropped.
 */
import { z } from "zod";

/** A calendar date, `YYYY-MM-DD`. */
export const IsoDate = z.iso.date({ error: "expected a date as YYYY-MM-DD" });
/** An instant with an offset, e.g. `2026-03-10T14:05:00Z`. */
export const IsoDateTime = z.iso.datetime({ offset: true, error: "expected an ISO date-time with offset" });
/** ISO 4217 code, e.g. `GBP`, `SEK`, `EUR`, `USD`. */
export const Currency = z.string().regex(/^[A-Z]{3}$/, "expected an ISO 4217 currency code such as GBP");
/** A money amount in the currency's major unit (e.g. pounds), at most two decimals. */
export const Money = z
  .number()
  .finite()
  .refine((n) => Math.abs(Math.round(n * 100) - n * 100) < 1e-6, "expected at most two decimals");

/**
 * Where the customer's contract is governed: a country code, optionally with a region
 * (`UK`, `SE`, `DE`, `US-CA`). Policy packs select on it.
 */
export const Jurisdiction = z
  .string()
  .regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/, "expected a jurisdiction such as UK, DE or US-CA");

export const Channel = z.enum(["call", "chat", "email", "visit", "web", "sms", "letter", "app", "field"]);
export type Channel = z.infer<typeof Channel>;

export const Silo = z.enum([
  "sales",
  "install",
  "care",
  "billing",
  "network",
  "product",
  "retention",
  "collections",
]);
export type Silo = z.infer<typeof Silo>;

export const VulnerabilityFlag = z.enum([
  "bereavement",
  "financial_difficulty",
  "health",
  "accessibility",
  "elderly",
  "language",
  "other",
]);
export type VulnerabilityFlag = z.infer<typeof VulnerabilityFlag>;

export const Consent = z.strictObject({
  given: z.boolean(),
  at: IsoDateTime.optional(),
  channel: Channel.optional(),
  note: z.string().optional(),
});
export type Consent = z.infer<typeof Consent>;

export const Consents = z.strictObject({
  marketing: Consent.default({ given: false }),
  /** Contact after the customer has left. Never assumed: the default is no. */
  winBack: Consent.default({ given: false }),
});
export type Consents = z.infer<typeof Consents>;

export const Address = z.strictObject({
  line1: z.string().min(1),
  line2: z.string().optional(),
  city: z.string().min(1),
  postcode: z.string().min(2),
  country: z.string().regex(/^[A-Z]{2}$/, "expected an ISO 3166 country code such as GB"),
});
export type Address = z.infer<typeof Address>;

export const ServiceKind = z.enum([
  "mobile",
  "broadband",
  "tv",
  "landline",
  "subscription",
  "insurance",
  "banking",
  "energy",
  "other",
]);
export type ServiceKind = z.infer<typeof ServiceKind>;

export const SalesChannel = z.enum(["store", "phone", "web", "door_to_door", "partner", "app"]);

export const Contract = z.strictObject({
  /** When the contract was made (cooling-off periods count from here); absent = the start date. */
  signed: IsoDate.optional(),
  /** When the service under it started. */
  start: IsoDate,
  /** 0 = rolling, no minimum term. */
  minimumTermMonths: z.number().int().min(0).max(120),
  noticeDays: z.number().int().min(0).max(365),
  salesChannel: SalesChannel,
  autoRenews: z.boolean().default(false),
  /** Early-exit fee as a share of the remaining monthly fees, when the contract states one. */
  exitFeePercent: z.number().min(0).max(100).optional(),
});
export type Contract = z.infer<typeof Contract>;

/**
 * A promotion sold with the service: what was promised, the monthly amount, from when (and
 * until when) it runs, and whether billing applied it. A promotion sold but not applied is a
 * debt to the customer: `credited` is how much of what was missed has been credited since.
 */
export const Promo = z.strictObject({
  code: z.string().min(1),
  /** What was promised, in the words of the sale. */
  description: z.string().optional(),
  monthlyDiscount: Money.nonnegative(),
  /** How many monthly bills it applies to; absent = for as long as the contract runs. */
  months: z.number().int().positive().optional(),
  /** The first day it should apply; absent = the contract's start. */
  from: IsoDate.optional(),
  /** The last day it applies, when the sale named one (it also ends after `months` bills). */
  until: IsoDate.optional(),
  /** Did billing apply it? */
  applied: z.boolean(),
  /** What has been credited for the months it was not applied (a retry never credits twice). */
  credited: Money.nonnegative().default(0),
});
export type Promo = z.infer<typeof Promo>;

export const PriceChange = z.strictObject({
  from: Money.nonnegative(),
  to: Money.nonnegative(),
  at: IsoDate,
  /** Was the rise set out in the contract at sale (Ofcom: in pounds and pence since 2025)? */
  statedInContract: z.boolean(),
  notifiedAt: IsoDate.optional(),
});
export type PriceChange = z.infer<typeof PriceChange>;

export const Ownership = z.enum(["owned", "rented", "financed"]);

export const Device = z.strictObject({
  id: z.string().min(1),
  kind: z.enum(["handset", "router", "set_top_box", "modem", "tablet", "other"]),
  model: z.string().min(1),
  serial: z.string().optional(),
  imei: z
    .string()
    .regex(/^\d{15}$/, "expected a 15-digit IMEI")
    .optional(),
  locked: z.boolean().default(false),
  ownership: Ownership,
  financedBalance: Money.nonnegative().optional(),
  financedMonthsLeft: z.number().int().nonnegative().optional(),
  mustBeReturned: z.boolean().default(false),
});
export type Device = z.infer<typeof Device>;

export const Service = z.strictObject({
  id: z.string().min(1),
  kind: ServiceKind,
  plan: z.string().min(1),
  monthlyFee: Money.nonnegative(),
  currency: Currency,
  status: z.enum(["active", "pending", "ending", "ended"]).default("active"),
  address: Address.optional(),
  phoneNumber: z.string().optional(),
  promo: Promo.optional(),
  priceChanges: z.array(PriceChange).default([]),
  contract: Contract,
  devices: z.array(Device).default([]),
});
export type Service = z.infer<typeof Service>;

export const PaymentMethod = z.discriminatedUnion("kind", [
  z.strictObject({
    kind: z.literal("direct_debit"),
    mandateReference: z.string().min(1),
    bank: z.string().optional(),
  }),
  z.strictObject({
    kind: z.literal("card"),
    last4: z.string().regex(/^\d{4}$/),
    expires: z.string().optional(),
  }),
  z.strictObject({ kind: z.literal("invoice") }),
]);
export type PaymentMethod = z.infer<typeof PaymentMethod>;

export const Invoice = z.strictObject({
  id: z.string().min(1),
  issued: IsoDate,
  amount: Money,
  currency: Currency,
  paid: z.boolean(),
  lines: z
    .array(z.strictObject({ description: z.string(), amount: Money, serviceId: z.string().optional() }))
    .default([]),
});
export type Invoice = z.infer<typeof Invoice>;

export const Dispute = z.strictObject({
  id: z.string().min(1),
  opened: IsoDate,
  amount: Money.nonnegative(),
  currency: Currency,
  reason: z.string().min(1),
  open: z.boolean(),
  serviceId: z.string().optional(),
});
export type Dispute = z.infer<typeof Dispute>;

export const Billing = z.strictObject({
  paymentMethod: PaymentMethod,
  currency: Currency,
  /** Positive: the customer owes us. Negative: we owe the customer (credit). */
  balance: Money,
  invoices: z.array(Invoice).default([]),
  disputes: z.array(Dispute).default([]),
});
export type Billing = z.infer<typeof Billing>;

/** Conditions a promise can be tied to, in a form the policy engine matches on. */
export const PromiseCondition = z.enum([
  "always",
  "moving_out_of_coverage",
  "moving_abroad",
  "bereavement",
  "service_not_delivered",
  "price_rise",
  "job_loss",
  "other",
]);
export type PromiseCondition = z.infer<typeof PromiseCondition>;

export const PromiseKind = z.enum([
  "fee_waiver",
  "free_cancellation",
  "discount",
  "free_unlock",
  "credit",
  "callback",
  "other",
]);

export const SalesPromise = z.strictObject({
  id: z.string().min(1),
  date: IsoDate,
  /** Who made it: an agent id or name and the department. */
  by: z.string().min(1),
  silo: Silo,
  channel: Channel,
  /** The words as recorded. */
  words: z.string().min(1),
  structured: z.strictObject({
    kind: PromiseKind,
    condition: PromiseCondition,
    serviceIds: z.array(z.string()).default([]),
    amount: Money.nonnegative().optional(),
  }),
  evidence: z.string().optional(),
});
export type SalesPromise = z.infer<typeof SalesPromise>;

export const InteractionKind = z.enum([
  "sale",
  "install",
  "outage",
  "missed_appointment",
  "late_appointment",
  "equipment_failure",
  "billing_error",
  "undisclosed_fee",
  "complaint",
  "promise",
  "price_change",
  "enquiry",
  "retention_offer",
  "cancellation_request",
  "other",
]);
export type InteractionKind = z.infer<typeof InteractionKind>;

/**
 * Interaction kinds that are a failure of ours, of the department that recorded them: what the
 * engine's root cause, the report's attribution, the at-risk score and the history card all start
 * from (each says what it adds: a complaint, a price change). A complaint is not one by itself:
 * it is the customer telling us about a failure.
 */
export const SERVICE_FAILURES: readonly InteractionKind[] = [
  "outage",
  "missed_appointment",
  "late_appointment",
  "equipment_failure",
  "billing_error",
  "undisclosed_fee",
];

export const Interaction = z.strictObject({
  id: z.string().min(1),
  at: IsoDateTime,
  channel: Channel,
  silo: Silo,
  kind: InteractionKind,
  summary: z.string().min(1),
  resolved: z.boolean(),
  serviceId: z.string().optional(),
  agent: z.string().optional(),
  /** Free-form tags, e.g. `condescending` for a call a supervisor flagged. */
  tags: z.array(z.string()).default([]),
});
export type Interaction = z.infer<typeof Interaction>;

export const Customer = z
  .strictObject({
    id: z.string().regex(/^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/, "expected an id of letters, digits, - or _"),
    accountNumber: z.string().min(4),
    name: z.strictObject({ given: z.string().min(1), family: z.string().min(1) }),
    email: z.email(),
    phone: z.string().regex(/^\+[1-9]\d{6,14}$/, "expected an E.164 phone number such as +447700900123"),
    /** The postcode on the account; used to verify identity. */
    postcode: z.string().min(2),
    locale: z.string().regex(/^[a-z]{2}(-[A-Z]{2})?$/, "expected a locale such as en-GB"),
    jurisdiction: Jurisdiction,
    customerSince: IsoDate,
    vulnerabilities: z.array(VulnerabilityFlag).default([]),
    consents: Consents.default({ marketing: { given: false }, winBack: { given: false } }),
    address: Address,
    services: z.array(Service).min(1, "a customer has at least one service"),
    billing: Billing,
    promises: z.array(SalesPromise).default([]),
    interactions: z.array(Interaction).default([]),
  })
  .superRefine((c, ctx) => {
    const ids = new Set<string>();
    c.services.forEach((s, i) => {
      if (ids.has(s.id))
        ctx.addIssue({
          code: "custom",
          path: ["services", i, "id"],
          message: `duplicate service id ${s.id}`,
        });
      ids.add(s.id);
    });
    c.promises.forEach((p, i) => {
      p.structured.serviceIds.forEach((sid, j) => {
        if (!ids.has(sid))
          ctx.addIssue({
            code: "custom",
            path: ["promises", i, "structured", "serviceIds", j],
            message: `unknown service id ${sid}`,
          });
      });
    });
    c.interactions.forEach((it, i) => {
      if (it.serviceId && !ids.has(it.serviceId))
        ctx.addIssue({
          code: "custom",
          path: ["interactions", i, "serviceId"],
          message: `unknown service id ${it.serviceId}`,
        });
    });
  });
export type Customer = z.infer<typeof Customer>;
export type CustomerInput = z.input<typeof Customer>;

/** Which postcodes the company can serve, per service kind. */
export const CoverageArea = z.strictObject({
  country: z.string().regex(/^[A-Z]{2}$/),
  kind: ServiceKind,
  /**
   * Postcode prefixes that can be served, compared without spaces and in upper case, or `*`
   * for the whole country. Most countries match by plain prefix (`114` covers `114 55`). UK
   * postcodes match by their parts, so `M1` never covers `M14 5RT`: an area (`M`, `SW`) covers
   * every district of that area only, a district (`M14`, `SW1A`) covers that district, and a
   * longer prefix (`M145`, a sector) covers the postcodes that start with it.
   */
  postcodePrefixes: z.array(z.string().min(1)).min(1),
});
export type CoverageArea = z.infer<typeof CoverageArea>;

export const Coverage = z.array(CoverageArea);
export type Coverage = z.infer<typeof Coverage>;

/** Normalises a postcode for comparison: no spaces, upper case. */
export function normalisePostcode(postcode: string): string {
  return postcode.replace(/\s+/g, "").toUpperCase();
}

/** UK: the outward code is everything but the 3-character inward code (`M14 5RT` -> `M14`). */
function ukPrefixCovers(prefix: string, postcode: string): boolean {
  const outward = postcode.length > 4 ? postcode.slice(0, -3) : postcode;
  if (/^[A-Z]{1,2}$/.test(prefix)) return outward.replace(/\d.*$/, "") === prefix;
  if (prefix.length <= outward.length) return outward === prefix;
  return postcode.startsWith(prefix);
}

function prefixCovers(country: string, prefix: string, postcode: string): boolean {
  if (prefix === "*") return true;
  const pre = normalisePostcode(prefix);
  return country === "GB" ? ukPrefixCovers(pre, postcode) : postcode.startsWith(pre);
}

/** True when `postcode` in `country` can be served for `kind`. */
export function isCovered(coverage: Coverage, country: string, kind: ServiceKind, postcode: string): boolean {
  const p = normalisePostcode(postcode);
  return coverage.some(
    (a) =>
      a.country === country &&
      a.kind === kind &&
      a.postcodePrefixes.some((pre) => prefixCovers(country, pre, p)),
  );
}
