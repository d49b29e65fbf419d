/**
 * The embedded operations' journal as an append-only JSON Lines file: one line per executed
 * action, replayed on open, so an action executed before a restart is not executed again.
 */
import { z } from "zod";
import type { PlannedAction } from "../../domain/decision.js";
import type { ActionResult, OperationsJournal } from "../../execution/ports.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";

const Entry = z.strictObject({
  key: z.string(),
  action: z.record(z.string(), z.unknown()),
  result: z.record(z.string(), z.unknown()),
});

export class JsonlOperationsJournal implements OperationsJournal {
  private constructor(
    private readonly appender: JsonLinesAppender,
    private readonly results: Map<string, ActionResult>,
  ) {}

  static async open(file: string): Promise<JsonlOperationsJournal> {
    const entries = await readJsonLines(file, Entry);
    return new JsonlOperationsJournal(
      new JsonLinesAppender(file),
      new Map(entries.map((e) => [e.key, e.result])),
    );
  }

  async get(key: string) {
    return this.results.get(key);
  }

  async put(key: string, action: PlannedAction, result: ActionResult) {
    if (this.results.has(key)) return;
    this.results.set(key, result);
    await this.appender.append({ key, action: { ...action }, result });
  }
}
