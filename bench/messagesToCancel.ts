/**
 * bench/messagesToCancel: how many messages a customer who asks nothing needs, from "I want to
 * cancel" to the executed cancellation, identification left out, for every demo story (see
 * test/bot/flow/directCustomer.ts for what the customer says). Reports each story, the median
 * and the worst case; stories the policy hands to a person are listed apart. Goal: at most 4.
 *
 *     node --import tsx bench/messagesToCancel.ts [--transcripts]
 */
import { parseArgs } from "node:util";
import { DEMO_STORIES } from "../test/bot/flow/demoCustomerStories.js";
import { messagesToCancel } from "../test/bot/flow/directCustomer.js";

const { values } = parseArgs({ options: { transcripts: { type: "boolean", default: false } } });

const executed: number[] = [];
for (const story of DEMO_STORIES) {
  const run = await messagesToCancel(story);
  const outcome = run.executed ? "executed" : run.handedOver ? "handed to a person" : "NOT EXECUTED";
  process.stdout.write(
    `${story.customerId.padEnd(28)} ${String(run.messages).padStart(2)} messages  ${outcome}\n`,
  );
  if (values.transcripts) process.stdout.write(`${run.transcript.map((l) => `    ${l}`).join("\n")}\n`);
  if (run.executed) executed.push(run.messages);
}
const sorted = [...executed].sort((a, b) => a - b);
const median =
  sorted.length === 0
    ? Number.NaN
    : sorted.length % 2 === 1
      ? sorted[(sorted.length - 1) / 2]!
      : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
process.stdout.write(
  `${executed.length} of ${DEMO_STORIES.length} stories executed by the bot; messages to cancel: median ${median}, worst ${sorted.at(-1) ?? "n/a"} (goal: at most 4)\n`,
);
