/**
 * The environment the Teams package is built from: a missing or bad variable fails with its
 * name; unset optional ones take the documented defaults.
 */
import { describe, expect, it } from "vitest";
import { readTeamsSettings } from "../../src/adapters/teams/teamsSettings.js";
import { aTeamsEnv, BOT_ID } from "./teamsEnv.js";

const read = (env: Record<string, string | undefined>) => readTeamsSettings(env, { packageVersion: "0.1.0" });

describe("Teams settings from the environment", () => {
  it("defaults the app id to the bot id, the name to FairExit, the version to package.json's, the URLs to the public URL", () => {
    const s = read(aTeamsEnv({ FAIREXIT_PUBLIC_URL: "https://fairexit.example.com/" }));
    expect(s).toMatchObject({
      botId: BOT_ID,
      appId: BOT_ID,
      appName: "FairExit",
      appVersion: "0.1.0",
      publicUrl: "https://fairexit.example.com",
      publicHost: "fairexit.example.com",
      websiteUrl: "https://fairexit.example.com",
      privacyUrl: "https://fairexit.example.com/privacy",
      termsUrl: "https://fairexit.example.com/terms",
    });
    expect(s.defaulted).toEqual(
      expect.arrayContaining(["TEAMS_APP_ID", "TEAMS_PRIVACY_URL", "TEAMS_TERMS_URL"]),
    );
  });

  it("takes every optional variable when set", () => {
    const s = read(
      aTeamsEnv({
        TEAMS_APP_ID: "0a4e8c1b-9d2f-4e6a-8b3c-5f7d9e1a2b3c",
        TEAMS_APP_NAME: "Leave Example Telecom",
        TEAMS_APP_VERSION: "2.3.4",
        TEAMS_PRIVACY_URL: "https://example.com/privacy",
        TEAMS_TERMS_URL: "https://example.com/terms",
        TEAMS_WEBSITE_URL: "https://example.com/help",
      }),
    );
    expect(s).toMatchObject({
      appId: "0a4e8c1b-9d2f-4e6a-8b3c-5f7d9e1a2b3c",
      botId: BOT_ID,
      appName: "Leave Example Telecom",
      appVersion: "2.3.4",
      privacyUrl: "https://example.com/privacy",
      termsUrl: "https://example.com/terms",
      websiteUrl: "https://example.com/help",
      defaulted: [],
    });
  });

  it.each([
    [{ MicrosoftAppId: undefined }, "MicrosoftAppId: required: the Azure Bot's Microsoft App ID (a GUID)"],
    [{ MicrosoftAppId: "  " }, "MicrosoftAppId: required: the Azure Bot's Microsoft App ID (a GUID)"],
    [
      { MicrosoftAppId: "fairexit-bot" },
      `MicrosoftAppId: expected the Azure Bot's Microsoft App ID (a GUID) (got "fairexit-bot")`,
    ],
    [{ TEAMS_APP_ID: "42" }, `TEAMS_APP_ID: expected the Teams app id (a GUID) (got "42")`],
    [
      { FAIREXIT_PUBLIC_URL: undefined },
      "FAIREXIT_PUBLIC_URL: required: the https base URL of the deployed FairExit",
    ],
    [
      { FAIREXIT_PUBLIC_URL: "http://localhost:3978" },
      `FAIREXIT_PUBLIC_URL: expected an https URL, e.g. https://fairexit.example.com (got "http://localhost:3978")`,
    ],
    [
      { FAIREXIT_PUBLIC_URL: "https://fairexit.example.com/?tenant=1" },
      `FAIREXIT_PUBLIC_URL: expected a URL without ?query or #fragment (got "https://fairexit.example.com/?tenant=1")`,
    ],
    [
      { TEAMS_DEVELOPER_NAME: undefined },
      "TEAMS_DEVELOPER_NAME: required: the name of the organization publishing the app",
    ],
    [
      { TEAMS_APP_NAME: "FairExit for Example Telecom Ltd" },
      `TEAMS_APP_NAME: expected at most 30 characters (Teams' limit) (got "FairExit for Example Telecom Ltd")`,
    ],
    [
      { TEAMS_APP_VERSION: "1.0.0-beta.1" },
      `TEAMS_APP_VERSION: expected MAJOR.MINOR.PATCH, e.g. 1.4.0 (Teams accepts no pre-release tags) (got "1.0.0-beta.1")`,
    ],
    [
      { TEAMS_PRIVACY_URL: "http://example.com/privacy" },
      `TEAMS_PRIVACY_URL: expected an https URL, e.g. https://fairexit.example.com (got "http://example.com/privacy")`,
    ],
  ])("rejects %o with the variable's name", (overrides, message) => {
    expect(() => read(aTeamsEnv(overrides))).toThrow(message);
  });

  it("asks for TEAMS_APP_VERSION when package.json's version is not one Teams accepts", () => {
    expect(() => readTeamsSettings(aTeamsEnv(), { packageVersion: "0.2.0-rc.1" })).toThrow(
      `TEAMS_APP_VERSION: unset, and package.json's version "0.2.0-rc.1" is not MAJOR.MINOR.PATCH: set it`,
    );
  });
});
