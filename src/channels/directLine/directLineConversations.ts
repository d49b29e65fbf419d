/**
 * The Direct Line 3.0 conversations FairExit serves itself, so Microsoft's Web Chat runs with
 * no cloud service: each conversation keeps the activities of both sides in order, numbered by
 * watermark, and Web Chat polls for the ones after its watermark. Where they are kept is a
 * `DirectLineLog` (this process's memory, or PostgreSQL so that any instance answers a poll);
 * the conversation itself is in the store.
 */
import type { ConversationEngine } from "../../bot/conversationEngine.js";
import { KeyedMutex } from "../../domain/keyedMutex.js";
import { maskTypedPersonalData } from "../../domain/typedPersonalData.js";
import type { ReplyActivity } from "../activity.js";
import { replyActivities } from "../replyActivities.js";
import { respondToActivity } from "../respondToActivity.js";
import type { DirectLineLog, DirectLinePage, UnnumberedActivity } from "./directLineLog.js";
import type { DirectLineGrant } from "./directLineToken.js";

export const BOT_ACCOUNT = { id: "fairexit", name: "FairExit (automated assistant)", role: "bot" } as const;
const CHANNEL = "webchat";

export class DirectLineConversations {
  /** Orders the posts of one conversation in this process (the engine orders them across instances). */
  private readonly order = new KeyedMutex();

  constructor(
    private readonly engine: ConversationEngine,
    private readonly now: () => number,
    private readonly log: DirectLineLog,
  ) {}

  /**
   * Opens the conversation once: a signed-in customer's is stored and greets them by name; an
   * anonymous visitor gets the opening without anything stored until they write (a public page
   * is opened far more often than used, and by robots too).
   */
  async start(grant: DirectLineGrant): Promise<void> {
    await this.order.run(grant.conversationId, async () => {
      const opened = await this.log.start(grant.conversationId, !grant.customerId, this.now());
      if (!opened.first) return;
      const turn = grant.customerId
        ? await this.engine.start(grant.conversationId, {
            channel: CHANNEL,
            trustedCustomerId: grant.customerId,
          })
        : this.engine.opening(grant.conversationId);
      await this.appendReplies(grant.conversationId, replyActivities(turn), undefined);
    });
  }

  /** Records the customer's activity, lets the bot answer it, and returns the activity's id. */
  async post(grant: DirectLineGrant, activity: Record<string, unknown>): Promise<string> {
    return this.order.run(grant.conversationId, async () => {
      const [echoed] = await this.log.append(
        grant.conversationId,
        [this.stamped(grant.conversationId, { ...pick(activity), from: { id: grant.userId, role: "user" } })],
        this.now(),
      );
      const replies = await respondToActivity(this.engine, activity, {
        conversationId: grant.conversationId,
        channel: CHANNEL,
        botId: BOT_ACCOUNT.id,
        trustedCustomerId: grant.customerId,
        openingShown: await this.log.openingShown(grant.conversationId),
      });
      await this.appendReplies(grant.conversationId, replies, echoed!.id);
      return echoed!.id;
    });
  }

  /** The activities after `watermark` (see `DirectLineLog.page`). */
  activities(conversationId: string, watermark: string | undefined): Promise<DirectLinePage> {
    return this.log.page(conversationId, watermark, this.now());
  }

  private async appendReplies(
    conversationId: string,
    replies: ReplyActivity[],
    replyToId: string | undefined,
  ) {
    if (replies.length === 0) return;
    await this.log.append(
      conversationId,
      replies.map((reply) =>
        this.stamped(conversationId, { ...reply, from: BOT_ACCOUNT, ...(replyToId ? { replyToId } : {}) }),
      ),
      this.now(),
    );
  }

  private stamped(
    conversationId: string,
    activity: Record<string, unknown> & { from: UnnumberedActivity["from"] },
  ): UnnumberedActivity {
    return {
      ...activity,
      type: String(activity.type ?? "message"),
      timestamp: new Date(this.now()).toISOString(),
      channelId: "directline",
      conversation: { id: conversationId },
    };
  }
}

/**
 * The parts of a posted activity that are kept in the log (never a client-chosen id or sender),
 * with the text masked as the bot reads it: a card number or identity number the customer typed
 * is echoed back masked, and never kept in the log (in PostgreSQL, shared by every instance).
 */
function pick(activity: Record<string, unknown>): Record<string, unknown> {
  const kept: Record<string, unknown> = { type: activity.type };
  for (const key of ["text", "textFormat", "value", "locale", "channelData"] as const)
    if (activity[key] !== undefined) kept[key] = activity[key];
  if (typeof kept.text === "string") kept.text = maskTypedPersonalData(kept.text);
  return kept;
}
