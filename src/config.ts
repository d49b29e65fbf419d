/**
 * Every environment variable FairExit reads, parsed once with zod. A bad value fails at start
 * with the variable's name. `.env.example` documents each one.
 */
import { resolve } from "node:path";
import { z } from "zod";
import { ConfigError } from "./domain/configError.js";

export const DEFAULT_LLM_MODEL = "gpt-4o-mini";
export const DEFAULT_LLM_BUDGET_MS = 2000;
/** Sent as the API key to servers that need none (Ollama, vLLM without --api-key). */
export const NO_API_KEY = "not-needed";

/**
 * The LLM's variables. The LLM is optional: with neither OPENAI_API_KEY nor OPENAI_BASE_URL
 * set, `llmConfigFrom` returns undefined and the bot runs on its rules and templates alone.
 */
export const LlmEnv = z.object({
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z
    .url({ protocol: /^https?$/, error: "expected an http(s) URL such as https://api.openai.com/v1" })
    .optional(),
  OPENAI_MODEL: z
    .string()
    .trim()
    .min(1, "expected a model name such as gpt-4o-mini")
    .default(DEFAULT_LLM_MODEL),
  FAIREXIT_LLM_BUDGET_MS: z.coerce
    .number({ error: "expected a number of milliseconds" })
    .int("expected a whole number of milliseconds")
    .min(100, "expected at least 100 ms")
    .max(30_000, "expected at most 30000 ms: a customer is waiting")
    .default(DEFAULT_LLM_BUDGET_MS),
});
export type LlmEnv = z.output<typeof LlmEnv>;

export interface LlmConfig {
  /** Secret: never log it. */
  apiKey: string;
  /** Any OpenAI-compatible server (Azure OpenAI v1, vLLM, Ollama …); undefined = api.openai.com. */
  baseURL: string | undefined;
  model: string;
  /** How long the bot waits for the LLM before it carries on without it. */
  budgetMs: number;
}

/** The LLM configuration from parsed variables, or undefined when no LLM is configured. */
export function llmConfigFrom(env: LlmEnv): LlmConfig | undefined {
  if (env.OPENAI_API_KEY === undefined && env.OPENAI_BASE_URL === undefined) return undefined;
  return {
    apiKey: env.OPENAI_API_KEY ?? NO_API_KEY,
    baseURL: env.OPENAI_BASE_URL,
    model: env.OPENAI_MODEL,
    budgetMs: env.FAIREXIT_LLM_BUDGET_MS,
  };
}

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"], { error: "expected true or false" })
  .transform((v) => v === "true" || v === "1" || v === "yes");

const perMinute = z.coerce
  .number({ error: "expected a number of requests a minute" })
  .int("expected a whole number of requests a minute")
  .min(1, "expected at least 1 request a minute");

