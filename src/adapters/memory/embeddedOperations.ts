/**
 * Operations for a deployment without a back-office integration: each action is recorded in a
 * journal (once per idempotency key) and answered with what the real system would return.
 * A dispute credit is carried out in the customer store when one is given: the disputes it
 * names are closed and the amount is credited to the balance (once, however often it runs).
 * A promotion credit books what the customer missed to the balance and records it on the
 * promotion (`credited`), so a retry or a second conversation never credits it twice.
 * The journal is a port (`OperationsJournal`): `MemoryOperationsJournal` here, JSON Lines in
 * src/adapters/files, PostgreSQL in src/adapters/postgres.
 */
import type { Customer } from "../../domain/customer.js";
import type { PlannedAction } from "../../domain/decision.js";
import { roundMoney } from "../../domain/money.js";
import type { CustomerStore } from "../../domain/ports.js";
import { PORTING_CODE_VALID_DAYS, portingCodeFor } from "../../execution/portingCode.js";
import type { ActionResult, Operations, OperationsJournal } from "../../execution/ports.js";

export class MemoryOperationsJournal implements OperationsJournal {
  readonly entries = new Map<string, { action: PlannedAction; result: ActionResult }>();
  async get(key: string) {
    return this.entries.get(key)?.result;
  }
  async put(key: string, action: PlannedAction, result: ActionResult) {
    if (!this.entries.has(key)) this.entries.set(key, { action, result });
  }
}

const addDays = (iso: string, days: number) => new Date(Date.parse(iso) + days * 86_400_000).toISOString();

export class EmbeddedOperations implements Operations {
  constructor(
    private readonly journal: OperationsJournal,
    private readonly now: () => Date,
    private readonly secret: string,
    /** Where disputes are closed and credits booked; without it a credit is only journalled. */
    private readonly customers?: Pick<CustomerStore, "get" | "upsertMany">,
  ) {}

  private effect(action: PlannedAction): ActionResult {
    const at = this.now().toISOString();
    switch (action.kind) {
      case "issue_porting_code": {
        const code = portingCodeFor(action.idempotencyKey, this.secret);
        const kind = action.params.keepNumber === false ? "STAC" : "PAC";
        return { code, kind, issuedAt: at, validUntil: addDays(at, PORTING_CODE_VALID_DAYS) };
      }
      case "request_unlock":
        return { unlockRequested: at, method: "remote", expectedWithin: "PT1H" };
      case "end_service":
        return {
          serviceId: action.serviceId,
          endsAt: action.at ?? action.params.endDate ?? at,
          scheduled: true,
        };
      case "final_bill":
        // What the decision says leaving costs, as it said it; never a made-up 0.
        return action.params.forLeaving === undefined
          ? { issuedAt: at }
          : { forLeaving: String(action.params.forLeaving), issuedAt: at };
      case "credit_dispute":
        throw new Error("credit_dispute is carried out by credit()");
      case "credit_promotion":
        throw new Error("credit_promotion is carried out by creditPromotion()");
      case "cancel_payment_mandate":
        return { mandateCancelAt: action.at ?? at };
      case "equipment_return_label":
        return { label: `RET-${action.idempotencyKey.slice(-8).toUpperCase()}`, returnBy: addDays(at, 30) };
      case "send_receipt":
      case "schedule_message":
        return { recorded: at };
    }
  }

  async execute(action: PlannedAction): Promise<ActionResult> {
    const earlier = await this.journal.get(action.idempotencyKey);
    if (earlier) return earlier;
    const result =
      action.kind === "credit_dispute"
        ? await this.credit(action)
        : action.kind === "credit_promotion"
          ? await this.creditPromotion(action)
          : this.effect(action);
    await this.journal.put(action.idempotencyKey, action, result);
    return result;
  }

  /**
   * Credits the decision's amount for the open disputes it names and closes them. An action
   * without an amount fails (and is retried, then reported) rather than crediting nothing.
   */
  private async credit(action: PlannedAction): Promise<ActionResult> {
    const at = this.now().toISOString();
    const amount = Number(action.params.amount);
    const currency = String(action.params.currency ?? "");
    if (action.params.amount === undefined || !Number.isFinite(amount) || amount <= 0 || currency === "")
      throw new Error(
        `credit_dispute ${action.idempotencyKey}: params.amount and params.currency must give the amount to credit (got ${JSON.stringify(action.params.amount)} ${JSON.stringify(action.params.currency)})`,
      );
    const disputeIds = String(action.params.disputeIds ?? "")
      .split(",")
      .map((id) => id.trim())
      .filter((id) => id !== "");
    const customerId = (action as PlannedAction & { customerId?: unknown }).customerId;
    const closed =
      this.customers && typeof customerId === "string"
        ? await closeDisputes(this.customers, customerId, disputeIds)
        : [];
    return { credited: roundMoney(amount), currency, disputeIds, closed, at };
  }

