/**
 * botbuilder's `CloudAdapter` builds a new `ConnectorClient` (an @azure/core-http pipeline of
 * about ten policies) and a new `UserTokenClient` for every incoming activity, even when the
 * replies go back in the HTTP response (`expectReplies`) and neither is used. Building them
 * costs about as much as the rest of the adapter's work on a turn.
 *
 * This wrapper keeps authentication exactly as the wrapped `BotFrameworkAuthentication` does
 * it (every request is still validated) and only reuses the clients: one connector factory per
 * bot app id, one connector client per (app id, service URL, audience) and one user token
 * client per app id, at most `max` of each (least recently used dropped). The clients hold
 * no per-conversation state; their credentials fetch and refresh tokens themselves, so a
 * reused client behaves like a fresh one.
 *
 * With `replyTimeoutMs`, every call a connector client makes (a reply POSTed to the channel's
 * serviceUrl) gives up after that long instead of botbuilder's default of waiting minutes for a
 * service that never answers (development mode uses it: there the serviceUrl is the caller's).
 */
import type { Activity } from "botbuilder";
import {
  type AuthenticateRequestResult,
  AuthenticationConstants,
  BotFrameworkAuthentication,
  type BotFrameworkClient,
  type ClaimsIdentity,
  type ConnectorClient,
  ConnectorFactory,
  type UserTokenClient,
} from "botframework-connector";

/** A map that forgets its least recently used entry beyond `max` entries. */
class RecentlyUsed<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly max: number) {}

  get(key: string, make: () => V): V {
    const known = this.entries.get(key);
    if (known !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, known);
      return known;
    }
    const made = make();
    if (this.entries.size >= this.max) this.entries.delete(this.entries.keys().next().value as string);
    this.entries.set(key, made);
    return made;
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  get size(): number {
    return this.entries.size;
  }

  values(): IterableIterator<V> {
    return this.entries.values();
  }
}

/** The app id the clients are made for, read from the claims as botbuilder reads it. */
function appIdOf(identity: ClaimsIdentity): string {
  return (
    identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
    identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
    ""
  );
}

type SendOperation = ConnectorClient["sendOperationRequest"];

/** Makes every operation of `client` time out after `ms` unless the caller set its own timeout. */
function withTimeout(client: ConnectorClient, ms: number): ConnectorClient {
  const send: SendOperation = client.sendOperationRequest.bind(client);
  client.sendOperationRequest = ((args, spec, callback) =>
    send({ ...args, options: { timeout: ms, ...args.options } }, spec, callback)) as SendOperation;
  return client;
}

/** Hands out one connector client per service URL and audience, made by the first factory seen. */
class ReusingConnectorFactory extends ConnectorFactory {
  private readonly clients: RecentlyUsed<Promise<ConnectorClient>>;

  constructor(
    private readonly inner: ConnectorFactory,
    max: number,
    private readonly replyTimeoutMs: number | undefined,
  ) {
    super();
    this.clients = new RecentlyUsed(max);
  }

  create(serviceUrl: string, audience?: string): Promise<ConnectorClient> {
    const key = `${serviceUrl}\n${audience ?? ""}`;
    const ms = this.replyTimeoutMs;
    const client = this.clients.get(key, () =>
      this.inner.create(serviceUrl, audience).then((c) => (ms ? withTimeout(c, ms) : c)),
    );
    // A failed creation (credentials unavailable) is not remembered: the next turn tries again.
    client.catch(() => this.clients.delete(key));
    return client;
  }

  get size(): number {
    return this.clients.size;
  }
}

export class ReusedClientsAuthentication extends BotFrameworkAuthentication {
  private readonly factories: RecentlyUsed<ReusingConnectorFactory>;
  private readonly userTokenClients: RecentlyUsed<Promise<UserTokenClient>>;

  constructor(
    private readonly inner: BotFrameworkAuthentication,
    private readonly max = 256,
    private readonly replyTimeoutMs?: number,
  ) {
    super();
    this.factories = new RecentlyUsed(max);
    this.userTokenClients = new RecentlyUsed(max);
  }

  async authenticateRequest(activity: Activity, authHeader: string): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateRequest(activity, authHeader));
  }

  async authenticateStreamingRequest(
    authHeader: string,
    channelIdHeader: string,
  ): Promise<AuthenticateRequestResult> {
    return this.reusing(await this.inner.authenticateStreamingRequest(authHeader, channelIdHeader));
  }

  createConnectorFactory(claimsIdentity: ClaimsIdentity): ConnectorFactory {
    return this.factoryFor(claimsIdentity, () => this.inner.createConnectorFactory(claimsIdentity));
  }

  createUserTokenClient(claimsIdentity: ClaimsIdentity): Promise<UserTokenClient> {
    const key = appIdOf(claimsIdentity);
    const client = this.userTokenClients.get(key, () => this.inner.createUserTokenClient(claimsIdentity));
    client.catch(() => this.userTokenClients.delete(key));
    return client;
  }

  override createBotFrameworkClient(): BotFrameworkClient {
    return this.inner.createBotFrameworkClient();
  }

  override getOriginatingAudience(): string {
    return this.inner.getOriginatingAudience();
  }

  override authenticateChannelRequest(authHeader: string): Promise<ClaimsIdentity> {
    return this.inner.authenticateChannelRequest(authHeader);
  }

  /** How many connector clients are kept, over all app ids (for tests and diagnostics). */
  get connectorClientCount(): number {
    let n = 0;
    for (const factory of this.factories.values()) n += factory.size;
    return n;
  }

  private reusing(result: AuthenticateRequestResult): AuthenticateRequestResult {
    const made = result.connectorFactory;
    if (!made) return result;
    return { ...result, connectorFactory: this.factoryFor(result.claimsIdentity, () => made) };
  }

  private factoryFor(identity: ClaimsIdentity, make: () => ConnectorFactory): ReusingConnectorFactory {
    const key = appIdOf(identity);
    return this.factories.get(key, () => new ReusingConnectorFactory(make(), this.max, this.replyTimeoutMs));
  }
}
