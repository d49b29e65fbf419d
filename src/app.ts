/**
 * The composition root: the one place that turns configuration into adapters and hands them
 * to the features. Everything else receives its dependencies as arguments.
 */
import { join } from "node:path";
import {
  type BotFrameworkEndpoint,
  createBotFrameworkEndpoint,
} from "./adapters/botframework/botFrameworkEndpoint.js";
import { dataFolderSecret, randomSecret } from "./adapters/files/dataFolderSecret.js";
import { EmbeddedNotifier } from "./adapters/files/embeddedNotifier.js";
import { ALUMNI_CONTACTS_FILE, openJsonlAlumniContacts } from "./adapters/files/jsonlAlumniContacts.js";
import { JsonlHandover } from "./adapters/files/jsonlHandover.js";
import { JsonlOperationsJournal } from "./adapters/files/jsonlOperationsJournal.js";
import { openJsonlOutbox } from "./adapters/files/jsonlOutbox.js";
import { readCustomerFile } from "./adapters/files/readCustomerFile.js";
import { createLogger } from "./adapters/logging/pinoLogger.js";
import { dataFolderReadiness } from "./adapters/lowdb/dataFolderReadiness.js";
import { openLowdbStore } from "./adapters/lowdb/lowdbStore.js";
import { EmbeddedOperations, MemoryOperationsJournal } from "./adapters/memory/embeddedOperations.js";
import { MemoryAlumniContacts } from "./adapters/memory/memoryAlumniContacts.js";
import { MemoryDirectLineLog } from "./adapters/memory/memoryDirectLineLog.js";
import { MemoryHandover } from "./adapters/memory/memoryHandover.js";
import { MemoryNotifier } from "./adapters/memory/memoryNotifier.js";
import { MemoryOneTimeTokens } from "./adapters/memory/memoryOneTimeTokens.js";
import { MemoryOutboxStore } from "./adapters/memory/memoryOutbox.js";
import { memoryRateBuckets } from "./adapters/memory/memoryRateBuckets.js";
import { openMemoryStore } from "./adapters/memory/memoryStore.js";
import { meteredAuditLog, meteredConversations, meteredDesk } from "./adapters/metrics/meteredParts.js";
import { prometheusMetrics } from "./adapters/metrics/prometheusMetrics.js";
import { openAiLlmFrom } from "./adapters/openai/openAiLlm.js";
import { readCaseLibrary } from "./adapters/policyFolder/caseLibrary.js";
import { policyFolderSource, readPolicyFolder } from "./adapters/policyFolder/policyFolder.js";
import { readSpeechModelFile } from "./adapters/policyFolder/speechModelFile.js";
import { listenForAssistChanges } from "./adapters/postgres/assistNotifications.js";
import type { Database } from "./adapters/postgres/database.js";
import { databaseReadiness } from "./adapters/postgres/databaseReadiness.js";
import { holdInstanceLiveness, type InstanceLiveness } from "./adapters/postgres/instanceLiveness.js";
import { PgAlumniContacts } from "./adapters/postgres/pgAlumniContacts.js";
import { PgAssistSessions } from "./adapters/postgres/pgAssistSessions.js";
import { pgBotTables } from "./adapters/postgres/pgBotTables.js";
import { PgDirectLineLog } from "./adapters/postgres/pgDirectLineLog.js";
import { PgOneTimeTokens } from "./adapters/postgres/pgOneTimeTokens.js";
import { pgRateBuckets } from "./adapters/postgres/pgRateBuckets.js";
import { databaseOf, openPostgresStore } from "./adapters/postgres/pgStore.js";
import { sharedAssistDesk } from "./adapters/postgres/sharedAssistDesk.js";
import { createSlackAssist, type SlackAssist } from "./adapters/slack/slackAssist.js";
import { WebhookNotifier, WebhookOperations } from "./adapters/webhook/webhookOperations.js";
import { createAssistDesk } from "./assist/assistDesk.js";
import type { AssistDesk } from "./assist/desk.js";
import { AuditTrail } from "./audit/auditTrail.js";
import { ConversationEngine } from "./bot/conversationEngine.js";
import { DirectLineConversations } from "./channels/directLine/directLineConversations.js";
import { DirectLineTokens } from "./channels/directLine/directLineToken.js";
import type { Config } from "./config.js";
import { clockStartingAt, systemClock } from "./domain/clock.js";
import type { ObservableHandover } from "./domain/handover.js";
import type { Logger } from "./domain/logger.js";
import type { Metrics, MetricsExposition } from "./domain/metrics.js";
import type { OneTimeTokens } from "./domain/oneTimeTokens.js";
import type { Clock, CustomerStore, Store } from "./domain/ports.js";
import type { RateBucketStore } from "./domain/rateBuckets.js";
import type { ReadinessCheck } from "./domain/readiness.js";
import { dispatchDue } from "./execution/dispatchOutbox.js";
import { outboxReadiness } from "./execution/outboxGivenUp.js";
import type { Notifier, Operations, OutboxStore } from "./execution/ports.js";
import { AlumniRegister } from "./insights/alumniRegister.js";
import { createInsights, type Insights } from "./insights/insightsService.js";
import type { PolicyFiles } from "./insights/policyPanel.js";
import { insightsSourceOf } from "./insights/ports.js";
import { createPolicyHolder, type PolicyHolder } from "./policies/policyHolder.js";
import { understand } from "./understanding/understandByRules.js";

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  policies: PolicyHolder;
  /** Reads the policy folder and the draft folder for the supervisor dashboard's policy panel. */
  policyFiles: PolicyFiles;
  bot: BotAdapters;
  engine: ConversationEngine;
  /** Alumni: may a former customer be contacted, record contacts under the cap, the do-not-contact list (docs/alumni.md). */
  alumni: AlumniRegister;
  /** Supervisors' insights: the source they read and the report over a range (src/insights/report.ts). */
  insights: Insights;
  /** Agent assist: live sessions, checklist, alerts, next thing to say, history (src/assist). */
  assist: AssistDesk;
  /** Agent assist in Slack (POST /slack/events); undefined when SLACK_* is not configured. */
  slack: SlackAssist | undefined;
  /** POST /api/messages (Bot Framework channels, Teams, the Emulator). */
  botFramework: BotFrameworkEndpoint;
  /** FairExit's own Direct Line endpoint, for Web Chat without a cloud service. */
  directLine: { conversations: DirectLineConversations; tokens: DirectLineTokens };
  /** Agent console login links work once: across every instance on PostgreSQL, else in memory. */
  oneTimeTokens: OneTimeTokens;
  /** The rate limits' buckets: decided in memory, synced with every instance through PostgreSQL (`sync()` at once). */
  rateBuckets: RateBucketStore;
  readiness: ReadinessCheck[];
  /** Turns, decisions, hand-overs, outbox, assist latency: GET /metrics (Prometheus text). */
  metrics: Metrics & MetricsExposition;
  /** Delivers due outbox items (scheduled messages, retries) every `everyMs`; returns a stop function. */
  startDispatcher(everyMs?: number): () => void;
  close(): Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  clock?: Clock;
  store?: Store;
  /** How often the rate limits sync with the other instances on PostgreSQL, ms (default 250; 0: only on `rateBuckets.sync()`). */
  rateLimitSyncMs?: number;
}

