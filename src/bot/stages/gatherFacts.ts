/**
 * Understand what the customer wants to end and why: which services (when they have more than
 * one), the reason (optional, asked at most once and never when already told), the new
 * postcode when moving (so coverage is a fact), whether to keep a mobile number. Whatever is
 * still missing is asked in one message. Any fact is kept whenever it is said, before
 * identification too, and a later statement corrects it. Claims about promises are collected
 * for the policy to see; a hand-over the policy requires happens as soon as it is known.
 */
import { normalisePostcode, type Service } from "../../domain/customer.js";
import type { Expectation } from "../../domain/understanding.js";
import { rewordable } from "../botReply.js";
import type { GatheredFacts } from "../conversationState.js";
import { answerTopics } from "../decisionInWords.js";
import { combine, type StageResult } from "../stageResult.js";
import type { TurnContext } from "../turnContext.js";
import { cancellationsFor, tellAlreadyCancelled } from "./alreadyCancelled.js";
import { startHandover } from "./handover.js";
import { recordDecision, startReview } from "./review.js";

export function activeServices(turn: TurnContext): Service[] {
  const cancelled = new Set(turn.state.cancelledServiceIds ?? []);
  return (turn.customer?.services ?? []).filter(
    (s) => (s.status === "active" || s.status === "pending") && !cancelled.has(s.id),
  );
}

/** The new postcode this message gives, if it gives one (never the account's own), with facts `f` gathered. */
function newPostcodeIn(turn: TurnContext, f: GatheredFacts = turn.state.facts): string | undefined {
  const { heard, state } = turn;
  if (heard.newPostcode) return heard.newPostcode;
  if (!heard.postcode) return undefined;
  if (state.expecting === "new_postcode") return heard.postcode;
  // Never from a message that identifies (its postcode is the account's), never the account's own.
  if (state.expecting === "postcode" || heard.accountNumber) return undefined;
  if (turn.customer && normalisePostcode(heard.postcode) === normalisePostcode(turn.customer.postcode))
    return undefined;
  const moving = f.reason === "moving" || heard.reason === "moving";
  if (heard.correctsPostcode && (moving || f.newPostcode)) return heard.postcode;
  if (moving && !f.newPostcode) return heard.postcode;
  return undefined;
}

/** True when this message tells something that changes the facts already gathered. */
export function changesFacts(turn: TurnContext): boolean {
  const { heard, state } = turn;
  const f = state.facts;
  const postcode = newPostcodeIn(turn);
  if (postcode && postcode !== f.newPostcode) return true;
  if (heard.reason && heard.reason !== "other" && heard.reason !== f.reason && f.reason !== "bereavement")
    return true;
  if (heard.claim && !f.claims.some((c) => c.text === heard.claim?.text)) return true;
  if (heard.keepNumber !== undefined && heard.keepNumber !== f.keepNumber) return true;
  if (heard.legalThreat && !f.legalThreat) return true;
  if (heard.serviceKinds && heard.serviceKinds.length > 0 && turn.customer) {
    // "Actually, only the TV": another set of services than the one chosen.
    const kinds = new Set<string>(heard.serviceKinds);
    const named = activeServices(turn)
      .filter((s) => kinds.has(s.kind))
      .map((s) => s.id)
      .sort();
    if (named.length > 0 && named.join() !== [...(f.serviceIds ?? [])].sort().join()) return true;
  }
  return false;
}

/**
 * The gathered facts with whatever this message told us applied (a new value: the turn's are
 * not changed; the caller applies them). `stage`: the stage the message is read in.
 */
