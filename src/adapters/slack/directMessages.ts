/**
 * Sessions of platform agents who are Slack users (SLACK_PLATFORM_AGENTS) go to the agent's DM
 * with the app: `DirectMessages` opens that DM with conversations.open the first time (then keeps
 * its channel id) and posts there with chat.postMessage. It wraps the client `SlackDelivery`
 * sends with, so the open happens inside the post the coalescer budgeted: a 429 from
 * conversations.open waits for its Retry-After like any other call, and nothing jumps the queue.
 */
import type { AssistView } from "../../assist/view.js";
import type { SlackChat } from "./slackDelivery.js";

/** conversations.open as the Web API answers it. */
export interface SlackConversations {
  conversations: {
    open(args: { users: string }): Promise<{ ok?: boolean; channel?: { id?: string } }>;
  };
}

export class DirectMessages {
  /** Slack user id -> the id of their DM with the app (stable: kept for the life of the process). */
  private readonly opened = new Map<string, string>();
  private readonly users: ReadonlySet<string>;

  constructor(
    private readonly client: SlackChat & SlackConversations,
    /** Platform agent id (`genesys:…`) -> Slack user id. */
    private readonly platformAgents: Readonly<Record<string, string>>,
  ) {
    this.users = new Set(Object.values(platformAgents));
  }

  /** The Slack user a session's DM goes to: the first of its agents who is one. */
  userOf(view: AssistView): string | undefined {
    for (const agent of view.agents ?? [])
      if (Object.hasOwn(this.platformAgents, agent)) return this.platformAgents[agent];
    return undefined;
  }

  /** The client `SlackDelivery` sends with: a post to a mapped user goes to their DM. */
  get chat(): SlackChat {
    return {
      chat: {
        postMessage: async (args) =>
          this.client.chat.postMessage({ ...args, channel: await this.channelOf(args.channel) }),
        update: (args) => this.client.chat.update(args),
      },
    };
  }

  private async channelOf(channel: unknown): Promise<unknown> {
    if (typeof channel !== "string" || !this.users.has(channel)) return channel;
    const known = this.opened.get(channel);
    if (known) return known;
    const answer = await this.client.conversations.open({ users: channel });
    const id = answer.channel?.id;
    if (!id) throw new Error("conversations.open answered without a channel id");
    this.opened.set(channel, id);
    return id;
  }
}