const EnvSchema = z
  .object({
    PORT: z.coerce
      .number({ error: "expected a port number" })
      .int("expected a whole port number")
      .min(0, "expected a port between 0 and 65535")
      .max(65535, "expected a port between 0 and 65535")
      .default(3978),
    HOST: z.string().min(1).default("localhost"),
    FAIREXIT_STORE: z.enum(["lowdb", "memory"], { error: "expected lowdb or memory" }).default("lowdb"),
    FAIREXIT_DATA_DIR: z.string().min(1).default("data/store"),
    FAIREXIT_DEMO_DATA: z.string().min(1).default("data/demo/customers.json"),
    DATABASE_URL: z
      .url({
        protocol: /^postgres(ql)?$/,
        error: "expected a postgres:// URL, e.g. postgres://fairexit@db:5432/fairexit",
      })
      .optional(),
    FAIREXIT_DB_MIGRATE: z.enum(["start", "manual"], { error: "expected start or manual" }).default("start"),
    FAIREXIT_OUTBOX_LEASE_MS: z.coerce
      .number({ error: "expected a number of milliseconds" })
      .int("expected a whole number of milliseconds")
      .min(1000, "expected at least 1000 ms")
      .default(60_000),
    FAIREXIT_POLICY_DIR: z.string().min(1).default("policies"),
    FAIREXIT_POLICY_DRAFT_DIR: z.string().min(1).optional(),
    FAIREXIT_CLOCK_START: z.iso
      .datetime({ offset: true, error: "expected an ISO date-time with offset, e.g. 2026-11-23T09:00:00Z" })
      .optional(),
    FAIREXIT_SECRET: z.string().min(16, "expected at least 16 characters").optional(),
    FAIREXIT_AUDIT_KEY: z.string().min(32, "expected at least 32 characters").optional(),
    NODE_ENV: z.string().optional(),
    FAIREXIT_OPERATIONS_URL: z.url({ error: "expected an http(s) URL" }).optional(),
    FAIREXIT_NOTIFY_URL: z.url({ error: "expected an http(s) URL" }).optional(),
    FAIREXIT_WEBHOOK_SECRET: z.string().min(16, "expected at least 16 characters").optional(),
    LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
    FAIREXIT_LOG_PII: bool.default(false),
    MicrosoftAppId: z.guid({ error: "expected the Azure Bot's app id (a GUID)" }).optional(),
    MicrosoftAppPassword: z.string().min(1).optional(),
    MicrosoftAppType: z
      .enum(["MultiTenant", "SingleTenant", "UserAssignedMSI"], {
        error: "expected MultiTenant, SingleTenant or UserAssignedMSI",
      })
      .default("MultiTenant"),
    MicrosoftAppTenantId: z.guid({ error: "expected the Microsoft Entra tenant id (a GUID)" }).optional(),
    FAIREXIT_DIRECTLINE_SECRET: z.string().min(32, "expected at least 32 characters").optional(),
    FAIREXIT_ADMIN_TOKEN: z.string().min(32, "expected at least 32 characters").optional(),
    FAIREXIT_TRUST_PROXY: bool.default(false),
    FAIREXIT_RATE_LIMIT_PER_CLIENT: perMinute.default(600),
    FAIREXIT_RATE_LIMIT_PER_CONVERSATION: perMinute.default(60),
    FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT: perMinute.default(30),
    FAIREXIT_DEV_SERVICE_URLS: z
      .string()
      .transform((v) => v.split(",").map((u) => u.trim()))
      .pipe(z.array(z.url({ protocol: /^https?$/, error: "expected http(s) URLs separated by commas" })))
      .optional(),
    FAIREXIT_ASSIST_API_KEY: z.string().min(32, "expected at least 32 characters").optional(),
    FAIREXIT_ALUMNI_API_KEYS: z
      .string()
      .transform((v) => v.split(",").map((k) => k.trim()))
      .pipe(
        z.array(
          z
            .string()
            .min(32, "expected keys of at least 32 characters each, separated by commas")
            .regex(/^\S+$/, "expected keys without spaces, separated by commas"),
        ),
      )
      .optional(),
    FAIREXIT_TWILIO_AUTH_TOKEN: z.string().min(16, "expected the Twilio account's auth token").optional(),
    FAIREXIT_PUBLIC_URL: z
      .url({
        protocol: /^https?$/,
        error: "expected the public http(s) URL, e.g. https://assist.example.com",
      })
      .optional(),
    FAIREXIT_AUDIT_MASKED_FIELDS: z
      .string()
      .regex(
        /^[A-Za-z_][\w]*(,[A-Za-z_][\w]*)*$/,
        "expected field names separated by commas, e.g. email,phone",
      )
      .optional(),
    FAIREXIT_TEAMS_AGENTS: z
      .string()
      .regex(
        /^[\w:.@-]+(,[\w:.@-]+)*$/,
        "expected the agents' Microsoft Entra object ids (GUIDs) separated by commas",
      )
      .optional(),
    SLACK_SIGNING_SECRET: z.string().min(16, "expected the Slack app's signing secret").optional(),
    SLACK_BOT_TOKEN: z
      .string()
      .regex(/^xoxb-/, "expected a bot token starting with xoxb-")
      .optional(),
    SLACK_BOT_ID: z
      .string()
      .regex(/^B[A-Z0-9]+$/, "expected a bot id such as B0123ABCD")
      .optional(),
    SLACK_BOT_USER_ID: z
      .string()
      .regex(/^[UW][A-Z0-9]+$/, "expected a user id such as U0123ABCD")
      .optional(),
    SLACK_ASSIST_CHANNEL: z
      .string()
      .regex(/^[CGDU][A-Z0-9]+$/, "expected a channel id such as C0123ABCD (not a #name)")
      .optional(),
    SLACK_AGENT_USERS: z
      .string()
      .regex(/^[UW][A-Z0-9]+(,[UW][A-Z0-9]+)*$/, "expected Slack user ids separated by commas, e.g. U01,U02")
      .optional(),
    SLACK_PLATFORM_AGENTS: z
      .string()
      .regex(
        /^(api|connect|genesys|twilio):[\w.@-]{1,64}=[UW][A-Z0-9]+(,(api|connect|genesys|twilio):[\w.@-]{1,64}=[UW][A-Z0-9]+)*$/,
        "expected <platform agent id>=<Slack user id> pairs separated by commas, e.g. genesys:3b1f=U01,api:jo=U02",
      )
      .optional(),
    SLACK_UPDATES_PER_MINUTE: z.coerce
      .number({ error: "expected a number of chat.update calls a minute" })
      .int("expected a whole number of calls a minute")
      .min(1, "expected at least 1 a minute")
      .max(100, "expected at most 100 a minute (Slack's Tier 3 is about 50)")
      .default(45),
    SLACK_API_URL: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL ending in /api/" })
      .optional(),
  })
  .extend(LlmEnv.shape);

