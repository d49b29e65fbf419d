/**
 * Where the activities of FairExit's own Direct Line conversations are kept, so any instance can
 * answer a Web Chat poll: in this process's memory (one instance) or in PostgreSQL (several
 * behind a load balancer, no sticky sessions). The log is transport only: the conversation itself
 * is in the store. Each conversation keeps its newest `MAX_ACTIVITIES` activities and at most
 * `MAX_LOG_BYTES` of them; an activity's number (its position since the conversation began) is
 * its watermark, so a client polling with a watermark gets what came after it.
 */

/** Activities kept per conversation (both sides); the oldest are dropped beyond this. */
export const MAX_ACTIVITIES = 500;
/** Bytes (as JSON) of the activities kept per conversation; the oldest are dropped beyond this. */
export const MAX_LOG_BYTES = 1024 * 1024;
/** Activities one GET returns at most; the watermark then points at the next page. */
export const ACTIVITIES_PAGE = 100;

/** An activity before the log numbers it. */
export interface UnnumberedActivity {
  [key: string]: unknown;
  type: string;
  timestamp: string;
  channelId: "directline";
  conversation: { id: string };
  from: { id: string; name?: string; role: "user" | "bot" };
}

/** An activity as kept and served: `id` is `<conversation>|<its number>`. */
export interface DirectLineActivity extends UnnumberedActivity {
  id: string;
}

export interface DirectLineStart {
  /** False when the conversation was already started (by this instance or another). */
  first: boolean;
  /** The opening was shown without storing the conversation (an anonymous visitor). */
  openingShown: boolean;
}

export interface DirectLinePage {
  activities: DirectLineActivity[];
  watermark: string;
}

export interface DirectLineLog {
  /** Marks the conversation started, once: `openingShown` is kept only by the first call. */
  start(conversationId: string, openingShown: boolean, nowMs: number): Promise<DirectLineStart>;
  /** What the first `start` recorded; false for a conversation this log does not know. */
  openingShown(conversationId: string): Promise<boolean>;
  /** Numbers the activities in order after the last one, keeps them, and returns them numbered. */
  append(
    conversationId: string,
    activities: readonly UnnumberedActivity[],
    nowMs: number,
  ): Promise<DirectLineActivity[]>;
  /**
   * The activities after `watermark`, at most `ACTIVITIES_PAGE`: from the oldest kept when it is
   * missing or unknown (a watermark from a log that was dropped), so a client never waits for
   * numbers that will not come. The returned watermark is the number after the last returned.
   */
  page(conversationId: string, watermark: string | undefined, nowMs: number): Promise<DirectLinePage>;
}

/** The id of the activity numbered `n` in a conversation: `<conversation>|0000042`. */
export function activityId(conversationId: string, n: number): string {
  return `${conversationId}|${String(n).padStart(7, "0")}`;
}

/**
 * Which page to return, given the number of the oldest activity kept (`first`), the number the
 * next one will get (`next`) and the client's watermark.
 */
export function pageStart(first: number, next: number, watermark: string | undefined): number {
  const seen = watermark === undefined ? 0 : Number(watermark);
  const known = Number.isInteger(seen) && seen >= 0 && seen <= next;
  return known ? Math.max(first, seen) : first;
}
