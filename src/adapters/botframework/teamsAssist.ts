/**
 * Agent assist in Teams, through the same Bot Framework bot the customers talk to. A Teams user
 * on the agent list (`FAIREXIT_TEAMS_AGENTS`: Microsoft Entra object ids, or channel user ids in
 * the Emulator) never reaches the customer bot: their `customer <account> [session]` opens a
 * session and `check <draft>` checks a sentence. The session's Adaptive Card is sent to the
 * agent's conversation proactively and then updated in place (`updateActivity` on the stored
 * activity id), coalesced within Teams' per-conversation limits (7 a second, 8 in 2 s, 60 in
 * 30 s, 1,800 an hour); a 429 pauses that conversation for its Retry-After. The card's
 * `Action.Execute` buttons arrive as `adaptiveCard/action` invokes and are answered with the
 * refreshed card.
 */
import { randomUUID } from "node:crypto";
import {
  type Activity,
  ActivityTypes,
  type CloudAdapter,
  type ConversationReference,
  TurnContext,
} from "botbuilder";
import { type AgentRef, type AssistDesk, AssistError } from "../../assist/desk.js";
import type { AssistView } from "../../assist/view.js";
import { parseAgentCommand } from "../../channels/delivery/agentCommand.js";
import { ASSIST_VERBS, assistActionOf, assistCard } from "../../channels/delivery/assistCard.js";
import type { RateWindow } from "../../channels/delivery/rateWindow.js";
import {
  RetryLater,
  realScheduler,
  type Scheduler,
  UpdateCoalescer,
} from "../../channels/delivery/updateCoalescer.js";
import type { Logger } from "../../domain/logger.js";

/** Teams' documented limits for a bot in one conversation. */
export const TEAMS_CONVERSATION_WINDOWS: readonly RateWindow[] = [
  { max: 7, perMs: 1000 },
  { max: 8, perMs: 2000 },
  { max: 60, perMs: 30_000 },
  { max: 1800, perMs: 3_600_000 },
];

const USAGE =
  "FairExit assist: `customer <account> [session]` opens a session for a customer; `check <draft>` checks a sentence before you say it.";

export interface TeamsAssistOptions {
  desk: AssistDesk;
  /** Microsoft Entra object ids (activity.from.aadObjectId) or channel user ids of the agents. */
  agents: readonly string[];
  scheduler?: Scheduler;
}

export interface TeamsAssist {
  /** Handles an agent's activity; false when the sender is not an agent (the customer bot takes it). */
  handle(context: TurnContext): Promise<boolean>;
  readonly stats: { sent: number; rateLimited: number; failed: number; waiting: number };
  /** Resolves when no card is being sent. */
  quiet(): Promise<void>;
  close(): void;
}

interface Placement {
  reference: Partial<ConversationReference>;
  activityId?: string;
}

const agentOf = (activity: Activity): string | undefined => activity.from?.aadObjectId ?? activity.from?.id;

/** A 429 from the Bot Connector as the coalescer understands it. */
function asRetryLater(error: unknown): unknown {
  const e = error as {
    statusCode?: number;
    response?: { headers?: { get?(name: string): string | undefined } };
  };
  if (e?.statusCode !== 429) return error;
  const seconds = Number(e.response?.headers?.get?.("retry-after"));
  return new RetryLater(Number.isFinite(seconds) && seconds > 0 ? seconds * 1000 : 1000);
}

function problemOf(error: unknown): string {
  return error instanceof AssistError
    ? error.message
    : "Something went wrong; the console at /agent still has the session.";
}

