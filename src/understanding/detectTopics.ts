/**
 * What a message is about (fee, end date, device, porting …), in the order the customer
 * mentions them. Found in any message, not only in questions, so the bot can answer a
 * question and also see what a statement touches on ("cancel my TV, I'll return the box").
 */

import type { Topic } from "../domain/understanding.js";
import { lexicon, TOPICS_WITH_WORDS } from "./compiledLexicon.js";
import type { Message } from "./message.js";

export function detectTopics(message: Message): Topic[] {
  const found: { topic: Topic; at: number }[] = [];
  for (const topic of TOPICS_WITH_WORDS) {
    const hit = lexicon.topic[topic].first(message);
    if (hit) found.push({ topic, at: hit.start });
  }
  return found.sort((a, b) => a.at - b.at).map((f) => f.topic);
}