export function absorbed(turn: TurnContext, stage = turn.state.stage): GatheredFacts {
  const { heard, state } = turn;
  const f: GatheredFacts = {
    ...state.facts,
    claims: [...state.facts.claims],
    ...(state.facts.serviceIds ? { serviceIds: [...state.facts.serviceIds] } : {}),
  };
  // A death, once told, stays the reason ("my husband died … it's too expensive" too): it carries
  // the most protection, and whoever writes is then not addressed by the holder's name.
  if (
    heard.reason &&
    f.reason !== "bereavement" &&
    (state.expecting === "reason" || !f.reason || heard.reason !== "other")
  )
    f.reason = heard.reason;
  if (heard.claim && !f.claims.some((c) => c.text === heard.claim?.text))
    f.claims.push({ text: heard.claim.text, ...(heard.claim.kind ? { kind: heard.claim.kind } : {}) });
  if (heard.legalThreat) f.legalThreat = true;
  if (heard.keepNumber !== undefined) f.keepNumber = heard.keepNumber;
  if (state.expecting === "keep_number" && f.keepNumber === undefined) {
    if (heard.intents.includes("yes")) f.keepNumber = true;
    else if (heard.intents.includes("no")) f.keepNumber = false;
  }
  const newPostcode = newPostcodeIn(turn, f);
  if (newPostcode) {
    f.newPostcode = newPostcode;
    if (!f.reason || f.reason === "other") f.reason = "moving";
  }
  if (f.newPostcode && turn.customer) {
    // Said before identification, it may turn out to be the account's own postcode: not an address to move to.
    if (normalisePostcode(f.newPostcode) === normalisePostcode(turn.customer.postcode))
      f.newPostcode = undefined;
    else f.newCountry ??= turn.customer.address.country;
  }
  if (heard.serviceKinds && heard.serviceKinds.length > 0) f.serviceKinds = heard.serviceKinds;
  if (f.serviceKinds && turn.customer) {
    const kinds = new Set<string>(f.serviceKinds);
    const named = activeServices(turn).filter((s) => kinds.has(s.kind));
    if (named.length > 0) f.serviceIds = named.map((s) => s.id);
    f.serviceKinds = undefined;
  }
  // "All", or "all of them, it's too expensive" when the question asked for the reason as well.
  const all = /\b(all|both|everything|allt|alla|båda|alles|beide)\b/i;
  const allFirst = /(^|[,.;:!]\s*)(all|both|everything|allt|alla|båda|alles|beide)\b/i;
  if (
    !f.serviceIds &&
    turn.customer &&
    (state.expecting === "services" ? all : allFirst).test(turn.text) &&
    (state.expecting === "services" || stage === "understand")
  )
    f.serviceIds = activeServices(turn).map((s) => s.id);
  if (state.expecting === "reason" && !f.reason && heard.intents.includes("no")) f.reason = "other";
  return f;
}

/**
 * Right after identification: services with a confirmed cancellation are not offered again,
 * and the customer hears at once that they are done (reference, end dates, what still makes
 * sense). What it finds is applied; the result when nothing is left to cancel (the
 * conversation closes), undefined when the understanding goes on.
 */
async function settleAlreadyCancelled(turn: TurnContext): Promise<StageResult | undefined> {
  const { state } = turn;
  if (state.cancelledServiceIds !== undefined || state.executedAt) return undefined;
  const done = (await cancellationsFor(turn)).filter((c) => c.conversationId !== turn.conversationId);
  const cancelledServiceIds = done.flatMap((c) => c.services.map((s) => s.serviceId));
  if (done.length === 0) {
    turn.apply({ replies: [], state: { cancelledServiceIds } });
    return undefined;
  }
  const cancelled = new Set(cancelledServiceIds);
  const facts = { ...state.facts };
  if (facts.serviceIds) {
    facts.serviceIds = facts.serviceIds.filter((id) => !cancelled.has(id));
    if (facts.serviceIds.length === 0) facts.serviceIds = undefined;
  }
  turn.apply({ ...tellAlreadyCancelled(turn, done), state: { cancelledServiceIds, facts } });
  if (activeServices(turn).length > 0) return undefined;
  return { replies: [], state: { stage: "closed", expecting: "anything" } };
}

/** Reasons for leaving that say nothing of a new provider: keeping the number is not asked. */
const NO_NEW_PROVIDER = new Set<string>(["bereavement", "money_trouble", "changed_mind"]);
/** Reasons that imply a new provider: "… with your new provider?" (else the question is conditional). */
const NEW_PROVIDER = new Set<string>(["switching_provider", "price", "service_problems", "moving"]);

