/**
 * What the HTTP transport sees of the assist desk: the contract's types, re-exported so that
 * src/http reaches the assist tenant through its channel (docs/layers.json), as it reaches the
 * bot through src/channels.
 */
export type { AgentRef, AssistDesk, DraftCheck, SessionSummary } from "../../assist/desk.js";
export type { AssistView } from "../../assist/view.js";
