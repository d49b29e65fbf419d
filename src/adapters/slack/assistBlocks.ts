/**
 * An assist view as Slack Block Kit: what the agent reads mid-call, open items first. Pure:
 * view in, blocks out. Buttons carry the session and item (`buttonValue`) as their value; the action ids are the
 * ones `slackAssist.ts` listens to. Slack's limits are kept here: at most 50 blocks a message,
 * 3,000 characters a text, 150 a header.
 */
import type { types } from "@slack/bolt";
import type { Alert, AssistView, ChecklistItem } from "../../assist/view.js";

export type Block = types.KnownBlock;

export const ACTIONS = {
  tick: "fx_tick",
  script: "fx_script",
  dismiss: "fx_dismiss",
  open: "fx_open_in_console",
} as const;

const MAX_BLOCKS = 50;
const MAX_TEXT = 3000;

/** The value of a button: the session and the item or alert, as JSON (either may contain any character). */
export function buttonValue(sessionId: string, id: string): string {
  return JSON.stringify({ s: sessionId, i: id });
}

/** The session and item of a button value; undefined when it is not one of ours. */
export function parseButtonValue(value: string | undefined): { sessionId: string; id: string } | undefined {
  if (!value) return undefined;
  try {
    const parsed = JSON.parse(value) as { s?: unknown; i?: unknown };
    if (typeof parsed?.s !== "string" || typeof parsed.i !== "string" || !parsed.s || !parsed.i)
      return undefined;
    return { sessionId: parsed.s, id: parsed.i };
  } catch {
    return undefined;
  }
}

/** Escapes Slack's control characters in text we did not write (customer facts, agent words). */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const clip = (text: string, max = MAX_TEXT) => (text.length <= max ? text : `${text.slice(0, max - 1)}…`);
const md = (text: string) => ({ type: "mrkdwn" as const, text: clip(text) });

function button(text: string, actionId: string, value: string, style?: "primary" | "danger") {
  return {
    type: "button" as const,
    text: { type: "plain_text" as const, text, emoji: true },
    action_id: actionId,
    value,
    ...(style ? { style } : {}),
  };
}

function title(view: AssistView): string {
  const who = view.history
    ? `${view.history.name} · ${view.customerId}`
    : (view.customerId ?? "no account yet");
  return clip(`FairExit assist — ${who}`, 150);
}

function statusLine(view: AssistView): string {
  const open = view.checklist.filter((i) => i.status === "open").length;
  const alerts = view.alerts.filter((a) => !a.dismissed).length;
  const status =
    view.status === "awaiting_customer"
      ? `waiting for the account: \`/fairexit customer <account> ${view.sessionId}\``
      : view.status;
  return `*${status}* · ${open} open item${open === 1 ? "" : "s"} · ${alerts} alert${alerts === 1 ? "" : "s"} · session \`${escapeText(view.sessionId)}\` · v${view.version}`;
}

function openItem(view: AssistView, item: ChecklistItem): Block {
  return {
    type: "section",
    block_id: `item:${item.obligationId}`.slice(0, 255),
    text: md(
      `:white_square: *${escapeText(item.topic)}* (before ${escapeText(item.before)})\n${escapeText(item.say)}`,
    ),
    accessory: button("Mark disclosed", ACTIONS.tick, buttonValue(view.sessionId, item.obligationId)),
  };
}

function alertBlock(view: AssistView, alert: Alert): Block {
  return {
    type: "section",
    block_id: `alert:${alert.id}`.slice(0, 255),
    text: md(alertText(alert)),
    accessory: button("Dismiss", ACTIONS.dismiss, buttonValue(view.sessionId, alert.id)),
  };
}

/** One alert as the agent reads it: why, the words, what to say instead. */
export function alertText(alert: Alert): string {
  const icon = alert.severity === "violation" ? ":red_circle:" : ":warning:";
  const lines = [`${icon} *${escapeText(alert.message)}* _(${escapeText(alert.ruleId)})_`];
  if (alert.words) lines.push(`> ${escapeText(alert.words)}`);
  if (alert.alternative) lines.push(`Say instead: ${escapeText(alert.alternative)}`);
  return lines.join("\n");
}

function historyText(view: AssistView): string | undefined {
  const h = view.history;
  if (!h) return undefined;
  const lines = [
    `*History* — customer for ${escapeText(h.tenure)}${h.recognition ? ` · ${escapeText(h.recognition)}` : ""}`,
  ];
  if (h.services.length > 0)
    lines.push(
      `Services: ${h.services.map((s) => `${escapeText(s.plan)} (${escapeText(s.status)})`).join(", ")}`,
    );
  for (const p of h.promises.slice(0, 3))
    lines.push(`:handshake: Promised ${escapeText(p.at)} by ${escapeText(p.by)}: “${escapeText(p.words)}”`);
  for (const e of h.painPoints.slice(0, 5))
    lines.push(
      `• ${escapeText(e.at)} ${escapeText(e.kind)}${e.silo ? ` (${escapeText(e.silo)})` : ""}: ${escapeText(e.summary)}`,
    );
  if (h.recentContacts.length > 0) lines.push(`${h.recentContacts.length} contact(s) in the last 90 days`);
  if (h.rootCause.length > 0) lines.push(`Likely root cause: ${h.rootCause.map(escapeText).join(" → ")}`);
  return lines.join("\n");
}

