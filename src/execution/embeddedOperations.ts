/**
 * Operations for a deployment without a back-office integration: each action is recorded in a
 * journal (once per idempotency key) and answered with what the real system would return.
 */
import type { PlannedAction } from "../policies/decision.js";
import { PORTING_CODE_VALID_DAYS, portingCodeFor } from "./portingCode.js";
import type { ActionResult, Operations } from "./ports.js";

export interface OperationsJournal {
  get(key: string): Promise<ActionResult | undefined>;
  put(key: string, action: PlannedAction, result: ActionResult): Promise<void>;
}

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
        return { estimate: action.params.amount ?? 0, currency: action.params.currency, issuedAt: at };
      case "credit_dispute":
        return { credited: action.params.amount ?? 0, disputeId: action.params.disputeId, at };
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
    const result = this.effect(action);
    await this.journal.put(action.idempotencyKey, action, result);
    return result;
  }
}
