/**
 * The report as JSON: the `Report` object checked against its schema before it is written (a
 * report that does not match its own type is a bug, reported as one, never written out).
 */
import { z } from "zod";
import type { Report } from "./reportTypes.js";

const Figure = z.strictObject({
  count: z.number().int().nonnegative(),
  conversationIds: z.array(z.string()),
});
const Labelled = Figure.extend({ label: z.string() });
const Money = z.strictObject({
  currency: z.string().regex(/^[A-Z]{3}$/),
  amount: z.number(),
  conversationIds: z.array(z.string()),
});
const Period = Figure.extend({ start: z.iso.date() });
const Share = z.number().min(0).max(1).nullable();

/** The JSON shape of a `Report` (src/insights/reportTypes.ts), for checking and for consumers. */
export const ReportSchema = z.strictObject({
  schemaVersion: z.literal(1),
  generatedAt: z.iso.datetime({ offset: true }),
  range: z.strictObject({ from: z.iso.date(), to: z.iso.date() }),
  read: z.strictObject({
    auditEntries: z.number().int(),
    conversations: z.number().int(),
    customers: z.number().int(),
  }),
  cancellations: z.strictObject({
    started: Figure,
    confirmed: Figure,
    stayed: Figure,
    overTime: z.strictObject({ day: z.array(Period), week: z.array(Period), month: z.array(Period) }),
    byStatedReason: z.array(Labelled),
    byRootCause: z.array(Labelled),
    byDepartmentInChain: z.array(Labelled),
    byChain: z.array(Labelled),
    leavers: z.array(
      z.strictObject({
        conversationId: z.string(),
        customerId: z.string(),
        confirmedAt: z.string(),
        statedReason: z.string(),
        rootCause: z.string(),
        chain: z.array(z.string()),
        links: z.array(
          z.strictObject({
            department: z.string(),
            firstAt: z.string(),
            kinds: z.array(z.string()),
            evidence: z.array(z.string()),
          }),
        ),
        policyRevision: z.string().optional(),
      }),
    ),
  }),
  policyKept: z.strictObject({
    disclosures: z.strictObject({
      confirmed: Figure,
      allBeforeConfirmation: Figure,
      share: Share,
      gaps: z.array(z.strictObject({ conversationId: z.string(), obligationIds: z.array(z.string()) })),
    }),
    botToneFindings: z.strictObject({ total: Figure, byCategory: z.array(Labelled) }),
    agentToneAlerts: z.strictObject({
      total: Figure,
      byCategory: z.array(Labelled),
      byAgent: z.array(Labelled),
    }),
    contradictions: z.strictObject({ bot: Figure, agents: Figure, byCategory: z.array(Labelled) }),
    customerSignals: z.array(Labelled),
  }),
  retention: z.strictObject({
    offersMade: Figure,
    accepted: Figure,
    declined: Figure,
    unclear: Figure,
    byRule: z.array(Labelled),
    overAllowance: z.strictObject({
      count: z.number().int().nonnegative(),
      violations: z.array(
        z.strictObject({
          conversationId: z.string(),
          offersMade: z.number(),
          allowed: z.number(),
          reason: z.string(),
        }),
      ),
    }),
  }),
  money: z.strictObject({
    waiversByRule: z.array(
      Labelled.extend({
        group: z.enum(["promise_honoured", "cooling_off", "our_error", "circumstances", "other"]),
        amounts: z.array(Money),
      }),
    ),
    waiversByGroup: z.array(Labelled.extend({ amounts: z.array(Money) })),
    waivedTotal: z.array(Money),
    chargedTotal: z.array(Money),
    refunds: z.strictObject({
      disputes: z.strictObject({ count: Figure, amounts: z.array(Money) }),
      promotions: z.strictObject({ count: Figure }),
      undisclosedFees: z.strictObject({ count: Figure, amounts: z.array(Money) }),
    }),
  }),
  handovers: z.strictObject({ total: Figure, byReason: z.array(Labelled), afterCancellation: Figure }),
  policyRevisions: z.array(
    z.strictObject({
      revision: z.string(),
      firstSeen: z.string(),
      lastSeen: z.string(),
      decisions: Figure,
      confirmed: Figure,
      offersMade: Figure,
      offersAccepted: Figure,
      handovers: Figure,
      waived: z.array(Money),
      charged: z.array(Money),
      disclosureShare: Share,
    }),
  ),
}) satisfies z.ZodType<Report>;

/** The report, checked against `ReportSchema`, as indented JSON with a final newline. */
export function reportJson(report: Report): string {
  const checked = ReportSchema.safeParse(JSON.parse(JSON.stringify(report)));
  if (!checked.success)
    throw new Error(
      `report does not match its schema: ${checked.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ")}`,
    );
  return `${JSON.stringify(report, null, 2)}\n`;
}
