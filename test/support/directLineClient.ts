/**
 * A Direct Line 3.0 client doing what Web Chat's DirectLineJS does in polling mode: start the
 * conversation with its token, post activities, and fetch activities after a watermark.
 */
export interface DirectLineSession {
  conversationId: string;
  token: string;
  userId: string;
  expires_in: number;
}

export interface DlActivity {
  id: string;
  type: string;
  text?: string;
  from: { id: string; role: string };
  replyToId?: string;
  channelData?: { fairexit?: { stage: string; expecting: string }; clientActivityID?: string };
  attachments?: { contentType: string; content: { actions?: { title: string; data: unknown }[] } }[];
}

export class DirectLineClient {
  watermark: string | undefined;
  readonly seen: DlActivity[] = [];

  constructor(
    readonly baseUrl: string,
    readonly session: DirectLineSession,
  ) {}

  static async anonymous(baseUrl: string): Promise<DirectLineClient> {
    const res = await fetch(`${baseUrl}/api/webchat/token`, { method: "POST" });
    if (res.status !== 200) throw new Error(`token: ${res.status} ${await res.text()}`);
    return new DirectLineClient(baseUrl, (await res.json()) as DirectLineSession);
  }

  request(method: string, path: string, body?: unknown, token = this.session.token): Promise<Response> {
    return fetch(`${this.baseUrl}/v3/directline${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, ...(body ? { "content-type": "application/json" } : {}) },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  }

  async start(): Promise<void> {
    const res = await this.request("POST", "/conversations");
    if (res.status !== 201) throw new Error(`start: ${res.status} ${await res.text()}`);
  }

  /** The activities since the last poll. */
  async poll(): Promise<DlActivity[]> {
    const query = this.watermark === undefined ? "" : `?watermark=${this.watermark}`;
    const res = await this.request("GET", `/conversations/${this.session.conversationId}/activities${query}`);
    if (res.status !== 200) throw new Error(`poll: ${res.status} ${await res.text()}`);
    const body = (await res.json()) as { activities: DlActivity[]; watermark: string };
    this.watermark = body.watermark;
    this.seen.push(...body.activities);
    return body.activities;
  }

  async post(activity: Record<string, unknown>): Promise<string> {
    const res = await this.request("POST", `/conversations/${this.session.conversationId}/activities`, {
      from: { id: this.session.userId },
      ...activity,
    });
    if (res.status !== 200) throw new Error(`post: ${res.status} ${await res.text()}`);
    return ((await res.json()) as { id: string }).id;
  }

  /** Says `text` and returns the bot's replies to it. */
  async says(text: string): Promise<DlActivity[]> {
    await this.post({ type: "message", text });
    return (await this.poll()).filter((a) => a.from.role === "bot");
  }
}
