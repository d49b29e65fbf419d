/**
 * Runs one customer message through the flow: the checks before every stage (./middleware.ts,
 * first answer wins), then the handler the flow table (./flow.ts) names for the stage the
 * conversation is in; what they produce is applied to the turn in one place. A turn that ends
 * in a stage the table does not allow from where it started is a bug: it is logged and the
 * customer is handed to a person, never left with a crash.
 */
import type { BotStage } from "./conversationState.js";
import { FLOW, type FlowStage, transitionAllowed } from "./flow.js";
import { CHECKS } from "./middleware.js";
import { startHandover } from "./stages/handover.js";
import type { TurnContext } from "./turnContext.js";

export async function route(
  turn: TurnContext,
  flow: Readonly<Record<BotStage, FlowStage>> = FLOW,
): Promise<void> {
  const from = turn.state.stage;
  const allowedByChecks: BotStage[] = [];
  let answered = false;
  for (const check of CHECKS) {
    const result = await check.run(turn);
    if (!result) continue;
    turn.apply(result);
    allowedByChecks.push(...check.next);
    if (!result.goOn) {
      answered = true;
      break;
    }
  }
  if (!answered) turn.apply(await flow[from].handler(turn));
  const to = turn.state.stage;
  const allowed =
    to === from ||
    (answered ? allowedByChecks.includes(to) : flow[from].next.includes(to) || allowedByChecks.includes(to));
  if (allowed) return;
  turn.deps.logger.error(
    { conversationId: turn.conversationId, from, to },
    "conversation moved to a stage the flow table does not allow: handed to a person",
  );
  turn.apply(await startHandover(turn, [{ ruleId: "bot.flow", reason: `no transition ${from} -> ${to}` }]));
}

export { transitionAllowed };