/** Opens the store the configuration names; the embedded one is seeded from the demo data. */
export async function openConfiguredStore(config: Config, logger: Logger): Promise<Store> {
  if (config.database) {
    const store = await openPostgresStore(config.database.url, {
      auditKey: config.auditKey ?? "",
      logger,
      migrate: config.database.migrateAtStart,
    });
    for (const migration of store.migrated.applied)
      logger.info({ migration, database: store.db.where }, "database migrated");
    if ((await store.customers.count()) === 0) {
      const demo = await readCustomerFile(config.demoData);
      await store.customers.upsertMany(demo.customers);
      await store.customers.setCoverage(demo.coverage);
      logger.warn(
        { database: store.db.where },
        "PostgreSQL store had no customers: seeded from the demo data",
      );
    }
    return store;
  }
  if (config.store === "memory") {
    const store = openMemoryStore();
    const demo = await readCustomerFile(config.demoData);
    await store.customers.upsertMany(demo.customers);
    await store.customers.setCoverage(demo.coverage);
    return store;
  }
  const store = await openLowdbStore(config.dataDir, {
    seed: () => readCustomerFile(config.demoData),
    auditKey: config.auditKey,
  });
  if (store.seeded) logger.info({ dataDir: config.dataDir }, "embedded store created from the demo data");
  for (const step of store.migrated)
    logger.warn({ step }, "customer file migrated; the original is kept as .bak");
  return store;
}

