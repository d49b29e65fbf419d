/**
 * Table-driven checks for the understander: each case is what a customer types, what the bot
 * had asked, and what must be understood. Only the fields a case names are checked, except
 * the flags (legal threat, injection, claim), which must stay off unless the case expects them,
 * and the language, which is the table's unless the case says otherwise.
 */
import { expect } from "vitest";
import { ServiceKind } from "../../src/domain/customer.js";
import type { ClaimedPromise, LeavingReason } from "../../src/domain/decision.js";
import type { Expectation, Intent, Language, Topic, Understanding } from "../../src/domain/understanding.js";
import { understand } from "../../src/understanding/understandByRules.js";

export interface Case {
  /** What the customer types. */
  say: string;
  /** What the bot asked last; "anything" when not given. */
  after?: Expectation;
  /** The first (most likely) intent. */
  first?: Intent;
  /** Intents that must also be there. */
  also?: Intent[];
  /** Intents that must not be there. */
  not?: Intent[];
  /** "none": no reason. */
  reason?: LeavingReason | "none";
  /** Topics that must be there. */
  topics?: Topic[];
  /** Exactly these service kinds; "none": no list (not said); "all": every kind ("everything"). */
  kinds?: ServiceKind[] | "none" | "all";
  keepNumber?: boolean | "none";
  account?: string | "none";
  postcode?: string | "none";
  /** The claim's kind; flags default to "none". */
  claim?: NonNullable<ClaimedPromise["kind"]> | "none";
  /** The claim's text, when it matters. */
  claimText?: string;
  legal?: boolean;
  injection?: boolean;
  survey?: LeavingReason | "none";
  /** The language; the table's by default, "any" to skip. */
  lang?: Language | "any";
  /** high: >= 0.9; medium: 0.6 to 0.9; low: < 0.6. */
  sure?: "high" | "medium" | "low";
}

const sureOf = (c: number): "high" | "medium" | "low" => (c >= 0.9 ? "high" : c >= 0.6 ? "medium" : "low");
const orNone = <T>(v: T | undefined): T | "none" => (v === undefined ? "none" : v);

/** What the case checks, as read from `u`. */
function observed(c: Case, u: Understanding, tableLang: Language | "any"): Record<string, unknown> {
  const got: Record<string, unknown> = {};
  if (c.first !== undefined) got.first = u.intents[0];
  if (c.also !== undefined) got.also = c.also.filter((i) => u.intents.includes(i));
  if (c.not !== undefined) got.not = c.not.filter((i) => u.intents.includes(i));
  if (c.reason !== undefined) got.reason = orNone(u.reason);
  if (c.topics !== undefined) got.topics = c.topics.filter((t) => u.topics.includes(t));
  if (c.kinds !== undefined)
    got.kinds =
      c.kinds === "all" && u.serviceKinds?.length === ServiceKind.options.length
        ? "all"
        : orNone(u.serviceKinds);
  if (c.keepNumber !== undefined) got.keepNumber = orNone(u.keepNumber);
  if (c.account !== undefined) got.account = orNone(u.accountNumber);
  if (c.postcode !== undefined) got.postcode = orNone(u.postcode);
  if (c.claimText !== undefined) got.claimText = u.claim?.text;
  if (c.survey !== undefined) got.survey = orNone(u.surveyCause);
  if (c.sure !== undefined) got.sure = sureOf(u.confidence);
  got.claim = orNone(u.claim?.kind);
  got.legal = u.legalThreat;
  got.injection = u.injectionAttempt;
  if ((c.lang ?? tableLang) !== "any") got.lang = u.language;
  return got;
}

function wanted(c: Case, tableLang: Language | "any"): Record<string, unknown> {
  const want: Record<string, unknown> = {};
  if (c.first !== undefined) want.first = c.first;
  if (c.also !== undefined) want.also = c.also;
  if (c.not !== undefined) want.not = [];
  if (c.reason !== undefined) want.reason = c.reason;
  if (c.topics !== undefined) want.topics = c.topics;
  if (c.kinds !== undefined) want.kinds = c.kinds;
  if (c.keepNumber !== undefined) want.keepNumber = c.keepNumber;
  if (c.account !== undefined) want.account = c.account;
  if (c.postcode !== undefined) want.postcode = c.postcode;
  if (c.claimText !== undefined) want.claimText = c.claimText;
  if (c.survey !== undefined) want.survey = c.survey;
  if (c.sure !== undefined) want.sure = c.sure;
  want.claim = c.claim ?? "none";
  want.legal = c.legal ?? false;
  want.injection = c.injection ?? false;
  const lang = c.lang ?? tableLang;
  if (lang !== "any") want.lang = lang;
  return want;
}

/** Checks one case; on failure the message shows the whole understanding. */
export function expectUnderstood(c: Case, tableLang: Language | "any"): void {
  const u = understand(c.say, c.after ?? "anything");
  expect(observed(c, u, tableLang), JSON.stringify(u)).toEqual(wanted(c, tableLang));
}

/** A test name: the message, and what the bot had asked when it matters. */
export const named = (cases: Case[]): [string, Case][] =>
  cases.map((c) => [c.after && c.after !== "anything" ? `${c.say}  (after: ${c.after})` : c.say, c]);
