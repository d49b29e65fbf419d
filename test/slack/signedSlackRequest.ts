/**
 * Requests as Slack signs them (https://api.slack.com/authentication/verifying-requests-from-slack):
 * `X-Slack-Signature: v0=` + HMAC-SHA256(signing secret, `v0:{timestamp}:{raw body}`) and
 * `X-Slack-Request-Timestamp` in seconds. Built here from the documented algorithm, not with bolt.
 */
import { createHmac } from "node:crypto";

export function slackSignature(secret: string, timestamp: number, body: string): string {
  return `v0=${createHmac("sha256", secret).update(`v0:${timestamp}:${body}`).digest("hex")}`;
}

export interface SignedPost {
  secret: string;
  body: string;
  contentType: "application/x-www-form-urlencoded" | "application/json";
  /** Seconds; default now. */
  timestamp?: number;
  /** Replaces the computed signature (a forged request). */
  signature?: string;
}

export async function postToSlackEndpoint(
  url: string,
  o: SignedPost,
): Promise<{ status: number; text: string }> {
  const timestamp = o.timestamp ?? Math.floor(Date.now() / 1000);
  const response = await fetch(url, {
    method: "POST",
    headers: {
      "content-type": o.contentType,
      "x-slack-request-timestamp": String(timestamp),
      "x-slack-signature": o.signature ?? slackSignature(o.secret, timestamp, o.body),
    },
    body: o.body,
  });
  return { status: response.status, text: await response.text() };
}

/** A slash command as Slack posts it (form-encoded). */
export function slashCommandBody(o: {
  text: string;
  user: string;
  channel: string;
  responseUrl: string;
}): string {
  return new URLSearchParams({
    token: "deprecated-verification-token",
    team_id: "T0FAIREXIT",
    team_domain: "fairexit",
    channel_id: o.channel,
    channel_name: "assist",
    user_id: o.user,
    user_name: "agent",
    command: "/fairexit",
    text: o.text,
    api_app_id: "A0FAIREXIT",
    is_enterprise_install: "false",
    response_url: o.responseUrl,
    trigger_id: "1337.42.abcd",
  }).toString();
}

/** A button click (block_actions) as Slack posts it: form-encoded, the JSON in `payload`. */
export function buttonClickBody(o: {
  actionId: string;
  value: string;
  user: string;
  channel: string;
  messageTs: string;
  responseUrl: string;
}): string {
  const payload = {
    type: "block_actions",
    team: { id: "T0FAIREXIT", domain: "fairexit" },
    user: { id: o.user, username: "agent", team_id: "T0FAIREXIT" },
    api_app_id: "A0FAIREXIT",
    token: "deprecated-verification-token",
    container: { type: "message", message_ts: o.messageTs, channel_id: o.channel, is_ephemeral: false },
    trigger_id: "1337.42.abcd",
    channel: { id: o.channel, name: "assist" },
    message: { type: "message", ts: o.messageTs, text: "FairExit assist" },
    response_url: o.responseUrl,
    actions: [
      {
        type: "button",
        action_id: o.actionId,
        block_id: "b1",
        text: { type: "plain_text", text: "button" },
        value: o.value,
        action_ts: "1700000000.000200",
      },
    ],
  };
  return new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
}

/** An Events API callback (JSON). */
export function eventBody(event: Record<string, unknown>): string {
  return JSON.stringify({
    token: "deprecated-verification-token",
    team_id: "T0FAIREXIT",
    api_app_id: "A0FAIREXIT",
    event,
    type: "event_callback",
    event_id: "Ev0FAIREXIT",
    event_time: Math.floor(Date.now() / 1000),
    authorizations: [{ team_id: "T0FAIREXIT", user_id: "U0BOT", is_bot: true }],
  });
}
