/**
 * The demo cancellation bot with the alumni register over its store (contact log in memory), and
 * a customer who talks to it until the conversation closes, answering the farewell's consent
 * question as told.
 */
import { expect } from "vitest";
import { MemoryAlumniContacts } from "../../src/adapters/memory/memoryAlumniContacts.js";
import { AlumniRegister } from "../../src/insights/alumniRegister.js";
import { aCancellationBot, demoPolicy } from "../bot/cancellationBot.js";
import { nextLine } from "../bot/simulatedCustomer.js";

export async function aBotWithAlumni() {
  const bot = await aCancellationBot();
  const policy = await demoPolicy();
  const alumni = new AlumniRegister({
    customers: bot.store.customers,
    conversations: bot.store.conversations,
    audit: bot.store.audit,
    contacts: new MemoryAlumniContacts(),
    policy: () => policy,
    clock: bot.clock,
  });
  return { ...bot, alumni };
}

export type BotWithAlumni = Awaited<ReturnType<typeof aBotWithAlumni>>;

/** Drives a conversation to its end, answering the farewell's consent question with `consent`. */
export async function leaveSaying(
  bot: BotWithAlumni,
  customerId: string,
  consent: "yes" | "no",
): Promise<void> {
  const customer = bot.demo.customers.find((c) => c.id === customerId)!;
  const chat = bot.chat();
  let turn = await chat.open();
  for (let i = 0; i < 30; i++) {
    const line = turn.expecting === "consent" ? consent : nextLine(turn, customer);
    if (line === undefined) break;
    turn = await chat.says(line);
  }
  expect(turn.stage, chat.transcript.join("\n")).toBe("closed");
}
