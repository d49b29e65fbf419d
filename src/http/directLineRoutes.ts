/**
 * The Direct Line 3.0 API (the subset Web Chat uses with polling) served by FairExit itself,
 * plus two ways to get a token:
 *   POST /api/webchat/token          public, rate-limited: an anonymous conversation for the page at /
 *   POST /api/directline/tokens      server-to-server (FAIREXIT_DIRECTLINE_SECRET): a conversation
 *                                    bound to a customer the website has signed in
 * Every conversation route needs that conversation's token; a token never opens another one,
 * and a token naming a customer is refused unless FAIREXIT_DIRECTLINE_SECRET is set. Posted
 * activities are bounded (text, size); starting and posting are rate-limited per client and per
 * conversation (docs/security.md). Every response carrying a token says Cache-Control: no-store.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import { MAX_MESSAGE_LENGTH } from "../channels/activity.js";
import type { DirectLineConversations } from "../channels/directLine/directLineConversations.js";
import {
  type DirectLineGrant,
  type DirectLineTokens,
  newConversationId,
  newUserId,
} from "../channels/directLine/directLineToken.js";
import type { Logger } from "../domain/logger.js";
import { bearerOf, sameSecret } from "./bearer.js";
import { type RateLimits, withinLimits } from "./rateLimits.js";

export interface DirectLineRouteDeps {
  conversations: DirectLineConversations;
  tokens: DirectLineTokens;
  /**
   * Undefined: the customer-bound token route answers 503, and a token naming a customer is
   * refused (401) on every route, whoever signed it.
   */
  secret: string | undefined;
  limits: RateLimits;
  /** The client's address, for the per-client rate limits. */
  clientOf(req: Request): string;
  customerExists(customerId: string): Promise<boolean>;
  now(): number;
  logger: Logger;
}

const BASE = "/v3/directline";
const UserId = z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, "expected 1-64 letters, digits, - or _");
const CustomerTokenRequest = z.strictObject({
  customerId: z.string().min(1, "expected the customer id").max(128),
  userId: UserId.optional(),
});
const GenerateRequest = z.looseObject({ user: z.looseObject({ id: UserId }).optional() });
const PostedActivity = z.looseObject({
  type: z.string().min(1, "expected an activity type"),
  text: z
    .string()
    .max(MAX_MESSAGE_LENGTH, `text: expected at most ${MAX_MESSAGE_LENGTH} characters`)
    .optional(),
});
/** The largest activity a client may post, as JSON (a typed message is far smaller). */
export const MAX_ACTIVITY_BYTES = 16 * 1024;

type Fail = (status: number, code: string, message: string) => void;
const failWith =
  (res: Response): Fail =>
  (status, code, message) => {
    res.send(status, { error: { code, message } });
  };