/** The session message: open items with their buttons, alerts, what to say next, history. */
export function assistBlocks(view: AssistView): Block[] {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: title(view), emoji: true } },
    { type: "context", elements: [md(statusLine(view))] },
  ];
  const alerts = view.alerts.filter((a) => !a.dismissed);
  const open = view.checklist.filter((i) => i.status === "open");
  const done = view.checklist.filter((i) => i.status === "discharged");
  // Room for the fixed blocks (dividers, next, done, history, summary): the rest is shared.
  const room = MAX_BLOCKS - blocks.length - 8;
  const alertRoom = Math.min(alerts.length, Math.max(3, room - open.length));
  for (const a of alerts.slice(-alertRoom).reverse()) blocks.push(alertBlock(view, a));
  if (alerts.length > alertRoom)
    blocks.push({
      type: "context",
      elements: [md(`${alerts.length - alertRoom} older alert(s) in the thread`)],
    });
  if (open.length > 0) {
    blocks.push({ type: "divider" });
    for (const item of open.slice(0, Math.max(0, room - alertRoom))) blocks.push(openItem(view, item));
  }
  if (done.length > 0)
    blocks.push({
      type: "context",
      elements: [
        md(
          `:white_check_mark: ${done
            .map((i) => `${escapeText(i.topic)}${i.dischargedBy?.kind === "hand" ? " (ticked by hand)" : ""}`)
            .join(" · ")}`,
        ),
      ],
    });
  const next = view.next[0];
  if (next) {
    blocks.push({ type: "divider" });
    blocks.push({
      type: "section",
      block_id: "next",
      text: md(`:speech_balloon: *Say next*\n${escapeText(next.text)}`),
      accessory: button("Copy script", ACTIONS.script, buttonValue(view.sessionId, next.for)),
    });
  }
  const history = historyText(view);
  if (history) blocks.push({ type: "divider" }, { type: "section", block_id: "history", text: md(history) });
  if (view.summary) blocks.push({ type: "context", elements: [md(`:memo: ${escapeText(view.summary)}`)] });
  return blocks.slice(0, MAX_BLOCKS);
}

/** The notification text (push, screen readers) of a session message. */
export function assistFallbackText(view: AssistView): string {
  const open = view.checklist.filter((i) => i.status === "open").length;
  const alerts = view.alerts.filter((a) => !a.dismissed).length;
  return clip(`FairExit assist ${view.customerId ?? view.sessionId}: ${open} open, ${alerts} alert(s)`, 300);
}

/** New alerts as one thread reply. */
export function alertReplyBlocks(view: AssistView, alerts: readonly Alert[]): Block[] {
  return alerts.slice(0, MAX_BLOCKS).map((a) => alertBlock(view, a));
}

/** The script of a suggestion (or an open item), for the agent to copy. */
export function scriptFor(view: AssistView | undefined, id: string): string | undefined {
  if (!view) return undefined;
  return view.next.find((s) => s.for === id)?.text ?? view.checklist.find((i) => i.obligationId === id)?.say;
}

/** The App Home: the agent's live sessions, then the other live sessions of the desk. */
export function homeBlocks(
  mine: readonly AssistView[],
  others: readonly { sessionId: string; customerId?: string; openItems: number; alerts: number }[],
): Block[] {
  const blocks: Block[] = [
    { type: "header", text: { type: "plain_text", text: "FairExit agent assist" } },
    {
      type: "section",
      text: md(
        "Open a session with `/fairexit customer <account>`; check a sentence first with `/fairexit check <draft>`.",
      ),
    },
    { type: "header", text: { type: "plain_text", text: "Your live sessions" } },
  ];
  if (mine.length === 0) blocks.push({ type: "context", elements: [md("None right now.")] });
  for (const v of mine.slice(0, 20)) blocks.push({ type: "section", text: md(statusLine(v)) });
  if (others.length > 0) {
    blocks.push({ type: "header", text: { type: "plain_text", text: "Other live sessions" } });
    for (const s of others.slice(0, 20))
      blocks.push({
        type: "context",
        elements: [
          md(
            `\`${escapeText(s.sessionId)}\` · ${escapeText(s.customerId ?? "no account")} · ${s.openItems} open · ${s.alerts} alert(s)`,
          ),
        ],
      });
  }
  return blocks.slice(0, MAX_BLOCKS);
}
