/**
 * Assist views as server-sent events: `id` is the view's version, the event is `view`. The desk
 * hands the same view object to every subscriber, so its event text is made once however many
 * consoles are connected.
 */
import type { AssistView } from "../../assist/view.js";

const made = new WeakMap<AssistView, string>();

export function viewEvent(view: AssistView): string {
  let text = made.get(view);
  if (text === undefined) {
    text = `id: ${view.version}\nevent: view\ndata: ${JSON.stringify(view)}\n\n`;
    made.set(view, text);
  }
  return text;
}

/** A comment line: keeps proxies from closing an idle stream; EventSource ignores it. */
export const HEARTBEAT = ": keep-alive\n\n";
