/**
 * The Metrics port in Prometheus exposition format, with prom-client and a registry of its own
 * (never the global default, so two Apps in one process, as tests run them, do not mix counts).
 * The outbox gauges are read from the outbox store at each scrape.
 *
 *     fairexit_turns_total                       customer messages handled
 *     fairexit_decisions_total                   policy decisions recorded
 *     fairexit_handovers_total                   conversations handed to a person
 *     fairexit_audit_entries_total{kind}         audit entries written, by kind
 *     fairexit_outbox_pending                    items waiting for delivery
 *     fairexit_outbox_oldest_due_age_seconds     how long the oldest due item has waited (0: none)
 *     fairexit_assist_latency_seconds            utterance to assist view (histogram)
 */
import { Counter, Gauge, Histogram, Registry } from "prom-client";
import type { AuditKind } from "../../domain/auditEntry.js";
import type { Metrics, MetricsExposition } from "../../domain/metrics.js";
import type { OutboxStore } from "../../execution/ports.js";

export interface PrometheusMetricsDeps {
  outbox: OutboxStore;
  now: () => Date;
}

export function prometheusMetrics(deps: PrometheusMetricsDeps): Metrics & MetricsExposition {
  const registry = new Registry();
  const turns = new Counter({
    name: "fairexit_turns_total",
    help: "Customer messages handled by the bot (a turn stored with its replies).",
    registers: [registry],
  });
  const decisions = new Counter({
    name: "fairexit_decisions_total",
    help: "Policy decisions recorded in the audit trail.",
    registers: [registry],
  });
  const handovers = new Counter({
    name: "fairexit_handovers_total",
    help: "Conversations handed over to a person.",
    registers: [registry],
  });
  const audit = new Counter({
    name: "fairexit_audit_entries_total",
    help: "Audit entries written, by kind.",
    labelNames: ["kind"] as const,
    registers: [registry],
  });
  const latency = new Histogram({
    name: "fairexit_assist_latency_seconds",
    help: "Time from an utterance reaching the assist desk to its view.",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  // One read of the pending items per scrape, shared by both gauges.
  let pending: Promise<{ count: number; oldestDueAge: number }> | undefined;
  const readOutbox = () => {
    pending ??= (async () => {
      try {
        const now = deps.now().getTime();
        const items = await deps.outbox.list({ status: "pending" });
        const due = items.map((i) => Date.parse(i.dueAt)).filter((t) => t <= now);
        return { count: items.length, oldestDueAge: due.length > 0 ? (now - Math.min(...due)) / 1000 : 0 };
      } finally {
        setImmediate(() => {
          pending = undefined;
        });
      }
    })();
    return pending;
  };
  new Gauge({
    name: "fairexit_outbox_pending",
    help: "Outbox items (actions, messages) waiting for delivery.",
    registers: [registry],
    async collect() {
      this.set((await readOutbox()).count);
    },
  });
  new Gauge({
    name: "fairexit_outbox_oldest_due_age_seconds",
    help: "How long the oldest due outbox item has been waiting (0 when none is due).",
    registers: [registry],
    async collect() {
      this.set((await readOutbox()).oldestDueAge);
    },
  });

  return {
    contentType: registry.contentType,
    scrape: () => registry.metrics(),
    turnHandled: () => turns.inc(),
    auditRecorded(kind: AuditKind) {
      audit.inc({ kind });
      if (kind === "decision") decisions.inc();
    },
    handoverRequested: () => handovers.inc(),
    assistViewShown: (seconds) => latency.observe(seconds),
  };
}
