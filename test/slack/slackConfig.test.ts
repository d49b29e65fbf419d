/**
 * Slack's settings: off unless both the signing secret and the bot token are set, a half
 * configuration stops the start naming the missing variable, bad values are named without
 * showing credentials, and with Slack off nothing answers at /slack/events.
 */
import { describe, expect, it } from "vitest";
import { loadConfig } from "../../src/config.js";
import { aFairExitServer } from "../support/fairexitServer.js";

const base = { FAIREXIT_STORE: "memory" };
const slack = { SLACK_SIGNING_SECRET: "0123456789abcdef0123", SLACK_BOT_TOKEN: "xoxb-1-2-abc" };

describe("Slack configuration", () => {
  it("is off when neither variable is set", () => {
    expect(loadConfig(base).slack).toBeUndefined();
  });

  it("is on with both, with the documented defaults", () => {
    expect(loadConfig({ ...base, ...slack, SLACK_AGENT_USERS: "U01,U02" }).slack).toEqual({
      signingSecret: slack.SLACK_SIGNING_SECRET,
      botToken: slack.SLACK_BOT_TOKEN,
      botId: undefined,
      botUserId: undefined,
      assistChannel: undefined,
      agents: ["U01", "U02"],
      updatesPerMinute: 45,
      apiUrl: undefined,
    });
  });

  it("names the missing half", () => {
    expect(() => loadConfig({ ...base, SLACK_BOT_TOKEN: slack.SLACK_BOT_TOKEN })).toThrow(
      /SLACK_SIGNING_SECRET/,
    );
    expect(() => loadConfig({ ...base, SLACK_SIGNING_SECRET: slack.SLACK_SIGNING_SECRET })).toThrow(
      /SLACK_BOT_TOKEN/,
    );
  });

  it("names a bad value, and shows a credential by its length only", () => {
    expect(() => loadConfig({ ...base, ...slack, SLACK_BOT_TOKEN: "xoxp-user-token" })).toThrow(
      /SLACK_BOT_TOKEN.*xoxb-.*a value of 15 characters/,
    );
    expect(() => loadConfig({ ...base, ...slack, SLACK_ASSIST_CHANNEL: "#assist" })).toThrow(
      /SLACK_ASSIST_CHANNEL.*channel id/,
    );
    expect(() => loadConfig({ ...base, ...slack, SLACK_UPDATES_PER_MINUTE: "500" })).toThrow(
      /SLACK_UPDATES_PER_MINUTE.*at most 100/,
    );
  });

  it("leaves /slack/events unanswered when Slack is off", async () => {
    const fairexit = await aFairExitServer();
    try {
      expect(fairexit.app.slack).toBeUndefined();
      const answer = await fetch(`${fairexit.url}/slack/events`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: "{}",
      });
      expect(answer.status).toBe(404);
    } finally {
      await fairexit.close();
    }
  });
});
