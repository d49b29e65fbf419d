/**
 * botbuilder's `CloudAdapter` for a request whose activity FairExit has already checked
 * (`ActivityEnvelope`, before the adapter is called). The stock `process(req, res, logic)`
 * builds five zod 3 schemas on every request (the response, the logic, `z.record` twice over
 * the whole body, the authorization header) only to check what the route and the envelope
 * check already guarantee. This calls the adapter's own `processActivity` (authentication,
 * the turn, `expectReplies` or the Bot Connector) and answers as `process` does, except that
 * a 500 says nothing about what failed inside (the log has it).
 */
import { type Activity, CloudAdapter, type Response, type TurnContext } from "botbuilder";
import { AuthenticationError } from "botframework-connector";

export type BotLogic = (context: TurnContext) => Promise<void>;

/** What went wrong outside the bot's logic (which has `onTurnError`): authentication, the connector. */
export type AdapterFailure = (error: Error, status: number) => void;

export class CheckedActivityAdapter extends CloudAdapter {
  /**
   * Runs one checked activity and writes the response: the invoke response's status and body,
   * 200 otherwise; 401 when authentication fails, 500 when anything else does.
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
      const status = error instanceof AuthenticationError ? 401 : 500;
      onFailure(error, status);
      // Unlike `process`, a 500 does not hand the caller the error's own words.
      end(res, status, status === 401 ? error.message : "The bot could not handle this activity.");
    }
  }
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