export interface BotAdapters {
  outbox: OutboxStore;
  operations: Operations;
  notifier: Notifier;
  handover: ObservableHandover;
  /** PostgreSQL: this instance's liveness lock (its outbox claims), released by `close` before the pool. */
  liveness?: InstanceLiveness;
}

export interface BotAdapterOptions {
  kind: string;
  dataDir: string;
  secret: string;
  operationsUrl?: string;
  notifyUrl?: string;
  webhookSecret?: string;
  clock: Clock;
  logger: Logger;
  /** Where embedded operations close credited disputes. */
  customers?: CustomerStore;
  /** PostgreSQL (the store's pool): outbox, journal, notifications and hand-overs go there too. */
  database?: Database;
  /** PostgreSQL: how long an outbox claim is left to an instance that may be alive (default 60 s). */
  outboxLeaseMs?: number;
}

/**
 * The conversation engine's outbox, operations, notifier and hand-over for a store kind: the
 * embedded ones keep their files in the data folder, the memory ones in memory; webhooks
 * replace operations and the notifier when configured.
 */
export async function composeBotAdapters(o: BotAdapterOptions): Promise<BotAdapters> {
  const now = () => o.clock.now();
  const persistent = o.kind !== "memory";
  // Held before anything is claimed: another instance takes over our claims once it is gone.
  const liveness = o.database ? await holdInstanceLiveness(o.database, o.logger) : undefined;
  const pg = o.database
    ? pgBotTables(o.database, now, o.logger, { liveness, leaseMs: o.outboxLeaseMs })
    : undefined;
  const webhook = (url: string | undefined) =>
    url && o.webhookSecret ? { url, secret: o.webhookSecret } : undefined;
  const ops = webhook(o.operationsUrl);
  const notify = webhook(o.notifyUrl);
  const operations: Operations = ops
    ? new WebhookOperations(ops.url, { secret: ops.secret })
    : new EmbeddedOperations(
        pg
          ? pg.journal
          : persistent
            ? await JsonlOperationsJournal.open(join(o.dataDir, "operations.jsonl"))
            : new MemoryOperationsJournal(),
        now,
        o.secret,
        o.customers,
      );
  const notifier: Notifier = notify
    ? new WebhookNotifier(notify.url, { secret: notify.secret })
    : pg
      ? pg.notifier
      : persistent
        ? await EmbeddedNotifier.open(join(o.dataDir, "notifications.jsonl"), now, o.logger)
        : new MemoryNotifier(now);
  return {
    outbox: pg
      ? pg.outbox
      : persistent
        ? await openJsonlOutbox(join(o.dataDir, "outbox.jsonl"))
        : new MemoryOutboxStore(),
    operations,
    notifier,
    handover: pg
      ? pg.handover
      : persistent
        ? new JsonlHandover(join(o.dataDir, "handovers.jsonl"), o.logger)
        : new MemoryHandover(),
    ...(liveness ? { liveness } : {}),
  };
}

