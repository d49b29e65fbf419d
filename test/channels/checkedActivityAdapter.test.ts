/**
 * The adapter behind POST /api/messages once FairExit has checked the activity's envelope:
 * botbuilder's own authentication and turn, answered as the stock `CloudAdapter.process` answers.
 */
import { ConfigurationBotFrameworkAuthentication, type Response, type TurnContext } from "botbuilder";
import { describe, expect, it } from "vitest";
import { CheckedActivityAdapter } from "../../src/adapters/botframework/checkedActivityAdapter.js";

/** What the adapter wrote to the HTTP response. */
function aResponse() {
  const written: { status?: number; body?: unknown; ended: boolean } = { ended: false };
  const res = {
    status(code: number) {
      written.status = code;
      return res;
    },
    send(body: unknown) {
      written.body = body;
      return res;
    },
    end() {
      written.ended = true;
      return res;
    },
  } as unknown as Response;
  return { res, written };
}

const activity = (fields: Record<string, unknown>): Record<string, unknown> => ({
  type: "message",
  text: "I want to cancel",
  channelId: "emulator",
  serviceUrl: "http://127.0.0.1:1/",
  conversation: { id: "conv-checked" },
  from: { id: "customer" },
  recipient: { id: "bot" },
  deliveryMode: "expectReplies",
  ...fields,
});

const developmentMode = () => new CheckedActivityAdapter(new ConfigurationBotFrameworkAuthentication({}));

describe("the checked-activity adapter", () => {
  it("runs the turn and answers an expectReplies activity with the replies in the body", async () => {
    const adapter = developmentMode();
    const { res, written } = aResponse();
    const seen: TurnContext["activity"][] = [];
    await adapter.processChecked(
      activity({ timestamp: "2026-11-23T10:00:00.000Z" }),
      "",
      res,
      async (context) => {
        seen.push(context.activity);
        await context.sendActivity("Which account is it?");
      },
      () => expect.unreachable("nothing failed"),
    );
    expect(written.status).toBe(200);
    expect(written.ended).toBe(true);
    const replies = (written.body as { activities: { text?: string }[] }).activities;
    expect(replies.map((r) => r.text)).toEqual(["Which account is it?"]);
    // The times as botbuilder's own `process` leaves them.
    expect(seen[0]?.timestamp).toEqual(new Date("2026-11-23T10:00:00.000Z"));
    expect((seen[0] as unknown as { rawTimestamp: string }).rawTimestamp).toBe("2026-11-23T10:00:00.000Z");
  });

  it("answers an invoke with the status and body the bot gave it (Teams card actions)", async () => {
    const adapter = developmentMode();
    const { res, written } = aResponse();
    await adapter.processChecked(
      activity({ type: "invoke", name: "adaptiveCard/action", deliveryMode: undefined }),
      "",
      res,
      async (context) => {
        await context.sendActivity({
          type: "invokeResponse",
          value: { status: 202, body: { handled: true } },
        });
      },
      () => expect.unreachable("nothing failed"),
    );
    expect(written.status).toBe(202);
    expect(written.body).toEqual({ handled: true });
  });

  it("refuses a garbage token with 401 and never runs the turn", async () => {
    const adapter = new CheckedActivityAdapter(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
        MicrosoftAppPassword: "not-a-real-password",
      }),
    );
    const { res, written } = aResponse();
    const failures: number[] = [];
    let ran = false;
    await adapter.processChecked(
      activity({}),
      "Bearer garbage",
      res,
      async () => {
        ran = true;
      },
      (_error, status) => failures.push(status),
    );
    expect(ran).toBe(false);
    expect(written.status).toBe(401);
    expect(failures).toEqual([401]);
  });

  it("answers 500 when the turn fails, and tells the caller nothing of why (the log has it)", async () => {
    const adapter = developmentMode(); // no onTurnError: the failure leaves the turn
    const { res, written } = aResponse();
    const failures: [string, number][] = [];
    await adapter.processChecked(
      activity({}),
      "",
      res,
      async () => {
        throw new Error("store at postgres://fairexit:s3cret@db failed");
      },
      (error, status) => failures.push([error.message, status]),
    );
    expect(written.status).toBe(500);
    expect(JSON.stringify(written.body)).not.toContain("s3cret");
    expect(failures).toHaveLength(1);
    expect(failures[0]?.[1]).toBe(500);
    expect(failures[0]?.[0]).toContain("postgres://");
  });
});
