/**
 * The environment variables the Teams app package is built from, parsed once with zod. A
 * missing or bad value fails with the variable's name (`ConfigError`, printed by the CLI as
 * one line). The public URL must be https: Teams reaches bots only over HTTPS through the
 * Azure Bot Service, so for local testing use a tunnel's https URL (see docs/teams.md).
 */
import { z } from "zod";
import { ConfigError } from "../../domain/configError.js";

/** What the manifest template is filled from, after defaults. */
export interface TeamsSettings {
  /** The Azure Bot's Microsoft App ID (`MicrosoftAppId`), the manifest's `bots[0].botId`. */
  botId: string;
  /** The Teams app id (`TEAMS_APP_ID`, default the bot id). */
  appId: string;
  appName: string;
  /** MAJOR.MINOR.PATCH; raise it for every package uploaded to Teams. */
  appVersion: string;
  developerName: string;
  /** The https base URL of the deployed FairExit, without a trailing slash. */
  publicUrl: string;
  /** The public URL's host name: the manifest's valid domain. */
  publicHost: string;
  websiteUrl: string;
  privacyUrl: string;
  termsUrl: string;
  /** The optional variables that were unset and took their default, by name. */
  defaulted: string[];
}

const guid = (what: string) =>
  z.guid({
    error: (i) => (i.input === undefined ? `required: ${what} (a GUID)` : `expected ${what} (a GUID)`),
  });

/** URL parts a base URL must not have; checked only once the URL parses. */
const extras = (u: string): string | undefined => {
  const url = URL.canParse(u) ? new URL(u) : undefined;
  if (url?.search || url?.hash || u.includes("?") || u.includes("#")) return "?query or #fragment";
  if (url?.username || url?.password) return "user name or password";
  return undefined;
};

const httpsUrl = z
  .url({ protocol: /^https$/, error: "expected an https URL, e.g. https://fairexit.example.com" })
  .superRefine((u, ctx) => {
    const extra = extras(u);
    if (extra) ctx.addIssue({ code: "custom", message: `expected a URL without ${extra}` });
  });

const text = (max: number, what: string) =>
  z
    .string({ error: (i) => (i.input === undefined ? `required: ${what}` : `expected ${what}`) })
    .max(max, `expected at most ${max} characters (Teams' limit)`);

const SEMVER = /^(0|[1-9]\d*)\.(0|[1-9]\d*)\.(0|[1-9]\d*)$/;
const semver = z
  .string()
  .regex(SEMVER, "expected MAJOR.MINOR.PATCH, e.g. 1.4.0 (Teams accepts no pre-release tags)");

const TeamsEnv = z.object({
  MicrosoftAppId: guid("the Azure Bot's Microsoft App ID"),
  TEAMS_APP_ID: guid("the Teams app id").optional(),
  FAIREXIT_PUBLIC_URL: z
    .string({ error: "required: the https base URL of the deployed FairExit" })
    .pipe(httpsUrl),
  TEAMS_APP_NAME: text(30, "the app's name").default("FairExit"),
  TEAMS_DEVELOPER_NAME: text(32, "the name of the organization publishing the app"),
  TEAMS_WEBSITE_URL: httpsUrl.optional(),
  TEAMS_PRIVACY_URL: httpsUrl.optional(),
  TEAMS_TERMS_URL: httpsUrl.optional(),
  TEAMS_APP_VERSION: semver.optional(),
});

/** The variables `readTeamsSettings` reads, in the order the docs list them. */
export const TEAMS_VARIABLES = Object.keys(TeamsEnv.shape) as (keyof z.infer<typeof TeamsEnv>)[];

/**
 * Reads the Teams settings from `env`; blank values count as unset. `packageVersion` (from
 * package.json) is the app version when `TEAMS_APP_VERSION` is unset.
 *
 * @example
 * import { readTeamsSettings } from "./teamsSettings.js";
 * const s = readTeamsSettings(
 *   {
 *     MicrosoftAppId: "00000000-0000-4000-8000-000000000001",
 *     FAIREXIT_PUBLIC_URL: "https://fairexit.example.com/",
 *     TEAMS_DEVELOPER_NAME: "Example Telecom",
 *   },
 *   { packageVersion: "0.1.0" },
 * );
 * // s.appId === s.botId, s.publicHost: "fairexit.example.com",
 * // s.privacyUrl: "https://fairexit.example.com/privacy", s.defaulted includes "TEAMS_PRIVACY_URL"
 */
export function readTeamsSettings(env: NodeJS.ProcessEnv, opts: { packageVersion: string }): TeamsSettings {
  const given = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v.trim() !== ""));
  const parsed = TeamsEnv.safeParse(given);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const variable = String(issue.path[0] ?? "environment");
    const got = given[variable] === undefined ? "" : ` (got ${JSON.stringify(given[variable])})`;
    throw new ConfigError(variable, `${issue.message}${got}`);
  }
  const e = parsed.data;
  const appVersion = e.TEAMS_APP_VERSION ?? opts.packageVersion;
  if (!SEMVER.test(appVersion))
    throw new ConfigError(
      "TEAMS_APP_VERSION",
      `unset, and package.json's version ${JSON.stringify(appVersion)} is not MAJOR.MINOR.PATCH: set it`,
    );
  const publicUrl = e.FAIREXIT_PUBLIC_URL.replace(/\/+$/, "");
  return {
    botId: e.MicrosoftAppId,
    appId: e.TEAMS_APP_ID ?? e.MicrosoftAppId,
    appName: e.TEAMS_APP_NAME,
    appVersion,
    developerName: e.TEAMS_DEVELOPER_NAME,
    publicUrl,
    publicHost: new URL(publicUrl).hostname,
    websiteUrl: e.TEAMS_WEBSITE_URL ?? publicUrl,
    privacyUrl: e.TEAMS_PRIVACY_URL ?? `${publicUrl}/privacy`,
    termsUrl: e.TEAMS_TERMS_URL ?? `${publicUrl}/terms`,
    defaulted: TEAMS_VARIABLES.filter((v) => given[v] === undefined),
  };
}

/** The `${{NAME}}` placeholders a manifest template may use, with their values. */
export function placeholderValues(s: TeamsSettings): Record<string, string> {
  return {
    MicrosoftAppId: s.botId,
    TEAMS_APP_ID: s.appId,
    TEAMS_APP_NAME: s.appName,
    TEAMS_APP_VERSION: s.appVersion,
    TEAMS_DEVELOPER_NAME: s.developerName,
    FAIREXIT_PUBLIC_URL: s.publicUrl,
    FAIREXIT_PUBLIC_HOST: s.publicHost,
    TEAMS_WEBSITE_URL: s.websiteUrl,
    TEAMS_PRIVACY_URL: s.privacyUrl,
    TEAMS_TERMS_URL: s.termsUrl,
  };
}