/** Every variable the server reads: `.env.example` and docs/deploy.md name each (test/config.test.ts). */
export const ENVIRONMENT_VARIABLES: readonly string[] = Object.keys(EnvSchema.shape);

export interface Config {
  port: number;
  host: string;
  store: "lowdb" | "memory";
  /**
   * PostgreSQL, for several instances (DATABASE_URL; it replaces FAIREXIT_STORE when set). The
   * URL holds the password: never log it. `migrateAtStart`: apply missing migrations at start
   * (FAIREXIT_DB_MIGRATE=start) or refuse an unmigrated database (manual: `fairexit db migrate`).
   * `outboxLeaseMs` (FAIREXIT_OUTBOX_LEASE_MS): how long an outbox claim is left to an instance
   * whose liveness lock is still held (a killed instance's claims are taken over at once).
   */
  database: { url: string; migrateAtStart: boolean; outboxLeaseMs?: number } | undefined;
  dataDir: string;
  demoData: string;
  policyDir: string;
  /** A policy folder being edited (FAIREXIT_POLICY_DRAFT_DIR): /supervisor shows its impact diff. */
  policyDraftDir: string | undefined;
  /** When set, the clock starts at this instant and runs from there. */
  clockStart: Date | undefined;
  logLevel: z.infer<typeof EnvSchema>["LOG_LEVEL"];
  /** Off by default: logs carry no names, emails, phone numbers, postcodes or addresses. */
  logPii: boolean;
  /**
   * Signs Direct Line tokens, derives porting codes and audit mask tokens. Unset = a random
   * secret kept in the data folder (or per process for the memory store); required in production.
   */
  secret: string | undefined;
  /**
   * Keys the audit trail's hash chain (HMAC-SHA256): FAIREXIT_AUDIT_KEY, else FAIREXIT_SECRET.
   * Unset = the data folder's generated secret: the chain is then only as safe as the folder.
   */
  auditKey: string | undefined;
  /** Back-office webhooks; unset = the embedded operations and notifier. */
  operationsUrl: string | undefined;
  notifyUrl: string | undefined;
  webhookSecret: string | undefined;
  /** Fields masked in audit records; undefined = the built-in list (names, contact, address, IMEI …). */
  auditMaskedFields: string[] | undefined;
  /** The optional LLM (holds the API key: never log it). Undefined = rules and templates only. */
  llm: LlmConfig | undefined;
  /**
   * Teams users whose messages go to agent assist instead of the customer bot: Microsoft Entra
   * object ids (activity.from.aadObjectId), or channel user ids in the Emulator. Undefined = none.
   */
  teamsAgents: string[] | undefined;
  /** Agent assist in Slack (docs/slack.md); undefined = Slack is off. Holds secrets: never log it. */
  slack: SlackConfig | undefined;
  /**
   * The Azure Bot registration /api/messages authenticates against. Undefined = development
   * mode: no authentication (Bot Framework Emulator, local tests), announced loudly at start.
   */
  botFramework: BotFrameworkConfig | undefined;
  /**
   * Server-to-server secret with which a signed-in website mints Direct Line tokens bound to its
   * customer (POST /api/directline/tokens). Undefined = only anonymous Web Chat tokens.
   */
  directLineSecret: string | undefined;
  /** Bearer token for the detailed /readyz report; undefined = details are not served over HTTP. */
  adminToken: string | undefined;
  /** Behind a proxy that sets X-Forwarded-For and X-Forwarded-Proto itself (client address, HSTS). */
  trustProxy: boolean;
  /** Requests a minute allowed per client address, per conversation, and tokens per client. */
  rateLimits: { perClient: number; perConversation: number; tokensPerClient: number };
  /** Development mode of /api/messages: service URLs besides loopback that replies may go to. */
  devServiceUrls: string[];
  /** Agent assist's HTTP transcript sources (docs/assist.md). */
  assistHttp: AssistHttpConfig;
  /** Bearer keys of /api/alumni (marketing tools); empty = those routes answer 503. Never log them. */
  alumniApiKeys: string[];
}

