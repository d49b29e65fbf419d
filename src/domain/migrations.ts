/**
 * Explicit, ordered migrations of the customer data file. Each step takes the raw JSON of
 * version N and returns version N+1; the result is validated only after the last step.
 * Never edit a released step: add a new one.
 */
import { CURRENT_SCHEMA_VERSION } from "./customerFile.js";
import { StoreError } from "./ports.js";

type Json = Record<string, unknown>;

interface Migration {
  from: number;
  describe: string;
  up(file: Json): Json;
}

const isObject = (v: unknown): v is Json => typeof v === "object" && v !== null && !Array.isArray(v);

/**
 * v1 (FairExit 0.0.x) kept `name` as one string and a single `marketingOptIn` flag, and had no
 * win-back consent at all. v2 splits the name, moves consents under `consents` and records
 * win-back contact as not given: consent is never assumed.
 */
const v1ToV2: Migration = {
  from: 1,
  describe:
    "split name into given/family; marketingOptIn -> consents.marketing; winBack consent defaults to no",
  up(file) {
    const customers = Array.isArray(file.customers) ? file.customers : [];
    return {
      ...file,
      schemaVersion: 2,
      customers: customers.map((c) => {
        if (!isObject(c)) return c;
        const { name, marketingOptIn, ...rest } = c;
        const parts = typeof name === "string" ? name.trim().split(/\s+/) : [];
        const family = parts.length > 1 ? parts.pop() : parts[0];
        return {
          ...rest,
          name: isObject(name) ? name : { given: parts.join(" ") || family, family },
          consents: {
            marketing: { given: marketingOptIn === true },
            winBack: { given: false, note: "not recorded before schema v2" },
          },
        };
      }),
    };
  },
};

const MIGRATIONS: readonly Migration[] = [v1ToV2];

export interface MigrationResult {
  data: Json;
  fromVersion: number;
  applied: string[];
}

/** Brings raw file content up to the current schema version. */
export function migrateCustomerFile(raw: unknown, source: string): MigrationResult {
  if (!isObject(raw))
    throw new StoreError("invalid_data", `${source}: (root): expected an object with schemaVersion`);
  const version = raw.schemaVersion;
  if (typeof version !== "number" || !Number.isInteger(version))
    throw new StoreError(
      "invalid_data",
      `${source}: schemaVersion: expected an integer, got ${JSON.stringify(version)}`,
    );
  if (version > CURRENT_SCHEMA_VERSION)
    throw new StoreError(
      "unsupported_version",
      `${source}: schemaVersion: ${version} is newer than this FairExit understands (${CURRENT_SCHEMA_VERSION}); upgrade FairExit`,
    );
  let data = raw;
  const applied: string[] = [];
  for (let v = version; v < CURRENT_SCHEMA_VERSION; v++) {
    const step = MIGRATIONS.find((m) => m.from === v);
    if (!step)
      throw new StoreError("unsupported_version", `${source}: schemaVersion: no migration from version ${v}`);
    data = step.up(data);
    applied.push(`v${v} -> v${v + 1}: ${step.describe}`);
  }
  return { data, fromVersion: version, applied };
}
