/**
 * The alumni API, for the marketing tools that send win-back offers (docs/alumni.md):
 *   GET  /api/alumni/:customerId/contact  may this former customer be contacted now, and why (not);
 *   POST /api/alumni/:customerId/contact  {channel, campaign?, at?}: records a contact, or refuses
 *        it (409) without consent, during the quiet period or past the policy's cap;
 *   POST /api/alumni/:customerId/consent  {given: false, channel?, at?}: passes on a withdrawal (an
 *        unsubscribe); a tool can never give consent (that is the customer's, in the farewell or CRM).
 * `Authorization: Bearer <one of FAIREXIT_ALUMNI_API_KEYS>`, compared in constant time; without
 * the variable both routes answer 503 (never open). Answers carry the customer id, dates, counts
 * and reason codes only: no name, email or phone.
 */
import type { Request, Response, Server } from "restify";
import { z } from "zod";
import type { App } from "../app.js";
import { Channel } from "../domain/customer.js";
import { AlumniAtOutOfRange } from "../insights/alumniRegister.js";
import type { AlumniStanding } from "../insights/alumniRule.js";
import { bearerOf, sameSecret } from "./bearer.js";
import { type RateLimits, withinLimits } from "./rateLimits.js";

const CUSTOMER_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{1,63}$/;

export const ContactBody = z.strictObject({
  channel: Channel,
  campaign: z.string().trim().min(1, "expected the campaign's name").max(100).optional(),
  at: z.iso.datetime({ offset: true, error: "expected an ISO date-time with offset" }).optional(),
});

export const WithdrawalBody = z.strictObject({
  given: z.literal(false, {
    error: "expected false: a marketing tool may pass on a withdrawal, never give consent",
  }),
  channel: Channel.optional(),
  at: z.iso.datetime({ offset: true, error: "expected an ISO date-time with offset" }).optional(),
});

export interface AlumniRouteDeps {
  limits: RateLimits;
  clientOf(req: Request): string;
}

function refuse(res: Response, status: number, code: string, message: string, extra: object = {}): void {
  res.send(status, { error: { code, message }, ...extra });
}

/** True when the request carries one of the keys; otherwise answers 503 or 401 and returns false. */
function authorised(req: Request, res: Response, keys: readonly string[]): boolean {
  if (keys.length === 0) {
    refuse(res, 503, "AlumniApiOff", "the alumni API is off: set FAIREXIT_ALUMNI_API_KEYS to use it");
    return false;
  }
  const given = bearerOf(req);
  // Every key is compared, so the time taken does not tell which one (nor how many) matched.
  let ok = false;
  for (const key of keys) ok = sameSecret(given, key) || ok;
  if (!ok) refuse(res, 401, "BadApiKey", "expected Authorization: Bearer <one of FAIREXIT_ALUMNI_API_KEYS>");
  return ok;
}

/** The customer id of the path, or undefined after answering 400. */
function customerIdOf(req: Request, res: Response): string | undefined {
  const id = String(req.params.customerId ?? "");
  if (CUSTOMER_ID.test(id)) return id;
  refuse(res, 400, "BadCustomerId", "customerId: expected an id of letters, digits, - or _");
  return undefined;
}

/** The body parsed with `schema`, or undefined after answering 400 naming the field. */
function bodyOf<S extends z.ZodType>(req: Request, res: Response, schema: S): z.output<S> | undefined {
  const body = schema.safeParse(req.body ?? {});
  if (body.success) return body.data;
  const issue = body.error.issues[0]!;
  const field = issue.path.length > 0 ? issue.path.join(".") : "body";
  refuse(res, 400, "BadBody", `${field}: ${issue.message}`);
  return undefined;
}

const refusalCode = (s: AlumniStanding) => s.reasons[0]?.code ?? "refused";

export function registerAlumniRoutes(server: Server, app: App, deps: AlumniRouteDeps): void {
  const keys = app.config.alumniApiKeys;
  const guard = async (req: Request, res: Response) =>
    (await withinLimits(res, [[deps.limits.client, deps.clientOf(req), "from this client"]])) &&
    authorised(req, res, keys);

  server.get("/api/alumni/:customerId/contact", async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const id = customerIdOf(req, res);
    if (!id) return;
    const standing = await app.alumni.standing(id);
    if (!standing) return refuse(res, 404, "UnknownCustomer", `no customer ${id}`);
    res.send(200, standing);
  });

  server.post("/api/alumni/:customerId/contact", async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const id = customerIdOf(req, res);
    if (!id) return;
    const body = bodyOf(req, res, ContactBody);
    if (!body) return;
    let result: Awaited<ReturnType<typeof app.alumni.recordContact>>;
    try {
      result = await app.alumni.recordContact(id, body);
    } catch (e) {
      if (e instanceof AlumniAtOutOfRange) return refuse(res, 400, "BadBody", e.message);
      throw e;
    }
    if (result.outcome === "unknown_customer")
      return refuse(res, 404, "UnknownCustomer", `no customer ${id}`);
    if (result.outcome === "refused") {
      const s = result.standing;
      return refuse(res, 409, "ContactRefused", s.reasons.map((r) => r.message).join(" "), {
        reason: refusalCode(s),
        standing: s,
      });
    }
    const { contact, standing } = result;
    res.send(201, {
      recorded: { id: contact.id, at: contact.at, channel: contact.channel, campaign: contact.campaign },
      standing,
    });
  });

  server.post("/api/alumni/:customerId/consent", async (req: Request, res: Response) => {
    if (!(await guard(req, res))) return;
    const id = customerIdOf(req, res);
    if (!id) return;
    const body = bodyOf(req, res, WithdrawalBody);
    if (!body) return;
    let standing: AlumniStanding | undefined;
    try {
      standing = await app.alumni.withdrawConsent(id, { channel: body.channel, at: body.at });
    } catch (e) {
      if (e instanceof AlumniAtOutOfRange) return refuse(res, 400, "BadBody", e.message);
      throw e;
    }
    if (!standing) return refuse(res, 404, "UnknownCustomer", `no customer ${id}`);
    res.send(200, standing);
  });
}