export interface AssistHttpConfig {
  /** Bearer key of the transcript and view routes; undefined = those routes refuse API callers (503). Never log it. */
  apiKey: string | undefined;
  /** Verifies X-Twilio-Signature; undefined = POST /api/assist/twilio answers 503. Never log it. */
  twilioAuthToken: string | undefined;
  /** The origin callers see (behind a proxy), for the Twilio signature and the console's login link. */
  publicUrl: string | undefined;
}

export interface BotFrameworkConfig {
  appId: string;
  /** Holds the client secret: never log it. */
  appPassword: string | undefined;
  appType: "MultiTenant" | "SingleTenant" | "UserAssignedMSI";
  tenantId: string | undefined;
}

/** Variables whose values are credentials: an error names their length, never their value. */
const CREDENTIAL = /SECRET|PASSWORD|TOKEN|_KEYS?$|^DATABASE_URL$/;

/** A bad value as an error shows it: credentials by length only, since errors reach logs and terminals. */
function shown(variable: string, value: string | undefined): string {
  if (value === undefined) return "null";
  return CREDENTIAL.test(variable) ? `a value of ${value.length} characters` : JSON.stringify(value);
}

/** Reads the configuration from `env`; relative paths resolve against `cwd`. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env, cwd = process.cwd()): Config {
  const blanksRemoved = Object.fromEntries(
    Object.entries(env).filter(([, v]) => v !== undefined && v !== ""),
  );
  const parsed = EnvSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    throw new ConfigError(variable, `${issue.message} (got ${shown(variable, env[variable])})`);
  }
  const e = parsed.data;
  if (e.NODE_ENV === "production") checkProductionSecret(e.FAIREXIT_SECRET);
  if (e.DATABASE_URL && !e.FAIREXIT_SECRET)
    throw new ConfigError(
      "FAIREXIT_SECRET",
      "required when DATABASE_URL is set: every instance must sign tokens and key the audit chain with the same secret",
    );
  if ((e.FAIREXIT_OPERATIONS_URL || e.FAIREXIT_NOTIFY_URL) && !e.FAIREXIT_WEBHOOK_SECRET)
    throw new ConfigError(
      "FAIREXIT_WEBHOOK_SECRET",
      "required when FAIREXIT_OPERATIONS_URL or FAIREXIT_NOTIFY_URL is set",
    );
  return {
    botFramework: botFrameworkFrom(e),
    directLineSecret: e.FAIREXIT_DIRECTLINE_SECRET,
    adminToken: e.FAIREXIT_ADMIN_TOKEN,
    trustProxy: e.FAIREXIT_TRUST_PROXY,
    rateLimits: {
      perClient: e.FAIREXIT_RATE_LIMIT_PER_CLIENT,
      perConversation: e.FAIREXIT_RATE_LIMIT_PER_CONVERSATION,
      tokensPerClient: e.FAIREXIT_RATE_LIMIT_TOKENS_PER_CLIENT,
    },
    devServiceUrls: e.FAIREXIT_DEV_SERVICE_URLS ?? [],
    alumniApiKeys: e.FAIREXIT_ALUMNI_API_KEYS ?? [],
    assistHttp: {
      apiKey: e.FAIREXIT_ASSIST_API_KEY,
      twilioAuthToken: e.FAIREXIT_TWILIO_AUTH_TOKEN,
      publicUrl: e.FAIREXIT_PUBLIC_URL?.replace(/\/+$/, ""),
    },
    port: e.PORT,
    host: e.HOST,
    store: e.FAIREXIT_STORE,
    database: e.DATABASE_URL
      ? {
          url: e.DATABASE_URL,
          migrateAtStart: e.FAIREXIT_DB_MIGRATE === "start",
          outboxLeaseMs: e.FAIREXIT_OUTBOX_LEASE_MS,
        }
      : undefined,
    dataDir: resolve(cwd, e.FAIREXIT_DATA_DIR),
    demoData: resolve(cwd, e.FAIREXIT_DEMO_DATA),
    policyDir: resolve(cwd, e.FAIREXIT_POLICY_DIR),
    policyDraftDir:
      e.FAIREXIT_POLICY_DRAFT_DIR === undefined ? undefined : resolve(cwd, e.FAIREXIT_POLICY_DRAFT_DIR),
    clockStart: e.FAIREXIT_CLOCK_START === undefined ? undefined : new Date(e.FAIREXIT_CLOCK_START),
    logLevel: e.LOG_LEVEL,
    logPii: e.FAIREXIT_LOG_PII,
    secret: e.FAIREXIT_SECRET,
    auditKey: e.FAIREXIT_AUDIT_KEY ?? e.FAIREXIT_SECRET,
    operationsUrl: e.FAIREXIT_OPERATIONS_URL,
    notifyUrl: e.FAIREXIT_NOTIFY_URL,
    webhookSecret: e.FAIREXIT_WEBHOOK_SECRET,
    auditMaskedFields: e.FAIREXIT_AUDIT_MASKED_FIELDS?.split(","),
    llm: llmConfigFrom(e),
    slack: slackFrom(e),
    teamsAgents: e.FAIREXIT_TEAMS_AGENTS?.split(","),
  };
}

/** The secret the constant development value once stood in for: known to anyone who read the source. */
const PUBLISHED_SECRETS = new Set(["fairexit-development-secret-do-not-use"]);

