import { EventSourcedOutbox, OutboxEvent } from "../../execution/outboxLog.js";
import { JsonLinesAppender, readJsonLines } from "./jsonLines.js";

/** The outbox as an append-only JSON Lines file of events, replayed on open. */
export async function openJsonlOutbox(file: string): Promise<EventSourcedOutbox> {
  const history = await readJsonLines(file, OutboxEvent);
  const appender = new JsonLinesAppender(file);
  return new EventSourcedOutbox((e) => appender.append(e), history);
}
