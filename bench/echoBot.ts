/**
 * The baseline for bench/turns: a bare botbuilder echo bot on the same stack as FairExit's
 * POST /api/messages — restify with the same plugins and options as src/http/server.ts and
 * botbuilder's CloudAdapter in development mode (no MicrosoftAppId, no authentication). Its
 * logic is one sendActivity per activity, so what it costs is the HTTP + botbuilder stack.
 */
import type { AddressInfo } from "node:net";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import restify from "restify";

export interface RunningEchoBot {
  url: string;
  close(): Promise<void>;
}

export async function startEchoBot(host = "127.0.0.1"): Promise<RunningEchoBot> {
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication({}));
  adapter.onTurnError = async (context, error) => {
    process.stderr.write(`echo bot turn failed: ${error.message}\n`);
    await context.sendActivity("Sorry, something went wrong.");
  };
  // One reply per activity, like FairExit: the greeting for a conversationUpdate, the echo for a message.
  const logic = async (context: TurnContext): Promise<void> => {
    const { type, text } = context.activity;
    await context.sendActivity(type === "message" ? `You said: ${text}` : "Hello, I echo what you say.");
  };

  const server = restify.createServer({ name: "echo", handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser());
  server.use(restify.plugins.bodyParser({ mapParams: false, maxBodySize: 1_000_000 }));
  server.post("/api/messages", async (req, res) => {
    await adapter.process(req, res, logic);
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, host, () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
