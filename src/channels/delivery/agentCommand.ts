/**
 * What an agent types to assist, the same in Slack (`/fairexit …`), Teams and the console:
 * `customer <account> [session]` opens a session (or sets the account of one a contact-center
 * platform opened), `check <draft>` checks a sentence before the agent says it. Pure: the text
 * in, what was asked (or why it cannot be read) out. Each transport words its own usage line.
 */

export type AgentCommand =
  | { kind: "customer"; account: string; sessionId?: string }
  | { kind: "check"; draft: string }
  | { kind: "help"; problem?: string };

export function parseAgentCommand(text: string): AgentCommand {
  const trimmed = text.trim();
  const [verb = "", ...rest] = trimmed.split(/\s+/);
  switch (verb.toLowerCase()) {
    case "customer": {
      const [account, sessionId, ...extra] = rest;
      if (!account) return { kind: "help", problem: "`customer` needs an account number." };
      if (extra.length > 0)
        return { kind: "help", problem: "`customer` takes an account and at most a session id." };
      if (account.length > 100 || (sessionId?.length ?? 0) > 200)
        return { kind: "help", problem: "That account or session id is too long." };
      return sessionId ? { kind: "customer", account, sessionId } : { kind: "customer", account };
    }
    case "check": {
      const draft = trimmed.slice(verb.length).trim();
      if (!draft) return { kind: "help", problem: "`check` needs the sentence to check." };
      if (draft.length > 4000)
        return { kind: "help", problem: "That draft is longer than 4,000 characters." };
      return { kind: "check", draft };
    }
    case "":
    case "help":
      return { kind: "help" };
    default:
      return { kind: "help", problem: `Unknown command \`${verb.slice(0, 40)}\`.` };
  }
}