/** In production a guessable secret would let anyone forge a signed-in customer's token. */
function checkProductionSecret(secret: string | undefined): void {
  const problem = !secret
    ? "required when NODE_ENV=production (at least 32 random characters, e.g. openssl rand -base64 32)"
    : PUBLISHED_SECRETS.has(secret)
      ? "is the published development value: set a random one (e.g. openssl rand -base64 32)"
      : secret.length < 32 || new Set(secret).size < 10
        ? "too weak for NODE_ENV=production: expected at least 32 random characters (e.g. openssl rand -base64 32)"
        : undefined;
  if (problem) throw new ConfigError("FAIREXIT_SECRET", problem);
}

function botFrameworkFrom(e: z.infer<typeof EnvSchema>): BotFrameworkConfig | undefined {
  if (!e.MicrosoftAppId) {
    if (e.MicrosoftAppPassword)
      throw new ConfigError("MicrosoftAppId", "required when MicrosoftAppPassword is set");
    return undefined;
  }
  if (e.MicrosoftAppType !== "UserAssignedMSI" && !e.MicrosoftAppPassword)
    throw new ConfigError("MicrosoftAppPassword", `required when MicrosoftAppType is ${e.MicrosoftAppType}`);
  if (e.MicrosoftAppType !== "MultiTenant" && !e.MicrosoftAppTenantId)
    throw new ConfigError("MicrosoftAppTenantId", `required when MicrosoftAppType is ${e.MicrosoftAppType}`);
  return {
    appId: e.MicrosoftAppId,
    appPassword: e.MicrosoftAppPassword,
    appType: e.MicrosoftAppType,
    tenantId: e.MicrosoftAppTenantId,
  };
}

