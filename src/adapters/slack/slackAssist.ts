/**
 * Agent assist in Slack (bolt 5, HTTP receiver with signing-secret verification): the
 * `/fairexit` slash command, the buttons of the session messages (mark disclosed, copy script,
 * dismiss alert), and the App Home listing the agent's live sessions. Every interaction is
 * acknowledged first and worked on after, so Slack always gets its answer within 3 seconds.
 * Session messages are kept current by `SlackDelivery`, within Slack's rate limits; a platform
 * session whose agent is mapped to a Slack user (SLACK_PLATFORM_AGENTS) goes to their DM.
 *
 * Slack posts everything (events, commands, interactivity) to one path, `/slack/events`; the
 * HTTP server hands those requests to `preHandler` before its own JSON body reader, because
 * the signature is computed over the raw (form-encoded or JSON) body.
 */
import { randomUUID } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { App, type BlockButtonAction, HTTPReceiver } from "@slack/bolt";
import { type AgentRef, type AssistDesk, AssistError } from "../../assist/desk.js";
import { parseAgentCommand } from "../../channels/delivery/agentCommand.js";
import { realScheduler, type Scheduler } from "../../channels/delivery/updateCoalescer.js";
import type { Logger } from "../../domain/logger.js";
import { ACTIONS, alertText, escapeText, homeBlocks, parseButtonValue, scriptFor } from "./assistBlocks.js";
import { boltLogger } from "./boltLogger.js";
import { DirectMessages, type SlackConversations } from "./directMessages.js";
import { DEFAULT_SLACK_BUDGETS, type SlackChat, SlackDelivery } from "./slackDelivery.js";

/** The path Slack's request URLs point at (manifest/slack-app.yaml). */
export const SLACK_EVENTS_PATH = "/slack/events";

export interface SlackSettings {
  signingSecret: string;
  botToken: string;
  /** Both set: bolt never calls auth.test (start-up needs no network). */
  botId?: string;
  botUserId?: string;
  /** Channel for sessions opened by a contact-center platform; unset = only sessions opened from Slack. */
  assistChannel?: string;
  /**
   * Platform agent id (`genesys:…`, `api:…`) -> Slack user id: a platform session whose agent is
   * mapped goes to that user's DM instead of `assistChannel` (docs/slack.md).
   */
  platformAgents?: Readonly<Record<string, string>>;
  /** Web API base URL (tests: a loopback fake); default https://slack.com/api/. */
  apiUrl?: string;
  /** Slack user ids allowed to use assist; undefined = every member of the workspace. */
  agents?: readonly string[];
  /** chat.update budget for the workspace (default 45 a minute; Slack's Tier 3 is about 50). */
  updatesPerMinute?: number;
}

export interface SlackAssist {
  readonly path: string;
  /** A restify `pre` handler: takes POST /slack/events (raw body, signature checked), passes the rest on. */
  preHandler(req: IncomingMessage, res: ServerResponse, next: (stop?: false) => void): void;
  readonly delivery: SlackDelivery;
  close(): void;
}

export interface SlackAssistOptions {
  desk: AssistDesk;
  logger: Logger;
  scheduler?: Scheduler;
}

const USAGE =
  "Usage: `/fairexit customer <account> [session]` opens agent assist for a customer; `/fairexit check <draft>` checks a sentence before you say it.";

const agentRef = (userId: string): AgentRef => ({ id: `slack:${userId}`, via: "slack" });

/** The refusal the agent reads (an AssistError's own words; never a stack). */
function problemOf(error: unknown): string {
  if (error instanceof AssistError) return error.message;
  return "Something went wrong; the console at /agent still has the session.";
}

