/**
 * manifest/slack-app.yaml is what an admin pastes into Slack: it must parse, point every
 * request URL at the path FairExit listens on, subscribe to the events and ask for the scopes
 * the code uses, and declare the slash command the code answers.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { SLACK_EVENTS_PATH } from "../../src/adapters/slack/slackAssist.js";
import { repoRoot } from "../support/runFairexit.js";

interface Manifest {
  features: { app_home: { home_tab_enabled: boolean }; slash_commands: { command: string; url: string }[] };
  oauth_config: { scopes: { bot: string[] } };
  settings: {
    event_subscriptions: { request_url: string; bot_events: string[] };
    interactivity: { is_enabled: boolean; request_url: string };
    socket_mode_enabled: boolean;
  };
}

const manifest = parse(readFileSync(join(repoRoot, "manifest/slack-app.yaml"), "utf8")) as Manifest;
const source = ["slackAssist.ts", "slackDelivery.ts"]
  .map((f) => readFileSync(join(repoRoot, "src/adapters/slack", f), "utf8"))
  .join("\n");

describe("the Slack app manifest", () => {
  it("sends commands, buttons and events to the path FairExit verifies", () => {
    const urls = [
      ...manifest.features.slash_commands.map((c) => c.url),
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
    ];
    expect(urls).toHaveLength(3);
    for (const url of urls) {
      expect(new URL(url).protocol).toBe("https:");
      expect(new URL(url).pathname).toBe(SLACK_EVENTS_PATH);
    }
    expect(manifest.settings.interactivity.is_enabled).toBe(true);
    expect(manifest.settings.socket_mode_enabled).toBe(false);
  });

  it("declares the command and the events the code listens to", () => {
    expect(manifest.features.slash_commands.map((c) => c.command)).toEqual(["/fairexit"]);
    expect(source).toContain('app.command("/fairexit"');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(["app_home_opened"]);
    expect(source).toContain('app.event("app_home_opened"');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
  });

  it("asks for the scopes the Web API methods need, and no more", () => {
    // chat.postMessage / chat.update: chat:write; the slash command: commands; posting to an
    // agent's DM when the bot is not in the channel: im:write. views.publish needs no scope.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual(["chat:write", "commands", "im:write"]);
    for (const call of ["chat.postMessage(", "chat.update(", "views.publish("])
      expect(source).toContain(call);
  });
});