export interface SlackConfig {
  signingSecret: string;
  botToken: string;
  botId: string | undefined;
  botUserId: string | undefined;
  assistChannel: string | undefined;
  /** Platform agent id (`genesys:…`) -> Slack user id: their sessions go to that user's DM (docs/slack.md). */
  platformAgents: Readonly<Record<string, string>> | undefined;
  agents: string[] | undefined;
  updatesPerMinute: number;
  apiUrl: string | undefined;
}

/** Slack is on when both its signing secret and bot token are set; one without the other is a mistake. */
function slackFrom(e: z.infer<typeof EnvSchema>): SlackConfig | undefined {
  if (!e.SLACK_SIGNING_SECRET && !e.SLACK_BOT_TOKEN) return undefined;
  if (!e.SLACK_SIGNING_SECRET)
    throw new ConfigError("SLACK_SIGNING_SECRET", "required when SLACK_BOT_TOKEN is set");
  if (!e.SLACK_BOT_TOKEN)
    throw new ConfigError("SLACK_BOT_TOKEN", "required when SLACK_SIGNING_SECRET is set");
  return {
    signingSecret: e.SLACK_SIGNING_SECRET,
    botToken: e.SLACK_BOT_TOKEN,
    botId: e.SLACK_BOT_ID,
    botUserId: e.SLACK_BOT_USER_ID,
    assistChannel: e.SLACK_ASSIST_CHANNEL,
    platformAgents: platformAgentsFrom(e.SLACK_PLATFORM_AGENTS, e.SLACK_AGENT_USERS?.split(",")),
    agents: e.SLACK_AGENT_USERS?.split(","),
    updatesPerMinute: e.SLACK_UPDATES_PER_MINUTE,
    apiUrl: e.SLACK_API_URL,
  };
}

/** SLACK_PLATFORM_AGENTS as a map; one platform agent mapped twice, or to someone not on SLACK_AGENT_USERS, is a mistake. */
function platformAgentsFrom(
  value: string | undefined,
  agents: readonly string[] | undefined,
): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  const map: Record<string, string> = {};
  for (const pair of value.split(",")) {
    const at = pair.lastIndexOf("=");
    const [agent, user] = [pair.slice(0, at), pair.slice(at + 1)];
    if (Object.hasOwn(map, agent)) throw new ConfigError("SLACK_PLATFORM_AGENTS", `${agent} is mapped twice`);
    if (agents && !agents.includes(user))
      throw new ConfigError("SLACK_PLATFORM_AGENTS", `${user} is not on SLACK_AGENT_USERS`);
    map[agent] = user;
  }
  return map;
}
