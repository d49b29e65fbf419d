/**
 * What the customer's own words establish for the decision, cheaply: why they leave (moving,
 * price, switching, service problems, bereavement, money trouble), where they move to (a
 * postcode), whether they keep their number, and promises they say were made. Plain patterns
 * over English speech; anything not recognised leaves the facts as they were, so the decision
 * falls back to the policy's defaults (and the agent's hand-over decision, when there is one).
 */
import type { ClaimedPromise, ConversationFacts, LeavingReason } from "../domain/decision.js";

const REASONS: [LeavingReason, RegExp][] = [
  ["bereavement", /\b(?:passed away|died|death|deceased|funeral|bereave\w*|executor)\b/i],
  [
    "moving",
    /\b(?:mov(?:e|ing|ed)\s+(?:to|house|abroad|out|away)|relocat\w+|new (?:address|house|flat|home)|we(?:'re| are) moving)\b/i,
  ],
  ["money_trouble", /\b(?:lost my job|can(?:'t|not) afford|made redundant|out of work|money is tight)\b/i],
  [
    "switching_provider",
    /\b(?:switch(?:ing)?(?: to| provider| network)?|another provider|new provider|other network|going (?:over )?to (?:another|a different))\b/i,
  ],
  [
    "service_problems",
    /\b(?:outages?|keeps? (?:dropping|cutting out)|(?:doesn't|does not|never) work|not working|too slow|no signal|broke(?:n)? down)\b/i,
  ],
  [
    "price",
    /\b(?:too expensive|price (?:rise|increase|went up)|cheaper|can get it for less|costs? too much)\b/i,
  ],
];

/** Postcode shapes per jurisdiction (the customer's), tried on what the customer says. */
const POSTCODES: Record<string, RegExp> = {
  UK: /\b([A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2})\b/i,
  SE: /\b(\d{3}\s?\d{2})\b/,
  DE: /\b(\d{5})\b/,
  US: /\b(\d{5})\b/,
};

const KEEP_NUMBER = /\b(?:keep|port|take|bring)\s+(?:my|the|our)\s+(?:phone\s+|mobile\s+)?number\b/i;
const DROP_NUMBER = /\b(?:(?:don't|do not) need (?:my|the) number|(?:get|getting|want) a new number|STAC)\b/i;
const CLAIM =
  /\b(?:(?:the )?(?:sales ?(?:man|woman|person|guy)|salesperson|sales|agent|he|she|they|you|your colleague)\s+(?:promised|told me|said|assured me))\b/i;
const FREE =
  /\b(?:free|no (?:fee|charge|cost)|without (?:a |any )?(?:fee|charge)|wouldn't (?:have to )?pay)\b/i;

function claimOf(text: string): ClaimedPromise {
  return FREE.test(text)
    ? { text, kind: /\bcancel/i.test(text) ? "free_cancellation" : "fee_waiver" }
    : { text };
}

/**
 * The facts after the customer said `text`; returns `facts` itself when nothing changed.
 * `jurisdiction` picks the postcode shape; a postcode counts once the customer is moving.
 */
export function factsAfter(facts: ConversationFacts, text: string, jurisdiction?: string): ConversationFacts {
  let next = facts;
  const set = <K extends keyof ConversationFacts>(k: K, v: ConversationFacts[K]) => {
    if (next[k] === v) return;
    next = { ...next, [k]: v };
  };
  const reason = REASONS.find(([, re]) => re.test(text))?.[0];
  if (reason && (!facts.reason || facts.reason === "other")) set("reason", reason);
  if (next.reason === "moving" || reason === "moving") {
    const re = POSTCODES[(jurisdiction ?? "").slice(0, 2)];
    const m = re?.exec(text);
    if (m?.[1]) set("newPostcode", m[1].toUpperCase());
  }
  if (DROP_NUMBER.test(text)) set("keepNumber", false);
  else if (KEEP_NUMBER.test(text)) set("keepNumber", true);
  if (CLAIM.test(text) && !(next.claims ?? []).some((c) => c.text === text))
    next = { ...next, claims: [...(next.claims ?? []), claimOf(text)] };
  return next;
}
