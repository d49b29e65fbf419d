/**
 * An assist view as an Adaptive Card (1.5) for Teams: open items first, each with a
 * "Mark disclosed" button, alerts with "Dismiss", the next thing to say with "Copy script",
 * and the history. Buttons are `Action.Execute` (Universal Actions): Teams sends them to the
 * bot as an `adaptiveCard/action` invoke with the verb and data below, and shows the card the
 * bot answers with. Pure: view in, card out.
 */

import type { Alert, AssistView } from "../../assist/view.js";
import type { AdaptiveCardAttachment } from "../activity.js";

export const ASSIST_VERBS = { tick: "fx_tick", dismiss: "fx_dismiss", script: "fx_script" } as const;
export type AssistVerb = (typeof ASSIST_VERBS)[keyof typeof ASSIST_VERBS];

/** The data of an assist button: which session and which item or alert. */
export interface AssistActionData {
  sessionId: string;
  id: string;
}

const MAX_ITEMS = 25;

function execute(title: string, verb: AssistVerb, data: AssistActionData) {
  return { type: "Action.Execute", title, verb, data };
}

const text = (value: string, extra: Record<string, unknown> = {}) => ({
  type: "TextBlock",
  text: value,
  wrap: true,
  ...extra,
});

/** An alert; its Dismiss button sits in the ActionSet after it (a Container holds no actions). */
function alertBlock(alert: Alert) {
  return {
    type: "Container",
    style: alert.severity === "violation" ? "attention" : "warning",
    items: [
      text(`${alert.message} (${alert.ruleId})`, { weight: "Bolder" }),
      ...(alert.words ? [text(`“${alert.words}”`, { isSubtle: true })] : []),
      ...(alert.alternative ? [text(`Say instead: ${alert.alternative}`)] : []),
    ],
  };
}

export function assistCard(view: AssistView): AdaptiveCardAttachment {
  const open = view.checklist.filter((i) => i.status === "open");
  const done = view.checklist.filter((i) => i.status === "discharged");
  const alerts = view.alerts.filter((a) => !a.dismissed);
  const who = view.history
    ? `${view.history.name} · ${view.customerId}`
    : (view.customerId ?? "no account yet");
  const body: Record<string, unknown>[] = [
    text(`FairExit assist — ${who}`, { size: "Medium", weight: "Bolder" }),
    text(
      `${view.status} · ${open.length} open · ${alerts.length} alert(s) · session ${view.sessionId} · v${view.version}`,
      { isSubtle: true, spacing: "None" },
    ),
  ];
  for (const a of alerts.slice(-5).reverse())
    body.push(alertBlock(a), {
      type: "ActionSet",
      actions: [execute("Dismiss", ASSIST_VERBS.dismiss, { sessionId: view.sessionId, id: a.id })],
    });
  for (const item of open.slice(0, MAX_ITEMS))
    body.push(
      {
        type: "Container",
        separator: true,
        items: [text(`☐ ${item.topic} (before ${item.before})`, { weight: "Bolder" }), text(item.say)],
      },
      {
        type: "ActionSet",
        actions: [
          execute("Mark disclosed", ASSIST_VERBS.tick, { sessionId: view.sessionId, id: item.obligationId }),
        ],
      },
    );
  if (done.length > 0)
    body.push(
      text(
        `✓ ${done.map((i) => `${i.topic}${i.dischargedBy?.kind === "hand" ? " (ticked by hand)" : ""}`).join(" · ")}`,
        { isSubtle: true, separator: true },
      ),
    );
  const next = view.next[0];
  if (next)
    body.push(
      {
        type: "Container",
        separator: true,
        items: [text("Say next", { weight: "Bolder" }), text(next.text)],
      },
      {
        type: "ActionSet",
        actions: [execute("Copy script", ASSIST_VERBS.script, { sessionId: view.sessionId, id: next.for })],
      },
    );
  const h = view.history;
  if (h) {
    const lines = [`Customer for ${h.tenure}${h.recognition ? ` · ${h.recognition}` : ""}`];
    for (const p of h.promises.slice(0, 3)) lines.push(`Promised ${p.at} by ${p.by}: “${p.words}”`);
    for (const e of h.painPoints.slice(0, 5))
      lines.push(`${e.at} ${e.kind}${e.silo ? ` (${e.silo})` : ""}: ${e.summary}`);
    if (h.rootCause.length > 0) lines.push(`Likely root cause: ${h.rootCause.join(" → ")}`);
    body.push({
      type: "Container",
      separator: true,
      items: [text("History", { weight: "Bolder" }), ...lines.map((l) => text(l))],
    });
  }
  if (view.summary) body.push(text(view.summary, { isSubtle: true }));
  return {
    contentType: "application/vnd.microsoft.card.adaptive",
    content: {
      type: "AdaptiveCard",
      $schema: "http://adaptivecards.io/schemas/adaptive-card.json",
      version: "1.5",
      fallbackText: `FairExit assist ${view.customerId ?? view.sessionId}: ${open.length} open, ${alerts.length} alert(s)`,
      metadata: { fairexit: { sessionId: view.sessionId, version: view.version } },
      body,
    },
  };
}

/** The button's data from an `adaptiveCard/action` invoke value; undefined when it is not ours. */
export function assistActionOf(value: unknown): { verb: AssistVerb; data: AssistActionData } | undefined {
  const action = (value as { action?: { type?: unknown; verb?: unknown; data?: unknown } } | undefined)
    ?.action;
  const verbs = Object.values(ASSIST_VERBS) as string[];
  if (action?.type !== "Action.Execute" || typeof action.verb !== "string" || !verbs.includes(action.verb))
    return undefined;
  const data = action.data as { sessionId?: unknown; id?: unknown } | undefined;
  if (typeof data?.sessionId !== "string" || typeof data.id !== "string") return undefined;
  return { verb: action.verb as AssistVerb, data: { sessionId: data.sessionId, id: data.id } };
}