export function createSlackAssist(settings: SlackSettings, o: SlackAssistOptions): SlackAssist {
  const logger = o.logger;
  const log = boltLogger(logger);
  const receiver = new HTTPReceiver({
    signingSecret: settings.signingSecret,
    endpoints: SLACK_EVENTS_PATH,
    logger: log,
    processBeforeResponse: false,
    bodyLimit: 256 * 1024,
  });
  const app = new App({
    receiver,
    token: settings.botToken,
    botId: settings.botId,
    botUserId: settings.botUserId,
    tokenVerificationEnabled: false,
    convoStore: false,
    logger: log,
    clientOptions: {
      ...(settings.apiUrl ? { slackApiUrl: settings.apiUrl } : {}),
      // Rate limits are the coalescer's job: a 429 comes back at once with its Retry-After.
      rejectRateLimitedCalls: true,
      // Network errors and 5xx: two quick retries, then the next view tries again.
      retryConfig: { retries: 2, factor: 2, minTimeout: 500, maxTimeout: 2000 },
      timeout: 10_000,
    },
  });
  const client = app.client as unknown as SlackChat & SlackConversations;
  const dms = settings.platformAgents ? new DirectMessages(client, settings.platformAgents) : undefined;
  const delivery = new SlackDelivery({
    client: dms ? dms.chat : client,
    defaultChannel: settings.assistChannel,
    budgets: {
      ...DEFAULT_SLACK_BUDGETS,
      ...(settings.updatesPerMinute ? { updatesPerMinute: settings.updatesPerMinute } : {}),
    },
    scheduler: o.scheduler ?? realScheduler,
    logger,
  });
  const desk = o.desk;
  const unsubscribe = desk.subscribe((view) => {
    const user = dms?.userOf(view);
    if (user) delivery.toDm(view.sessionId, user);
    delivery.offer(view);
  });
  const agents = settings.agents ? new Set(settings.agents) : undefined;
  const isAgent = (user: string) => agents === undefined || agents.has(user);
  const notAnAgent = "You are not on FairExit's list of agents (SLACK_AGENT_USERS); ask your team leader.";

  app.command("/fairexit", async ({ command, ack, respond }) => {
    const asked = parseAgentCommand(command.text ?? "");
    if (!isAgent(command.user_id)) {
      await ack({ response_type: "ephemeral", text: notAnAgent });
      return;
    }
    if (asked.kind === "help") {
      await ack({ response_type: "ephemeral", text: asked.problem ? `${asked.problem} ${USAGE}` : USAGE });
      return;
    }
    await ack({ response_type: "ephemeral", text: asked.kind === "check" ? "Checking…" : "Opening…" });
    const agent = agentRef(command.user_id);
    try {
      if (asked.kind === "customer") {
        if (asked.sessionId) {
          if (!desk.view(asked.sessionId))
            throw new AssistError(`No live session ${asked.sessionId}.`, "unknown_session");
          delivery.place(asked.sessionId, command.channel_id, command.user_id);
          await desk.attachCustomer(asked.sessionId, asked.account, agent);
        } else {
          const sessionId = `slack-${randomUUID()}`;
          delivery.place(sessionId, command.channel_id, command.user_id);
          try {
            await desk.open({ sessionId, customerId: asked.account, agent, source: "slack" });
          } catch (error) {
            delivery.unplace(sessionId);
            throw error;
          }
        }
        return;
      }
      const mine = delivery.sessionsOf(command.user_id).filter((id) => desk.view(id)?.status === "live");
      const result = await desk.check(asked.draft, { sessionId: mine.at(-1), agent });
      await respond({
        response_type: "ephemeral",
        text: result.ok
          ? `:white_check_mark: Fine to say: “${escapeText(asked.draft)}”`
          : `Before you say it:\n${result.alerts.map(alertText).join("\n\n")}`,
      });
    } catch (error) {
      if (!(error instanceof AssistError))
        logger.error({ err: (error as Error).message }, "/fairexit failed");
      await respond({ response_type: "ephemeral", text: `:x: ${problemOf(error)}` });
    }
  });

  /** A button of a session message: ack at once, then act on the desk; problems go back ephemerally. */
  const onButton =
    (
      act: (
        target: { sessionId: string; id: string },
        agent: AgentRef,
        say: (text: string) => Promise<unknown>,
      ) => Promise<void>,
    ) =>
    async ({
      ack,
      body,
      action,
      respond,
    }: {
      ack: () => Promise<void>;
      body: BlockButtonAction;
      action: { value?: string };
      respond: (m: { response_type: "ephemeral"; replace_original: false; text: string }) => Promise<unknown>;
    }) => {
      await ack();
      const say = (text: string) => respond({ response_type: "ephemeral", replace_original: false, text });
      if (!isAgent(body.user.id)) return void (await say(notAnAgent));
      const target = parseButtonValue(action.value);
      if (!target) return void (await say(":x: That button is not one of FairExit's."));
      try {
        await act(target, agentRef(body.user.id), say);
      } catch (error) {
        if (!(error instanceof AssistError))
          logger.error({ err: (error as Error).message }, "a Slack button failed");
        await say(`:x: ${problemOf(error)}`);
      }
    };

  app.action<BlockButtonAction>(
    ACTIONS.tick,
    onButton(async (t, agent) => {
      await desk.tick(t.sessionId, t.id, agent);
    }),
  );
  app.action<BlockButtonAction>(
    ACTIONS.dismiss,
    onButton(async (t, agent) => {
      await desk.dismiss(t.sessionId, t.id, agent);
    }),
  );
  app.action<BlockButtonAction>(
    ACTIONS.script,
    onButton(async (t, _agent, say) => {
      const script = scriptFor(desk.view(t.sessionId), t.id);
      await say(
        script ? `Script to copy:\n\`\`\`${script}\`\`\`` : ":x: That script is no longer suggested.",
      );
    }),
  );

  app.event("app_home_opened", async ({ event, client }) => {
    if (event.tab !== "home") return;
    const user = event.user;
    const blocks = isAgent(user)
      ? homeBlocks(
          delivery
            .sessionsOf(user)
            .map((id) => desk.view(id))
            .filter((v) => v !== undefined && v.status !== "ended") as never,
          desk.list().filter((s) => s.status !== "ended" && !delivery.sessionsOf(user).includes(s.sessionId)),
        )
      : [{ type: "section" as const, text: { type: "mrkdwn" as const, text: notAnAgent } }];
    await client.views.publish({ user_id: user, view: { type: "home", blocks } });
  });

  app.error(async (error) => {
    logger.error(
      { code: (error as { code?: string }).code, err: error.message.slice(0, 200) },
      "Slack listener failed",
    );
  });

  return {
    path: SLACK_EVENTS_PATH,
    delivery,
    preHandler(req, res, next) {
      const path = (req.url ?? "").split("?")[0];
      if (req.method !== "POST" || path !== SLACK_EVENTS_PATH) return next();
      // restify finishes its own bookkeeping once the response is out.
      res.once("close", () => next(false));
      receiver.requestListener(req, res);
    },
    close() {
      unsubscribe();
      delivery.close();
    },
  };
}