/**
 * The secret when FAIREXIT_SECRET is unset: random, kept in the data folder (or per process for
 * the memory store), never a constant. Production refuses to start without FAIREXIT_SECRET.
 */
function generatedSecret(config: Config, store: Store, logger: Logger): string {
  if (store.kind !== "lowdb") {
    logger.warn(
      {},
      "FAIREXIT_SECRET is not set: using a random secret for this process (never in production)",
    );
    return randomSecret();
  }
  logger.warn(
    {},
    "FAIREXIT_SECRET is not set: using the random secret kept in the data folder (never in production)",
  );
  if (!config.auditKey)
    logger.warn(
      {},
      "the audit chain is keyed with the data folder's own secret: it is only as safe as the folder (set FAIREXIT_AUDIT_KEY)",
    );
  return dataFolderSecret(config.dataDir);
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, logPii: config.logPii });
  const clock = overrides.clock ?? (config.clockStart ? clockStartingAt(config.clockStart) : systemClock);
  const store = overrides.store ?? (await openConfiguredStore(config, logger));
  const policies = await createPolicyHolder(policyFolderSource(config.policyDir), logger, {
    now: () => clock.now(),
  });
  const secret = config.secret ?? generatedSecret(config, store, logger);
  const bot = await composeBotAdapters({
    ...config,
    kind: store.kind,
    customers: store.customers,
    database: databaseOf(store),
    outboxLeaseMs: config.database?.outboxLeaseMs,
    secret,
    clock,
    logger,
  });
  const currentPolicy = () => {
    const p = policies.current();
    if (!p) throw new Error(`no valid policy in ${config.policyDir}; see fairexit policy check`);
    return p;
  };
  // Counted for GET /metrics: turns, decisions, hand-overs, outbox, assist latency.
  const metrics = prometheusMetrics({ outbox: bot.outbox, now: () => clock.now() });
  // One audit trail for the bot and assist: one chain, one masking salt.
  const audit = new AuditTrail(meteredAuditLog(store.audit, metrics), clock, {
    maskSalt: secret,
    maskedFields: config.auditMaskedFields,
  });
  // One LLM port for the bot (understanding, rephrasing) and assist (judge, summary).
  const llm = openAiLlmFrom(config.llm);
  const engine = new ConversationEngine({
    store: {
      kind: store.kind,
      customers: store.customers,
      conversations: meteredConversations(store.conversations, metrics),
      audit: store.audit,
      close: () => store.close(),
    },
    policy: currentPolicy,
    clock,
    ...bot,
    audit,
    understand,
    llm,
    llmBudgetMs: config.llm?.budgetMs,
    logger: logger.child({ component: "bot" }),
  });
  const database = databaseOf(store);
  // The alumni contact log lives where the store does: PostgreSQL, the data folder, or memory.
  const alumni = new AlumniRegister({
    customers: store.customers,
    conversations: store.conversations,
    audit: store.audit,
    contacts: database
      ? new PgAlumniContacts(database)
      : store.kind === "memory"
        ? new MemoryAlumniContacts()
        : await openJsonlAlumniContacts(join(config.dataDir, ALUMNI_CONTACTS_FILE)),
    policy: currentPolicy,
    clock,
  });
  // PostgreSQL: sessions shared by every instance, views changed elsewhere arrive by LISTEN/NOTIFY.
  const assistSessions = database ? new PgAssistSessions(database) : undefined;
  const speechModel = await readSpeechModelFile(config.policyDir);
  const localDesk = createAssistDesk({
    customers: store.customers,
    policy: currentPolicy,
    speechModel,
    clock,
    audit,
    logger: logger.child({ component: "assist" }),
    ...(assistSessions ? { sessions: assistSessions } : {}),
    llm,
  });
  const shared =
    database && assistSessions
      ? sharedAssistDesk(localDesk, {
          sessions: assistSessions,
          customers: store.customers,
          policy: currentPolicy,
          speechModel,
          clock,
          logger: logger.child({ component: "assist" }),
        })
      : undefined;
  const assist = meteredDesk(shared?.desk ?? localDesk, metrics);
  const assistChanges =
    database && shared
      ? await listenForAssistChanges(
          database,
          (c) =>
            void shared
              .changed(c)
              .catch((e) =>
                logger.warn({ err: (e as Error).message }, "assist view from another instance not shown"),
              ),
          logger,
        )
      : undefined;
  // A hand-over opens its assist session by itself, with the conversation, decision and ledger.
  bot.handover.onHandover(() => metrics.handoverRequested());
  bot.handover.onHandover((record) => {
    assist
      .openFromHandover(record)
      .catch((e) => logger.error({ err: (e as Error).message }, "assist session for a hand-over not opened"));
  });
  const slack = config.slack
    ? createSlackAssist(config.slack, { desk: assist, logger: logger.child({ component: "slack" }) })
    : undefined;
  const botFramework = createBotFrameworkEndpoint(
    engine,
    config.botFramework,
    logger.child({ component: "botframework" }),
    {
      devServiceUrls: config.devServiceUrls,
      assist: config.teamsAgents ? { desk: assist, agents: config.teamsAgents } : undefined,
    },
  );
  if (!botFramework.authenticated)
    logger.warn(
      {},
      "MicrosoftAppId is not set: /api/messages accepts unauthenticated requests (development mode, never in production)",
    );
  const directLine = {
    conversations: new DirectLineConversations(
      engine,
      () => clock.now().getTime(),
      database ? new PgDirectLineLog(database) : new MemoryDirectLineLog(),
    ),
    tokens: new DirectLineTokens(secret),
  };
  // Several instances on one database: a login link works once across all of them, and a rate
  // limit counts every instance's requests (keys stored as HMACs with the secret).
  const oneTimeTokens = database ? new PgOneTimeTokens(database) : new MemoryOneTimeTokens();
  const rateBuckets = database
    ? pgRateBuckets(database, {
        secret,
        logger: logger.child({ component: "rate-limits" }),
        syncMs: overrides.rateLimitSyncMs,
      })
    : memoryRateBuckets();
  const readiness: ReadinessCheck[] = [
    {
      name: "store",
      check: async () => ({ ok: true, detail: `${store.kind}, ${await store.customers.count()} customers` }),
    },
    policies.readiness,
    outboxReadiness(bot.outbox),
  ];
  if (database) readiness.push(databaseReadiness(database));
  else if (store.kind === "lowdb") readiness.push(dataFolderReadiness(config.dataDir));
  return {
    config,
    logger,
    clock,
    store,
    policies,
    policyFiles: { read: readPolicyFolder, caseLibrary: () => readCaseLibrary(config.demoData) },
    bot,
    engine,
    alumni,
    insights: createInsights(insightsSourceOf(store), { clock, policy: () => policies.current() }),
    assist,
    slack,
    botFramework,
    directLine,
    oneTimeTokens,
    rateBuckets,
    readiness,
    metrics,
    startDispatcher(everyMs = 15_000) {
      // At once, not in 15 s: what a crash interrupted (a confirmed cancellation the
      // conversation does not show yet, actions not yet delivered) is finished first.
      engine
        .resumeUnfinished()
        .catch((e) => logger.error({ err: (e as Error).message }, "resuming after a restart failed"));
      const timer = setInterval(() => {
        dispatchDue({ ...bot, clock, logger }).catch((e) =>
          logger.error({ err: (e as Error).message }, "dispatch failed"),
        );
      }, everyMs);
      timer.unref();
      return () => clearInterval(timer);
    },
    async close() {
      slack?.close();
      botFramework.assist?.close();
      policies.close();
      await assistChanges?.close();
      await bot.liveness?.close();
      await rateBuckets.close();
      await store.close();
      logger.flush?.();
    },
  };
}
