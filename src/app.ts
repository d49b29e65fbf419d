/**
 * The composition root: the one place that turns configuration into adapters and hands them
 * to the features. Everything else receives its dependencies as arguments.
 */
import { readCustomerFile } from "./adapters/files/readCustomerFile.js";
import { createLogger } from "./adapters/logging/pinoLogger.js";
import { openLowdbStore } from "./adapters/lowdb/lowdbStore.js";
import { openMemoryStore } from "./adapters/memory/memoryStore.js";
import type { Config } from "./config.js";
import { clockStartingAt, systemClock } from "./domain/clock.js";
import type { Logger } from "./domain/logger.js";
import type { Clock, Store } from "./domain/ports.js";
import type { ReadinessCheck } from "./domain/readiness.js";

export interface App {
  config: Config;
  logger: Logger;
  clock: Clock;
  store: Store;
  readiness: ReadinessCheck[];
  close(): Promise<void>;
}

export interface AppOverrides {
  logger?: Logger;
  clock?: Clock;
  store?: Store;
}

/** Opens the store the configuration names; the embedded one is seeded from the demo data. */
export async function openConfiguredStore(config: Config, logger: Logger): Promise<Store> {
  if (config.store === "memory") {
    const store = openMemoryStore();
    const demo = await readCustomerFile(config.demoData);
    await store.customers.upsertMany(demo.customers);
    await store.customers.setCoverage(demo.coverage);
    return store;
  }
  const store = await openLowdbStore(config.dataDir, { seed: () => readCustomerFile(config.demoData) });
  if (store.seeded) logger.info({ dataDir: config.dataDir }, "embedded store created from the demo data");
  for (const step of store.migrated)
    logger.warn({ step }, "customer file migrated; the original is kept as .bak");
  return store;
}

export async function createApp(config: Config, overrides: AppOverrides = {}): Promise<App> {
  const logger = overrides.logger ?? createLogger({ level: config.logLevel, logPii: config.logPii });
  const clock = overrides.clock ?? (config.clockStart ? clockStartingAt(config.clockStart) : systemClock);
  const store = overrides.store ?? (await openConfiguredStore(config, logger));
  const readiness: ReadinessCheck[] = [
    {
      name: "store",
      check: async () => ({ ok: true, detail: `${store.kind}, ${await store.customers.count()} customers` }),
    },
  ];
  return {
    config,
    logger,
    clock,
    store,
    readiness,
    async close() {
      await store.close();
      logger.flush?.();
    },
  };
}
