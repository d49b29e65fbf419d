/**
 * What FairExit counts for operators (turns, decisions, hand-overs, assist latency), as a port:
 * the composition root counts through it and an adapter (src/adapters/metrics) turns it into
 * Prometheus text. No SDK here; `noMetrics` is the default that counts nothing.
 */
import type { AuditKind } from "./auditEntry.js";

export interface Metrics {
  /** A customer message handled by the bot (one turn, stored with its replies). */
  turnHandled(): void;
  /** Audit entries written; a `decision` entry is one decision of the policy. */
  auditRecorded(kind: AuditKind): void;
  /** A conversation handed over to a person. */
  handoverRequested(): void;
  /** How long an utterance took to become the assist view shown to the agent. */
  assistViewShown(seconds: number): void;
}

export const noMetrics: Metrics = {
  turnHandled() {},
  auditRecorded() {},
  handoverRequested() {},
  assistViewShown() {},
};

/** What `GET /metrics` serves: the exposition text and its content type. */
export interface MetricsExposition {
  readonly contentType: string;
  scrape(): Promise<string>;
}
