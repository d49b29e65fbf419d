/**
 * The conversation flow table (src/bot/flow.ts): every stage change the demo stories and the
 * generated conversations make is one the table (or a check before every stage) allows, so no
 * conversation of theirs is handed over for a transition the table lacks; a transition the
 * table does not allow hands the customer to a person, logged, instead of crashing; and
 * docs/architecture.md shows the table as it is.
 */
import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { AuditTrail } from "../../../src/audit/auditTrail.js";
import type { BotTurn } from "../../../src/bot/botReply.js";
import { type BotStage, initialState } from "../../../src/bot/conversationState.js";
import { FLOW, transitionAllowed } from "../../../src/bot/flow.js";
import { CHECKS } from "../../../src/bot/middleware.js";
import type { ConversationDeps } from "../../../src/bot/ports.js";
import { route } from "../../../src/bot/route.js";
import { TurnContext } from "../../../src/bot/turnContext.js";
import type { AuditEntry } from "../../../src/domain/auditEntry.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { understand } from "../../../src/understanding/understandByRules.js";
import { aCancellationBot, demoPolicy } from "../cancellationBot.js";
import { CANONICAL, conversations, play } from "./conversationGenerator.js";
import { DEMO_STORIES } from "./demoCustomerStories.js";
import { directAnswer } from "./directCustomer.js";

const BY_CHECKS = CHECKS.flatMap((c) => c.next);

/** Stage changes of one conversation, from the stage it started in. */
function transitions(turns: readonly BotTurn[], first: BotStage = "identify"): [BotStage, BotStage][] {
  const out: [BotStage, BotStage][] = [];
  let from = first;
  for (const t of turns) {
    out.push([from, t.stage]);
    from = t.stage;
  }
  return out;
}

const flowHandovers = (audit: readonly AuditEntry[]) =>
  audit.filter(
    (e) =>
      e.kind === "handover" &&
      JSON.stringify((e.data as { reasons?: unknown }).reasons ?? []).includes('"bot.flow"'),
  );

function expectAllowed(pairs: [BotStage, BotStage][], transcript: readonly string[]) {
  for (const [from, to] of pairs)
    expect(transitionAllowed(from, to, BY_CHECKS), `${from} -> ${to}\n${transcript.join("\n")}`).toBe(true);
}

describe("the flow table", () => {
  it("allows every transition the demo stories take, and none of them is refused", async () => {
    for (const story of DEMO_STORIES) {
      const bot = await aCancellationBot();
      const chat = bot.chat();
      const turns: BotTurn[] = [];
      let line: string | undefined = "I want to cancel";
      for (let guard = 0; line !== undefined && guard < 20; guard++) {
        const turn = await chat.says(line);
        turns.push(turn);
        if (turn.messages.some((m) => m.card?.kind === "receipt")) {
          // After the receipt: the consent, the survey, a question, the receipt again, cancel again.
          for (const after of ["no", "too expensive", "what do I owe?", "receipt", "cancel"])
            turns.push(await chat.says(after));
          break;
        }
        line = directAnswer(turn, story).line;
      }
      expectAllowed(transitions(turns), chat.transcript);
      expect(flowHandovers(bot.audit.entries), chat.transcript.join("\n")).toEqual([]);
    }
  });

  it("allows every transition of generated conversations, and none of them is refused", async () => {
    const samples = [CANONICAL, ...fc.sample(conversations(), { numRuns: 25, seed: 15 })];
    for (const c of samples) {
      const played = await play(c);
      expectAllowed(transitions(played.turns), played.transcript);
      expect(flowHandovers(played.audit), played.transcript.join("\n")).toEqual([]);
    }
  });

  it("hands the customer to a person, logged, when a stage moves where the table does not allow", async () => {
    const bot = await aCancellationBot();
    const customer = bot.demo.customers.find((c) => c.id === "cust-se-moving")!;
    const errors: object[] = [];
    const deps = {
      store: bot.store,
      policy: () => undefined as never,
      clock: bot.clock,
      outbox: bot.outbox,
      audit: new AuditTrail(bot.audit, bot.clock),
      handover: bot.handover,
      understand,
      logger: { ...silentLogger, error: (o: object) => errors.push(o) },
    } as unknown as ConversationDeps;
    deps.policy = () => policy;
    const policy = await demoPolicy();
    const state = {
      ...initialState("webchat", customer.id),
      stage: "review" as const,
      expecting: "anything" as const,
    };
    state.facts.serviceIds = customer.services.map((s) => s.id);
    const turn = new TurnContext(
      deps,
      "conv-flow-refused",
      state,
      understand("continue", "anything"),
      "continue",
      bot.clock.now(),
      bot.demo.coverage,
    );
    turn.customer = customer;
    // A table in which the review leads nowhere: "continue" (to an offer or the confirmation) is refused.
    await route(turn, { ...FLOW, review: { ...FLOW.review, next: [] } });
    expect(turn.state.stage).toBe("handover");
    expect(bot.handover.records.map((r) => r.reasons.map((x) => x.ruleId))).toEqual([["bot.flow"]]);
    expect(turn.out.at(-1)?.card?.kind).toBe("handover");
    expect(errors).toEqual([expect.objectContaining({ from: "review" })]);
  });

  it("is shown as it is in docs/architecture.md", () => {
    const doc = readFileSync(new URL("../../../docs/architecture.md", import.meta.url), "utf8");
    expect(doc).toContain(flowTableMarkdown());
    for (const c of CHECKS) expect(doc, `check "${c.name}"`).toContain(`| ${c.name} |`);
  });
});

/** The flow table as docs/architecture.md shows it. */
function flowTableMarkdown(): string {
  const rows = Object.entries(FLOW).map(
    ([stage, s]) =>
      `| \`${stage}\` | ${s.expects} | \`${s.handler.name}\` | ${s.next.map((n) => `\`${n}\``).join(", ") || "—"} |`,
  );
  return ["| Stage | Expects | Handler | May go to |", "|---|---|---|---|", ...rows].join("\n");
}
