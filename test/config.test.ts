import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { TEAMS_VARIABLES } from "../src/adapters/teams/teamsSettings.js";
import { ENVIRONMENT_VARIABLES, loadConfig } from "../src/config.js";
import { ConfigError } from "../src/domain/configError.js";

describe("configuration from the environment", () => {
  it("runs on defaults: port 3978, the embedded store under data/store, policies/", () => {
    const c = loadConfig({}, "/srv/fairexit");
    expect(c).toMatchObject({
      port: 3978,
      host: "localhost",
      store: "lowdb",
      dataDir: "/srv/fairexit/data/store",
      policyDir: "/srv/fairexit/policies",
      demoData: "/srv/fairexit/data/demo/customers.json",
      clockStart: undefined,
      logPii: false,
    });
  });

  it("never repeats a credential's value in an error, only its length", () => {
    const cases: Record<string, string> = {
      FAIREXIT_SECRET: "short-secret",
      FAIREXIT_DIRECTLINE_SECRET: "not-long-enough-dl",
      FAIREXIT_WEBHOOK_SECRET: "tiny-hook",
      FAIREXIT_ADMIN_TOKEN: "tok-short",
    };
    for (const [variable, value] of Object.entries(cases)) {
      const error = (() => {
        try {
          loadConfig({ [variable]: value }, "/srv");
        } catch (e) {
          return e as ConfigError;
        }
        throw new Error(`${variable} accepted`);
      })();
      expect(error.message).toContain(variable);
      expect(error.message).toContain(`a value of ${value.length} characters`);
      expect(error.message).not.toContain(value);
    }
    expect(() => loadConfig({ PORT: "http" }, "/srv")).toThrow('(got "http")');
  });

  it("reads every variable it documents", () => {
    const c = loadConfig(
      {
        PORT: "8080",
        HOST: "0.0.0.0",
        FAIREXIT_STORE: "memory",
        FAIREXIT_DATA_DIR: "/var/lib/fairexit",
        FAIREXIT_POLICY_DIR: "/etc/fairexit/policies",
        FAIREXIT_CLOCK_START: "2026-03-10T09:00:00Z",
        LOG_LEVEL: "debug",
        FAIREXIT_LOG_PII: "true",
      },
      "/srv",
    );
    expect(c.port).toBe(8080);
    expect(c.store).toBe("memory");
    expect(c.dataDir).toBe("/var/lib/fairexit");
    expect(c.clockStart?.toISOString()).toBe("2026-03-10T09:00:00.000Z");
    expect(c.logLevel).toBe("debug");
    expect(c.logPii).toBe(true);
  });

  it("treats an empty variable as unset", () => {
    expect(loadConfig({ PORT: "" }).port).toBe(3978);
  });

  it.each([
    [{ PORT: "eighty" }, "PORT: expected a port number"],
    [{ PORT: "70000" }, "PORT: expected a port between 0 and 65535"],
    [{ FAIREXIT_STORE: "mongo" }, "FAIREXIT_STORE: expected lowdb or memory"],
    [{ FAIREXIT_CLOCK_START: "10 March" }, "FAIREXIT_CLOCK_START: expected an ISO date-time with offset"],
    [{ FAIREXIT_LOG_PII: "maybe" }, "FAIREXIT_LOG_PII: expected true or false"],
    [
      { FAIREXIT_AUDIT_MASKED_FIELDS: "email, phone" },
      "FAIREXIT_AUDIT_MASKED_FIELDS: expected field names separated by commas",
    ],
  ])("fails at start naming the variable: %o", (env, message) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(message);
  });
});

describe("back-office webhooks", () => {
  it("need a signing secret", () => {
    expect(() => loadConfig({ FAIREXIT_OPERATIONS_URL: "https://ops.example.com/fairexit" })).toThrow(
      "FAIREXIT_WEBHOOK_SECRET: required when FAIREXIT_OPERATIONS_URL or FAIREXIT_NOTIFY_URL is set",
    );
  });
  it("reject a URL that is not one", () => {
    expect(() => loadConfig({ FAIREXIT_NOTIFY_URL: "ops", FAIREXIT_WEBHOOK_SECRET: "x".repeat(16) })).toThrow(
      "FAIREXIT_NOTIFY_URL: expected an http(s) URL",
    );
  });
});

describe("every environment variable is documented", () => {
  const root = fileURLToPath(new URL("..", import.meta.url));
  const example = readFileSync(join(root, ".env.example"), "utf8");
  const deploy = readFileSync(join(root, "docs/deploy.md"), "utf8");
  /** `NAME=` at the start of a line, commented out or not. */
  const documented = new Set(
    [...example.matchAll(/^#?\s?([A-Za-z][A-Za-z0-9_]*)=/gm)].map((m) => m[1] as string),
  );
  const read = new Set([...ENVIRONMENT_VARIABLES, ...TEAMS_VARIABLES]);

  it("names in .env.example each variable the server or the Teams packaging reads", () => {
    expect([...read].filter((v) => !documented.has(v))).toEqual([]);
  });

  it("reads every variable .env.example documents (no stale entry)", () => {
    expect([...documented].filter((v) => !read.has(v))).toEqual([]);
  });

  it("lists each variable in docs/deploy.md's table (a `PREFIX_*` entry covers its family)", () => {
    const families = [...deploy.matchAll(/`([A-Z][A-Z0-9_]*_)\*`/g)].map((m) => m[1] as string);
    const missing = [...read].filter(
      (v) => !deploy.includes(`\`${v}\``) && !families.some((prefix) => v.startsWith(prefix)),
    );
    expect(missing).toEqual([]);
  });
});
