/**
 * Building blocks of the report's figures: counts with the conversations behind them, figures
 * under labels, and money kept per currency (never added across currencies).
 */
import { roundMoney } from "../domain/money.js";
import type { Figure, LabelledFigure, MoneyFigure } from "./reportTypes.js";

const sortedUnique = (ids: Iterable<string>): string[] => [...new Set(ids)].sort();

/** A figure counting each id given (an id given twice counts twice, is listed once). */
export function figure(ids: readonly string[]): Figure {
  return { count: ids.length, conversationIds: sortedUnique(ids) };
}

/** Ids gathered under labels, in the order labels first appear. */
export class Tally {
  private readonly byLabel = new Map<string, string[]>();

  add(label: string, conversationId: string): void {
    const ids = this.byLabel.get(label);
    if (ids) ids.push(conversationId);
    else this.byLabel.set(label, [conversationId]);
  }

  ids(label: string): string[] {
    return this.byLabel.get(label) ?? [];
  }

  labels(): string[] {
    return [...this.byLabel.keys()];
  }

  /** Largest count first, then by label; `always` labels are listed even at 0. */
  figures(always: readonly string[] = []): LabelledFigure[] {
    const labels = new Set([...always, ...this.byLabel.keys()]);
    return [...labels]
      .map((label) => ({ label, ...figure(this.ids(label)) }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label));
  }
}

/** Amounts per currency with the conversations behind them. */
export class MoneyTally {
  private readonly byCurrency = new Map<string, { amount: number; ids: string[] }>();

  add(currency: string, amount: number, conversationId: string): void {
    const m = this.byCurrency.get(currency) ?? { amount: 0, ids: [] };
    m.amount = roundMoney(m.amount + amount);
    m.ids.push(conversationId);
    this.byCurrency.set(currency, m);
  }

  /** By currency code. */
  figures(): MoneyFigure[] {
    return [...this.byCurrency.entries()]
      .sort(([a], [b]) => a.localeCompare(b))
      .map(([currency, m]) => ({ currency, amount: m.amount, conversationIds: sortedUnique(m.ids) }));
  }
}

/** `part / whole`, or null when there is no whole. */
export const share = (part: number, whole: number): number | null => (whole === 0 ? null : part / whole);
