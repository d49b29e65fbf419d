import type { Command } from "commander";
import { readDataFolderSecret } from "../../adapters/files/dataFolderSecret.js";
import { type Config, loadConfig } from "../../config.js";
import { agentLoginLink, agentLoginsFor } from "../../http/assistRoutes.js";
import { LOGIN_DESTINATIONS, type LoginDestination } from "../../http/consolePage.js";
import { CliError } from "../cliError.js";

/**
 * The secret the running server signs console logins with: FAIREXIT_SECRET, else the data
 * folder's (lowdb). The memory store without FAIREXIT_SECRET draws one per process, which
 * no other process can know.
 */
export function consoleSecret(config: Config): string | undefined {
  return config.secret ?? (config.store === "lowdb" ? readDataFolderSecret(config.dataDir) : undefined);
}

export function registerAgentLinkCommand(program: Command): void {
  program
    .command("agent-link")
    .description(
      "print a new one-time login link to the agent console of the running server (valid 15 minutes)",
    )
    .option("--base-url <url>", "the server's address (default: FAIREXIT_PUBLIC_URL, else http://HOST:PORT)")
    .option("--next <page>", `the page the link opens: ${LOGIN_DESTINATIONS.join(" or ")} (default /agent)`)
    .action((opts: { baseUrl?: string; next?: string }) => {
      const next = opts.next ?? "/agent";
      if (!LOGIN_DESTINATIONS.includes(next as LoginDestination))
        throw new CliError(
          `--next: expected ${LOGIN_DESTINATIONS.join(" or ")}, got ${JSON.stringify(next)}`,
          2,
        );
      const config = loadConfig();
      const secret = consoleSecret(config);
      if (!secret)
        throw new CliError(
          config.store === "lowdb"
            ? `no secret yet: set FAIREXIT_SECRET, or start the server once (it creates ${config.dataDir}/secret)`
            : "the memory store draws its secret per process: use the link in the start banner, or set FAIREXIT_SECRET",
        );
      const base = opts.baseUrl ?? config.assistHttp.publicUrl ?? `http://${config.host}:${config.port}`;
      process.stdout.write(
        `${agentLoginLink(agentLoginsFor(secret), base, Date.now(), next as LoginDestination)}\n`,
      );
    });
}
