/**
 * botbuilder's `CloudAdapter` for a request whose activity FairExit has already checked
 * (`ActivityEnvelope`, before the adapter is called). The stock `process(req, res, logic)`
 * builds five zod 3 schemas on every request (the response, the logic, `z.record` twice over
 * the whole body, the authorization header) only to check what the route and the envelope
 * check already guarantee. This calls the adapter's own `processActivity` (authentication,
 * the turn, `expectReplies` or the Bot Connector) and answers as `process` does, except that
 * a 500 says nothing about what failed inside (the log has it), and that a token that cannot be
 * checked because Microsoft's signing keys cannot be fetched is a 503 with Retry-After (not a
 * 500): FairExit cannot tell a forged token from a genuine one then, and a channel retries.
 */
import { type Activity, CloudAdapter, type Response, type TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";

export type BotLogic = (context: TurnContext) => Promise<void>;

/** What went wrong outside the bot's logic (which has `onTurnError`): authentication, the connector. */
export type AdapterFailure = (error: Error, status: number) => void;

export class CheckedActivityAdapter extends CloudAdapter {
  /**
   * Runs one checked activity and writes the response: the invoke response's status and body,
   * 200 otherwise; 401 when authentication fails, 503 when the signing keys cannot be fetched,
   * 500 when anything else does.
   */
  async processChecked(
    body: Record<string, unknown>,
    authorization: string,
    res: Response,
    logic: BotLogic,
    onFailure: AdapterFailure,
  ): Promise<void> {
    const activity = withDates(body) as Partial<Activity> as Activity;
    try {
      const invoke = await this.processActivity(authorization, activity, logic);
      end(res, invoke?.status ?? 200, invoke?.body);
    } catch (e) {
      const error = e instanceof Error ? e : new Error(String(e));
      const status = failureStatus(error);
      onFailure(error, status);
      if (status === 503) {
        if (typeof res.header === "function") res.header("retry-after", "60");
        return end(res, 503, "The bot cannot check Bot Framework tokens right now; try again later.");
      }
      // Unlike `process`, a 500 does not hand the caller the error's own words.
      end(res, status, status === 401 ? error.message : "The bot could not handle this activity.");
    }
  }
}

/**
 * 401 for a token botbuilder refused; 503 when it could not fetch the signing keys to check one
 * (`AuthenticationError` with status 500: "Failed to load openID config/Keys", or node-fetch's
 * `FetchError` when the key endpoint is unreachable); 500 for anything else.
 */
export function failureStatus(error: Error): 401 | 500 | 503 {
  if (error instanceof AuthenticationError) return error.statusCode >= 500 ? 503 : 401;
  if (error.name === "FetchError") return 503;
  return 500;
}

function end(res: Response, status: number, body: unknown): void {
  res.status(status);
  if (body) res.send(body);
  res.end();
}

/**
 * The activity's times as botbuilder's `validateAndFixActivity` leaves them (the one step of
 * `process` that changes the activity): a `Date`, and the text as it came in `raw…`.
 */
function withDates(activity: Record<string, unknown>): Record<string, unknown> {
  for (const [field, raw] of DATE_FIELDS) {
    const value = activity[field];
    if (typeof value === "string") {
      activity[raw] = value;
      activity[field] = new Date(value);
    }
  }
  return activity;
}

const DATE_FIELDS = [
  ["timestamp", "rawTimestamp"],
  ["expiration", "rawExpiration"],
  ["localTimestamp", "rawLocalTimestamp"],
] as const;