export function registerDirectLineRoutes(server: Server, deps: DirectLineRouteDeps): void {
  const { conversations, tokens } = deps;
  const grantOf = (req: Request, fail: Fail, conversationId?: string): DirectLineGrant | undefined => {
    const token = bearerOf(req);
    if (!token) {
      fail(401, "MissingToken", "expected Authorization: Bearer <Direct Line token>");
      return undefined;
    }
    const check = tokens.verify(token, deps.now());
    if (!check.ok) {
      if (check.reason === "expired")
        fail(403, "TokenExpired", "the token has expired; refresh or get a new one");
      else fail(401, "BadToken", "the token is not valid");
      return undefined;
    }
    if (conversationId !== undefined && check.grant.conversationId !== conversationId) {
      fail(403, "BadArgument", "this token belongs to another conversation");
      return undefined;
    }
    if (check.grant.customerId !== undefined && !deps.secret) {
      fail(
        401,
        "CustomerTokensOff",
        "this token names a customer, but signed-in tokens are switched off (FAIREXIT_DIRECTLINE_SECRET is not set)",
      );
      return undefined;
    }
    return check.grant;
  };
  /** A token in the response body: never kept by a browser or proxy cache. */
  const issue = (res: Response, grant: DirectLineGrant) => {
    res.header("cache-control", "no-store");
    return { conversationId: grant.conversationId, userId: grant.userId, ...tokens.issue(grant, deps.now()) };
  };
  const perClient = (req: Request, res: Response) =>
    withinLimits(res, [[deps.limits.client, deps.clientOf(req), "from this client"]]);
  const perConversation = (req: Request, res: Response, grant: DirectLineGrant) =>
    withinLimits(res, [
      [deps.limits.client, deps.clientOf(req), "from this client"],
      [deps.limits.conversation, grant.conversationId, "in this conversation"],
    ]);
  const bodyOf = (req: Request): unknown => (req.body === undefined || req.body === "" ? {} : req.body);

  server.post("/api/webchat/token", async (req: Request, res: Response) => {
    const client = deps.clientOf(req);
    const allowed = await withinLimits(res, [
      [deps.limits.client, client, "from this client"],
      [deps.limits.tokenMinting, client, "for new tokens from this client"],
    ]);
    if (allowed) res.send(200, issue(res, { conversationId: newConversationId(), userId: newUserId() }));
  });

  server.post("/api/directline/tokens", async (req: Request, res: Response) => {
    const fail = failWith(res);
    if (!(await perClient(req, res))) return;
    if (!deps.secret)
      return fail(
        503,
        "NotConfigured",
        "set FAIREXIT_DIRECTLINE_SECRET to mint tokens for signed-in customers",
      );
    if (!sameSecret(bearerOf(req), deps.secret))
      return fail(401, "BadSecret", "expected Authorization: Bearer <FAIREXIT_DIRECTLINE_SECRET>");
    const body = CustomerTokenRequest.safeParse(bodyOf(req));
    if (!body.success) {
      const issue0 = body.error.issues[0]!;
      return fail(400, "BadArgument", `${issue0.path.join(".") || "body"}: ${issue0.message}`);
    }
    if (!(await deps.customerExists(body.data.customerId)))
      return fail(404, "CustomerNotFound", `no customer with id ${body.data.customerId}`);
    const grant = {
      conversationId: newConversationId(),
      userId: body.data.userId ?? newUserId(),
      customerId: body.data.customerId,
    };
    deps.logger.info(
      { conversationId: grant.conversationId },
      "Direct Line token minted for a signed-in customer",
    );
    res.send(200, issue(res, grant));
  });

  server.post(`${BASE}/tokens/generate`, async (req: Request, res: Response) => {
    const fail = failWith(res);
    if (!(await perClient(req, res))) return;
    if (!deps.secret || !sameSecret(bearerOf(req), deps.secret))
      return fail(401, "BadSecret", "expected Authorization: Bearer <FAIREXIT_DIRECTLINE_SECRET>");
    const body = GenerateRequest.safeParse(bodyOf(req));
    if (!body.success) return fail(400, "BadArgument", `user.id: ${body.error.issues[0]!.message}`);
    res.send(
      200,
      issue(res, { conversationId: newConversationId(), userId: body.data.user?.id ?? newUserId() }),
    );
  });

  server.post(`${BASE}/tokens/refresh`, async (req: Request, res: Response) => {
    if (!(await perClient(req, res))) return;
    const grant = grantOf(req, failWith(res));
    if (grant) res.send(200, issue(res, grant));
  });

  server.post(`${BASE}/conversations`, async (req: Request, res: Response) => {
    const grant = grantOf(req, failWith(res));
    if (!grant || !(await perConversation(req, res, grant))) return;
    await conversations.start(grant);
    res.send(201, issue(res, grant));
  });

  server.get(`${BASE}/conversations/:conversationId`, async (req: Request, res: Response) => {
    const grant = grantOf(req, failWith(res), req.params.conversationId);
    if (grant) res.send(200, issue(res, grant));
  });

  server.get(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const grant = grantOf(req, failWith(res), req.params.conversationId);
    if (!grant) return;
    const watermark = typeof req.query?.watermark === "string" ? req.query.watermark : undefined;
    res.send(200, await conversations.activities(grant.conversationId, watermark));
  });

  server.post(`${BASE}/conversations/:conversationId/activities`, async (req: Request, res: Response) => {
    const fail = failWith(res);
    const grant = grantOf(req, fail, req.params.conversationId);
    if (!grant || !(await perConversation(req, res, grant))) return;
    const activity = PostedActivity.safeParse(req.body);
    if (!activity.success) {
      const tooLong = activity.error.issues.find((i) => i.path[0] === "text" && i.code === "too_big");
      if (tooLong) return fail(413, "MessageTooLong", tooLong.message);
      return fail(400, "BadArgument", "expected an activity (a JSON object with a type)");
    }
    const size = Buffer.byteLength(JSON.stringify(activity.data));
    if (size > MAX_ACTIVITY_BYTES)
      return fail(
        413,
        "ActivityTooLarge",
        `the activity is ${size} bytes as JSON; at most ${MAX_ACTIVITY_BYTES} are accepted`,
      );
    const id = await conversations.post(grant, activity.data);
    res.send(200, { id });
  });

  server.post(`${BASE}/conversations/:conversationId/upload`, async (req: Request, res: Response) => {
    const fail = failWith(res);
    if (grantOf(req, fail, req.params.conversationId))
      fail(400, "BadArgument", "attachments are not supported; please type your message");
  });
}
