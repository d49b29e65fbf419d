/**
 * The baseline for bench/turns: a bare botbuilder echo bot on the same stack as FairExit's
 * POST /api/messages — restify with the same plugins and options as src/http/server.ts and
 * botbuilder's CloudAdapter in development mode (no MicrosoftAppId, no authentication). Its
 * logic is one sendActivity per activity, so what it costs is the HTTP + botbuilder stack.
 * By default it is the stock adapter, as a bare echo bot would be written; with
 * `adapter: "fairexit"` it runs on the adapter setup of FairExit's endpoint (reused clients,
 * checked activities: src/adapters/botframework/README.md), to see FairExit's own cost over
 * the very same adapter setup.
 */
import type { AddressInfo } from "node:net";
import { CloudAdapter, ConfigurationBotFrameworkAuthentication, type TurnContext } from "botbuilder";
import restify from "restify";
import { CheckedActivityAdapter } from "../src/adapters/botframework/checkedActivityAdapter.js";
import { ReusedClientsAuthentication } from "../src/adapters/botframework/reusedClientsAuthentication.js";

export interface RunningEchoBot {
  url: string;
  close(): Promise<void>;
}

export async function startEchoBot(
  host = "127.0.0.1",
  options: { adapter?: "stock" | "fairexit" } = {},
): Promise<RunningEchoBot> {
  const stock = new ConfigurationBotFrameworkAuthentication({});
  // --echo-adapter fairexit: the echo bot gets the adapter setup of FairExit's endpoint, for comparison.
  const adapter =
    options.adapter === "fairexit"
      ? new CheckedActivityAdapter(new ReusedClientsAuthentication(stock))
      : new CloudAdapter(stock);
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
    // The bench posts only well-formed activities: FairExit checks the envelope first, this bot need not.
    if (adapter instanceof CheckedActivityAdapter)
      await adapter.processChecked(req.body, String(req.headers.authorization ?? ""), res, logic, (e) =>
        process.stderr.write(`echo bot request failed: ${e.message}\n`),
      );
    else await adapter.process(req, res, logic);
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