export function createTeamsAssist(
  adapter: CloudAdapter,
  appId: string,
  o: TeamsAssistOptions,
  logger: Logger,
): TeamsAssist {
  const agents = new Set(o.agents);
  const desk = o.desk;
  const placements = new Map<string, Placement>();
  const latest = new Map<string, AssistView>();

  const coalescer = new UpdateCoalescer<AssistView>({
    scheduler: o.scheduler ?? realScheduler,
    budgetOf: (_key, view) => {
      const id = placements.get(view.sessionId)?.reference.conversation?.id;
      return id === undefined ? undefined : `conversation:${id}`;
    },
    windowsOf: () => TEAMS_CONVERSATION_WINDOWS,
    send: async (_key, view) => {
      const p = placements.get(view.sessionId);
      if (!p) return;
      const card = assistCard(view);
      try {
        await adapter.continueConversationAsync(appId, p.reference, async (context) => {
          if (p.activityId) {
            await context.updateActivity({
              type: ActivityTypes.Message,
              id: p.activityId,
              attachments: [card],
            });
          } else {
            // A message of its own: not a reply to the continuation event botbuilder made up.
            context.onSendActivities(async (_context, activities, next) => {
              for (const activity of activities) activity.replyToId = undefined;
              return next();
            });
            const sent = await context.sendActivity({ type: ActivityTypes.Message, attachments: [card] });
            p.activityId = sent?.id;
          }
        });
      } catch (error) {
        throw asRetryLater(error);
      }
    },
    onError: (key, error) =>
      logger.warn(
        { key, status: (error as { statusCode?: number }).statusCode },
        "a Teams assist card could not be sent",
      ),
  });

  const unsubscribe = desk.subscribe((view) => {
    if (!placements.has(view.sessionId)) return;
    const previous = latest.get(view.sessionId);
    if (previous && previous.version > view.version) return;
    latest.set(view.sessionId, view);
    coalescer.offer(`m:${view.sessionId}`, view);
  });

  const agentRef = (id: string): AgentRef => ({ id: `teams:${id}`, via: "teams" });

  async function onCommand(context: TurnContext, agent: string): Promise<void> {
    const text = TurnContext.removeRecipientMention(context.activity) ?? context.activity.text ?? "";
    const asked = parseAgentCommand(text);
    if (asked.kind === "help") {
      await context.sendActivity(asked.problem ? `${asked.problem} ${USAGE}` : USAGE);
      return;
    }
    const ref = agentRef(agent);
    try {
      if (asked.kind === "check") {
        const mine = [...placements]
          .filter(
            ([id, p]) =>
              p.reference.user?.id === context.activity.from.id && desk.view(id)?.status === "live",
          )
          .map(([id]) => id);
        const result = await desk.check(asked.draft, { sessionId: mine.at(-1), agent: ref });
        await context.sendActivity(
          result.ok
            ? `Fine to say: “${asked.draft}”`
            : `Before you say it:\n\n${result.alerts
                .map((a) => `- ${a.message}${a.alternative ? `\n  Say instead: ${a.alternative}` : ""}`)
                .join("\n")}`,
        );
        return;
      }
      // Without the agent's activity id: the card is a message of its own, not a reply to the command.
      const { activityId: _command, ...reference } = TurnContext.getConversationReference(context.activity);
      if (asked.sessionId) {
        if (!desk.view(asked.sessionId))
          throw new AssistError(`No live session ${asked.sessionId}.`, "unknown_session");
        if (!placements.has(asked.sessionId)) placements.set(asked.sessionId, { reference });
        await desk.attachCustomer(asked.sessionId, asked.account, ref);
      } else {
        const sessionId = `teams-${randomUUID()}`;
        placements.set(sessionId, { reference });
        try {
          await desk.open({ sessionId, customerId: asked.account, agent: ref, source: "teams" });
        } catch (error) {
          placements.delete(sessionId);
          throw error;
        }
      }
    } catch (error) {
      if (!(error instanceof AssistError))
        logger.error({ err: (error as Error).message }, "Teams assist command failed");
      await context.sendActivity(problemOf(error));
    }
  }

  /** An Action.Execute button: acts on the desk and answers with the refreshed card (or a message). */
  async function onAction(context: TurnContext, agent: string): Promise<void> {
    const action = assistActionOf(context.activity.value);
    const answer = (body: Record<string, unknown>) =>
      context.sendActivity({ type: ActivityTypes.InvokeResponse, value: { status: 200, body } });
    const message = (text: string) =>
      answer({ statusCode: 200, type: "application/vnd.microsoft.activity.message", value: text });
    if (!action) return void (await message("That button is not one of FairExit's."));
    const { verb, data } = action;
    try {
      if (verb === ASSIST_VERBS.script) {
        const view = desk.view(data.sessionId);
        const script =
          view?.next.find((s) => s.for === data.id)?.text ??
          view?.checklist.find((i) => i.obligationId === data.id)?.say;
        return void (await message(script ?? "That script is no longer suggested."));
      }
      const view =
        verb === ASSIST_VERBS.tick
          ? await desk.tick(data.sessionId, data.id, agentRef(agent))
          : await desk.dismiss(data.sessionId, data.id, agentRef(agent));
      await answer({
        statusCode: 200,
        type: "application/vnd.microsoft.card.adaptive",
        value: assistCard(view).content,
      });
    } catch (error) {
      if (!(error instanceof AssistError))
        logger.error({ err: (error as Error).message }, "Teams assist button failed");
      await message(problemOf(error));
    }
  }

  return {
    async handle(context) {
      const agent = agentOf(context.activity);
      if (agent === undefined || !agents.has(agent)) return false;
      const activity = context.activity;
      if (activity.type === ActivityTypes.Invoke && activity.name === "adaptiveCard/action")
        await onAction(context, agent);
      else if (activity.type === ActivityTypes.Message) await onCommand(context, agent);
      else if (
        activity.type === ActivityTypes.ConversationUpdate &&
        activity.membersAdded?.some((m) => m.id !== activity.recipient?.id)
      )
        await context.sendActivity(USAGE);
      return true;
    },
    get stats() {
      const s = coalescer.stats;
      return { sent: s.sent, rateLimited: s.rateLimited, failed: s.failed, waiting: coalescer.waiting };
    },
    quiet: () => coalescer.quiet(),
    close() {
      unsubscribe();
      coalescer.close();
    },
  };
}
