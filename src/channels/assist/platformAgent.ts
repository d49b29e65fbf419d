/**
 * The agent on a call, as each transcript source can name them, turned into one namespaced id
 * (`api:jo`, `connect:<id>`, `genesys:<id>`, `twilio:<id>`) so a platform's agent never collides
 * with a console, Slack or Teams agent (see PlatformAgentId).
 *
 * Where the payload names the agent (generic events: `agentId`), the translator reads it. The
 * Contact Lens segment stream, Genesys Cloud's transcription topic and Twilio's transcription
 * callbacks name no agent (Contact Lens's voice `ParticipantId` is the role, `AGENT`; Genesys gives
 * a `communicationId`, not a user; Twilio gives tracks): whoever wires them passes the agent as the
 * `agent` query parameter of the route's URL (docs/assist.md).
 */
import { z } from "zod";
import { PlatformAgentId } from "../../assist/utterance.js";
import { TranscriptPayloadError } from "./transcriptPayloadError.js";

/** An agent id as a platform or an operator gives it, before its namespace: bounded, safe characters. */
export const AgentName = z.string().regex(/^[\w.@-]{1,64}$/, "expected 1 to 64 letters, digits or . _ @ -");

export type AgentNamespace = "api" | "connect" | "genesys" | "twilio";

/** `genesys` + `3b1f…` -> `genesys:3b1f…`, checked once more as the utterance will be. */
export const platformAgent = (namespace: AgentNamespace, name: string): string =>
  PlatformAgentId.parse(`${namespace}:${name}`);

/**
 * The `agent` query parameter of a source's URL (`/api/assist/genesys?agent=<id>`), namespaced;
 * undefined without one. Throws a TranscriptPayloadError naming `agent` when it is malformed or
 * given twice.
 */
export function agentFromQuery(url: string | undefined, namespace: AgentNamespace): string | undefined {
  const given = new URL(url ?? "/", "http://fairexit.invalid").searchParams.getAll("agent");
  if (given.length === 0) return undefined;
  if (given.length > 1) throw new TranscriptPayloadError("agent", "expected one agent query parameter");
  const name = AgentName.safeParse(given[0]);
  if (!name.success) throw new TranscriptPayloadError("agent", name.error.issues[0]!.message);
  return platformAgent(namespace, name.data);
}
