/**
 * What a report is computed from, read once through the `InsightsSource`: the range checked,
 * the audit entries grouped by conversation, each conversation in the range with its stored
 * record and customer, and the stage each obligation is due before (from the policy, when given).
 */
import type { AuditEntry } from "../domain/auditEntry.js";
import type { Conversation } from "../domain/conversation.js";
import type { Customer } from "../domain/customer.js";
import { addDays, isoDate, toMillis } from "../domain/dates.js";
import type { Stage } from "../domain/decision.js";
import type { CompiledPolicy } from "../policies/index.js";
import type { InsightsSource } from "./ports.js";

/** The days a report covers and what it is built with. */
export interface ReportOptions {
  /** First day, YYYY-MM-DD (UTC); default: 30 days before `to`. */
  from?: string;
  /** Last day, YYYY-MM-DD (UTC), inclusive; default: the day of `now`. */
  to?: string;
  /** When the report is built (its `generatedAt`, and the default `to`). */
  now: Date;
  /**
   * The policy in force: which stage each obligation is due before, so an obligation due
   * only after the confirmation (the receipt, the farewell) is not counted as missing. Without
   * it every obligation of the decision counts as due before confirmation (the stricter check).
   */
  policy?: CompiledPolicy;
}

/** The error for a range a report cannot be built for: names what was wrong. */
export class ReportRangeError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "ReportRangeError";
  }
}

/** One conversation's audit record, with the stored conversation and customer when known. */
export interface ConversationView {
  id: string;
  /** Agent assist's own record (`assist:<sessionId>`), not a bot conversation. */
  assist: boolean;
  /** Every entry of the conversation, in or out of the range, in order. */
  entries: AuditEntry[];
  conversation?: Conversation;
  customer?: Customer;
  /** The first `confirmation` with answer `yes`, when it is in the range. */
  confirmation?: AuditEntry;
}

export interface ReportInput {
  from: string;
  to: string;
  inRange(at: string): boolean;
  allEntries: number;
  conversationCount: number;
  customers: Map<string, Customer>;
  /** Conversations with at least one audit entry in the range, by id. */
  conversations: Map<string, ConversationView>;
  /** The entries in the range, in order. */
  entries: AuditEntry[];
  /** The stage an obligation is due before; undefined when the policy does not say (or was not given). */
  obligationStage(obligationId: string): Stage | undefined;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkDate(name: string, value: string): string {
  if (!DATE.test(value) || isoDate(toMillis(value)) !== value)
    throw new ReportRangeError(`${name}: expected a date as YYYY-MM-DD, got ${JSON.stringify(value)}`);
  return value;
}

/** The range, checked: both dates real, `from` not after `to`. */
export function reportRange(o: Pick<ReportOptions, "from" | "to" | "now">): { from: string; to: string } {
  if (Number.isNaN(o.now.getTime())) throw new ReportRangeError("now: not a valid date");
  const to = o.to === undefined ? isoDate(o.now) : checkDate("to", o.to);
  const from = o.from === undefined ? addDays(to, -30) : checkDate("from", o.from);
  if (from > to) throw new ReportRangeError(`from (${from}) is after to (${to})`);
  return { from, to };
}

/** Obligation id -> the stage it is due before, from the rule ids of every pack (later packs win). */
function stagesOf(policy: CompiledPolicy | undefined): (obligationId: string) => Stage | undefined {
  if (!policy) return () => undefined;
  const byRule = new Map<string, Stage>();
  for (const pack of policy.packs) for (const o of pack.obligations) byRule.set(o.id, o.before);
  // An obligation id is its rule id, plus `:<service or device id>` when per service or device.
  return (id) =>
    byRule.get(id) ?? byRule.get(id.slice(0, id.indexOf(":") === -1 ? id.length : id.indexOf(":")));
}

export async function readReportInput(source: InsightsSource, o: ReportOptions): Promise<ReportInput> {
  const { from, to } = reportRange(o);
  const start = toMillis(from);
  const end = toMillis(addDays(to, 1));
  const inRange = (at: string) => {
    const t = toMillis(at);
    return t >= start && t < end;
  };
  const [audit, summaries, customerList] = await Promise.all([
    source.audit(),
    source.conversations(),
    source.customers(),
  ]);
  const customers = new Map(customerList.map((c) => [c.id, c]));
  const grouped = new Map<string, AuditEntry[]>();
  for (const e of audit) {
    const list = grouped.get(e.conversationId);
    if (list) list.push(e);
    else grouped.set(e.conversationId, [e]);
  }
  const entries = audit.filter((e) => inRange(e.at));
  const conversations = new Map<string, ConversationView>();
  for (const id of new Set(entries.map((e) => e.conversationId))) {
    const all = (grouped.get(id) ?? []).sort((a, b) => a.seq - b.seq);
    const assist = id.startsWith("assist:");
    const conversation = assist ? undefined : await source.conversation(id);
    const customer = conversation?.customerId ? customers.get(conversation.customerId) : undefined;
    const yes = all.find((e) => e.kind === "confirmation" && e.data.answer === "yes");
    conversations.set(id, {
      id,
      assist,
      entries: all,
      ...(conversation ? { conversation } : {}),
      ...(customer ? { customer } : {}),
      ...(yes && inRange(yes.at) ? { confirmation: yes } : {}),
    });
  }
  return {
    from,
    to,
    inRange,
    allEntries: audit.length,
    conversationCount: summaries.length,
    customers,
    conversations,
    entries,
    obligationStage: stagesOf(o.policy),
  };
}

/** The confirmed cancellations in the range, in order of confirmation. */
export function confirmedViews(input: ReportInput): (ConversationView & { confirmation: AuditEntry })[] {
  return [...input.conversations.values()]
    .filter((v): v is ConversationView & { confirmation: AuditEntry } => v.confirmation !== undefined)
    .sort((a, b) => a.confirmation.seq - b.confirmation.seq);
}

/** The last `decision` entry before `seq` (the decision a confirmation or an offer was made under). */
export function decisionBefore(view: ConversationView, seq: number): AuditEntry | undefined {
  let found: AuditEntry | undefined;
  for (const e of view.entries) if (e.seq < seq && e.kind === "decision") found = e;
  return found;
}

/** A string field of an entry's data, when it is one. */
export const text = (e: AuditEntry, field: string): string | undefined => {
  const v = e.data[field];
  return typeof v === "string" ? v : undefined;
};