/**
 * Whether asking "keep your number with your new provider?" makes sense for this service: the
 * policy says there is a number to take along (a porting disclosure for it; none for a
 * withdrawal without a switch), and the reason, when told, does not rule out a new provider.
 */
function numberMayMove(turn: TurnContext, service: Service): boolean {
  const reason = turn.state.facts.reason;
  if (reason !== undefined && NO_NEW_PROVIDER.has(reason)) return false;
  return turn
    .decision()
    .obligations.some((o) => o.topic === "porting_code" && o.serviceIds.includes(service.id));
}

/** After identification (and after each answer): ask only what is still missing, then review. */
export async function startUnderstanding(turn: TurnContext): Promise<StageResult> {
  const { heard } = turn;
  // What this message tells is a fact before anything is decided from the facts.
  turn.apply({ replies: [], state: { stage: "understand", facts: absorbed(turn, "understand") } });
  const settled = await settleAlreadyCancelled(turn);
  if (settled) return settled;
  const services = activeServices(turn);
  if (services.length === 0)
    return startHandover(turn, [{ ruleId: "bot.no-services", reason: turn.words.noActiveServices }]);
  if (!turn.state.facts.serviceIds && services.length === 1)
    turn.apply({ replies: [], state: { facts: { ...turn.state.facts, serviceIds: [services[0]!.id] } } });
  const f = turn.state.facts;
  // A hand-over the policy requires happens at once, before any optional question.
  const decision = turn.decision();
  if (decision.escalation.required)
    return combine(recordDecision(turn), await startHandover(turn, decision.escalation.reasons));
  // A question asked on the way is answered from the decision as it stands, then we carry on.
  const answers =
    heard.intents.includes("question") && heard.topics.length > 0
      ? answerTopics(decision, heard.topics, turn.words)
      : [];

  // One message asks everything still missing. What it expects (which short answers mean
  // what) is the optional reason when it is asked, so "I changed my mind" reads as a reason;
  // else the new postcode, keeping the number, the services.
  const asks: string[] = [];
  const expected = new Set<Expectation>();
  const ask = (text: string, as: Expectation) => {
    asks.push(text);
    expected.add(as);
  };
  let suggestions: string[] | undefined;
  if (!f.serviceIds) {
    ask(turn.words.whichServices(services), "services");
    suggestions = [turn.words.buttons.allOfThem, ...services.map((s) => s.plan)];
  }
  if (f.reason === "moving" && !f.newPostcode) ask(turn.words.askNewPostcode, "new_postcode");
  const mobiles = services.filter((s) => s.kind === "mobile" && s.phoneNumber && numberMayMove(turn, s));
  const mobile = f.serviceIds ? mobiles.find((s) => f.serviceIds?.includes(s.id)) : mobiles[0];
  if (mobile && f.keepNumber === undefined) {
    const switching = f.reason !== undefined && NEW_PROVIDER.has(f.reason);
    ask(
      !f.serviceIds
        ? turn.words.askKeepNumberIfMobile(mobile)
        : switching
          ? turn.words.askKeepNumber(mobile)
          : turn.words.askKeepNumberIfSwitching(mobile),
      "keep_number",
    );
    suggestions ??= [turn.words.buttons.yes, turn.words.buttons.no];
  }
  const askReason = !f.reason && !f.reasonAsked;
  if (askReason) ask(asks.length > 0 ? turn.words.askReasonToo : turn.words.askReason, "reason");
  const expecting = (["reason", "new_postcode", "keep_number", "services"] as const).find((e) =>
    expected.has(e),
  );
  if (expecting)
    return {
      replies: [...answers, rewordable(asks.join("\n"), suggestions ? { suggestions } : {})],
      state: { expecting, ...(askReason ? { facts: { ...f, reasonAsked: true } } : {}) },
    };
  // The review counts what was said this turn: the answers are said first.
  turn.apply({ replies: answers });
  return startReview(turn);
}
