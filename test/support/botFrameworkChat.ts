/**
 * A conversation with the bot over POST /api/messages as a Bot Framework channel holds it:
 * activities in, reply activities out of the HTTP body (`deliveryMode: "expectReplies"`).
 * `channelId` msteams makes it Teams-shaped: card buttons post their data with no text.
 */
import { randomUUID } from "node:crypto";
import { expect } from "vitest";

export interface Reply {
  type: string;
  text?: string;
  attachments?: { contentType: string; content: AdaptiveCard }[];
  suggestedActions?: { actions: { title: string; value: string }[] };
  channelData?: { fairexit?: { stage: string; expecting: string; discharges: string[]; card?: string } };
  replyToId?: string;
}
export interface AdaptiveCard {
  type: string;
  version: string;
  fallbackText?: string;
  body: Record<string, unknown>[];
  actions?: { type: string; title: string; data: Record<string, unknown> }[];
}

export class BotFrameworkChat {
  readonly transcript: string[] = [];
  replies: Reply[] = [];
  readonly conversationId = `conv-${randomUUID()}`;
  private n = 0;

  constructor(
    readonly baseUrl: string,
    readonly channelId = "emulator",
    readonly headers: Record<string, string> = {},
  ) {}

  activity(extra: Record<string, unknown>): Record<string, unknown> {
    return {
      id: `act-${++this.n}`,
      channelId: this.channelId,
      serviceUrl: "http://127.0.0.1:9/", // never called in expectReplies mode
      conversation: { id: this.conversationId },
      from: { id: "customer-1", name: "Customer" },
      recipient: { id: "fairexit-bot", name: "FairExit" },
      deliveryMode: "expectReplies",
      timestamp: new Date().toISOString(),
      locale: "en-GB",
      ...extra,
    };
  }

  /** POSTs an activity; returns the HTTP status and the replies in the body. */
  async send(activity: Record<string, unknown>): Promise<{ status: number; replies: Reply[] }> {
    const res = await fetch(`${this.baseUrl}/api/messages`, {
      method: "POST",
      headers: { "content-type": "application/json", ...this.headers },
      body: JSON.stringify(activity),
    });
    const body = res.status === 200 ? ((await res.json()) as { activities?: Reply[] }) : undefined;
    const replies = body?.activities ?? [];
    this.replies = replies;
    for (const r of replies) this.transcript.push(`bot: ${r.text ?? "(no text)"}`);
    return { status: res.status, replies };
  }

  /** The customer opens the chat (the channel reports them joining). */
  async joins(): Promise<Reply[]> {
    return (
      await this.send(this.activity({ type: "conversationUpdate", membersAdded: [{ id: "customer-1" }] }))
    ).replies;
  }

  async says(text: string): Promise<Reply[]> {
    this.transcript.push(`customer: ${text}`);
    const { status, replies } = await this.send(this.activity({ type: "message", text }));
    expect(status, this.transcript.join("\n")).toBe(200);
    return replies;
  }

  /** Presses a button on a card in the last replies: posts its data and no text, as Teams does. */
  async clicks(title: string): Promise<Reply[]> {
    const action = this.cards()
      .flatMap((c) => c.actions ?? [])
      .find((a) => a.title === title);
    expect(action, `no card button "${title}" in:\n${this.transcript.join("\n")}`).toBeDefined();
    this.transcript.push(`customer: [${title}]`);
    const { status, replies } = await this.send(this.activity({ type: "message", value: action!.data }));
    expect(status).toBe(200);
    return replies;
  }

  cards(): AdaptiveCard[] {
    return this.replies.flatMap((r) => r.attachments ?? []).map((a) => a.content);
  }

  get reply(): string {
    return this.replies.map((r) => r.text ?? "").join("\n");
  }

  /** What the bot's last reply says it is doing (channelData.fairexit). */
  get state(): { stage: string; expecting: string } {
    const data = this.replies.at(-1)?.channelData?.fairexit;
    return { stage: data?.stage ?? "unknown", expecting: data?.expecting ?? "unknown" };
  }

  expectReply(...parts: (string | RegExp)[]): void {
    for (const p of parts)
      if (typeof p === "string") expect(this.reply, this.transcript.join("\n")).toContain(p);
      else expect(this.reply, this.transcript.join("\n")).toMatch(p);
  }
}
