/**
 * A hand-over from the real bot opens an assist session by itself: the whole conversation, the
 * bot's decision, and what the bot already disclosed ticked as "bot".
 */
import { expect, it } from "vitest";
import { createAssistDesk } from "../../../src/assist/assistDesk.js";
import { AssistView } from "../../../src/assist/view.js";
import { AuditTrail } from "../../../src/audit/auditTrail.js";
import { aCancellationBot } from "../../bot/cancellationBot.js";
import { demoPolicy } from "./support.js";

it("opens with the conversation, the bot's decision and its discharges ticked as bot", async () => {
  const bot = await aCancellationBot();
  const policy = await demoPolicy();
  const desk = createAssistDesk({
    customers: bot.store.customers,
    policy: () => policy,
    clock: bot.clock,
    audit: new AuditTrail(bot.audit, bot.clock),
  });
  const opened: AssistView[] = [];
  desk.subscribe((v) => opened.push(v));
  // As src/app.ts wires it.
  bot.handover.onHandover((r) => void desk.openFromHandover(r));

  const chat = bot.chat({ channel: "webchat" });
  for (const said of [
    "Hej, I want to cancel my broadband and TV",
    "SE204718",
    "169 57",
    "We're moving to Jokkmokk",
    "962 31",
    "I want to talk to a person",
  ])
    await chat.says(said);
  expect(chat.stage).toBe("handover");
  await new Promise((r) => setImmediate(r));

  const view = AssistView.parse(desk.view(chat.id));
  expect(opened.map((v) => v.sessionId)).toEqual([chat.id]);
  expect(view).toMatchObject({ status: "live", customerId: "cust-se-moving" });
  // The whole conversation, the bot's lines marked.
  expect(view?.transcript[0]).toMatchObject({
    speaker: "customer",
    text: "Hej, I want to cancel my broadband and TV",
  });
  expect(view?.transcript.some((t) => t.bot === true && t.text.includes("We keep the promise"))).toBe(true);
  // What the bot disclosed is ticked as "bot"; what it did not (farewell items) is open.
  const byId = Object.fromEntries(view?.checklist.map((i) => [i.obligationId, i]) ?? []);
  expect(byId["payment-mandate"]).toMatchObject({ status: "discharged", dischargedBy: { kind: "bot" } });
  expect(byId["exact-end-date:svc-se-moving-tv"]).toMatchObject({
    status: "discharged",
    dischargedBy: { kind: "bot" },
  });
  expect(byId["door-open"]).toMatchObject({ status: "open" });
  expect(view?.history?.rootCause).toEqual(bot.handover.records[0]?.rootCause.chain);

  // The bot's decision stands: the agent contradicting its waiver is caught, and confirming now is fine.
  const t = bot.clock.now().toISOString();
  const after = await desk.hearAll([
    {
      sessionId: chat.id,
      utteranceId: "a1",
      speaker: "agent",
      text: "We'll invoice the remaining 9 months.",
      at: t,
      final: true,
      source: "events",
    },
    {
      sessionId: chat.id,
      utteranceId: "a2",
      speaker: "agent",
      text: "Nothing is cancelled until you confirm. I'll cancel that now.",
      at: t,
      final: true,
      source: "events",
    },
  ]);
  expect(after.at(-1)?.alerts.map((a) => a.kind)).toEqual(["contradiction"]);

  // The same record again opens nothing new.
  await desk.openFromHandover(bot.handover.records[0] as never);
  expect(opened).toHaveLength(3);
});