  /**
   * Credits what the customer missed of a promotion never applied, in the decision's amount,
   * and records it on the promotion. An action without an amount fails rather than crediting
   * nothing; what was already credited is never credited again.
   */
  private async creditPromotion(action: PlannedAction): Promise<ActionResult> {
    const at = this.now().toISOString();
    const amount = Number(action.params.amount);
    const currency = String(action.params.currency ?? "");
    const promoCode = String(action.params.promoCode ?? "");
    if (action.params.amount === undefined || !Number.isFinite(amount) || amount <= 0 || currency === "")
      throw new Error(
        `credit_promotion ${action.idempotencyKey}: params.amount and params.currency must give the amount to credit (got ${JSON.stringify(action.params.amount)} ${JSON.stringify(action.params.currency)})`,
      );
    const customerId = (action as PlannedAction & { customerId?: unknown }).customerId;
    const booked =
      this.customers && typeof customerId === "string" && action.serviceId
        ? await bookPromotionCredit(
            this.customers,
            customerId,
            action.serviceId,
            promoCode,
            amount,
            missed(action),
          )
        : undefined;
    return { credited: roundMoney(amount), currency, promoCode, serviceId: action.serviceId, booked, at };
  }
}

/** The whole amount missed (before earlier credits), when the action says it. */
function missed(action: PlannedAction): number | undefined {
  const n = Number(action.params.missed);
  return action.params.missed !== undefined && Number.isFinite(n) ? n : undefined;
}

/**
 * Books a promotion credit: the balance goes down by `amount` (the decision's, which already
 * took off what was credited before), but never past the whole amount missed (`missedTotal`),
 * and the promotion records it. Returns what was booked now (0 when a retry finds it booked).
 */
async function bookPromotionCredit(
  customers: Pick<CustomerStore, "get" | "upsertMany">,
  customerId: string,
  serviceId: string,
  promoCode: string,
  amount: number,
  missedTotal: number | undefined,
): Promise<number> {
  const customer = await customers.get(customerId);
  if (!customer) throw new Error(`credit_promotion: customer ${customerId} is not in the store`);
  const service = customer.services.find((s) => s.id === serviceId);
  if (!service?.promo || (promoCode !== "" && service.promo.code !== promoCode))
    throw new Error(`credit_promotion: service ${serviceId} has no promotion ${promoCode}`);
  const already = service.promo.credited ?? 0;
  const booking = roundMoney(
    missedTotal === undefined ? amount : Math.max(0, Math.min(amount, missedTotal - already)),
  );
  if (booking <= 0) return 0;
  const updated: Customer = structuredClone(customer);
  const promo = updated.services.find((s) => s.id === serviceId)!.promo!;
  promo.credited = roundMoney(already + booking);
  updated.billing.balance = roundMoney(updated.billing.balance - booking);
  await customers.upsertMany([updated]);
  return booking;
}

/**
 * Closes the named disputes still open and credits their amounts to the balance (a negative
 * balance is what we owe). Disputes already closed are left alone, so a retry credits nothing twice.
 */
async function closeDisputes(
  customers: Pick<CustomerStore, "get" | "upsertMany">,
  customerId: string,
  disputeIds: readonly string[],
): Promise<string[]> {
  const customer = await customers.get(customerId);
  if (!customer) throw new Error(`credit_dispute: customer ${customerId} is not in the store`);
  const closing = customer.billing.disputes.filter((d) => d.open && disputeIds.includes(d.id));
  if (closing.length === 0) return [];
  const credit = closing.reduce((sum, d) => sum + d.amount, 0);
  const updated: Customer = structuredClone(customer);
  updated.billing.disputes = updated.billing.disputes.map((d) =>
    closing.some((c) => c.id === d.id) ? { ...d, open: false } : d,
  );
  updated.billing.balance = roundMoney(updated.billing.balance - credit);
  await customers.upsertMany([updated]);
  return closing.map((d) => d.id);
}
