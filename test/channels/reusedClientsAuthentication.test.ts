/**
 * The clients botbuilder builds per activity are built once and reused; authentication itself
 * is never cached: every request is still validated by the wrapped authentication.
 */
import { type Activity, ConfigurationBotFrameworkAuthentication } from "botbuilder";
import { describe, expect, it } from "vitest";
import { ReusedClientsAuthentication } from "../../src/adapters/botframework/reusedClientsAuthentication.js";

const activity = (serviceUrl: string): Activity =>
  ({
    type: "message",
    channelId: "directline",
    serviceUrl,
    conversation: { id: "c1" },
    from: { id: "u1" },
    recipient: { id: "bot" },
  }) as Activity;

const developmentMode = () =>
  new ReusedClientsAuthentication(new ConfigurationBotFrameworkAuthentication({}), 2);

/** The connector client a turn from `url` gets, as CloudAdapter asks for it. */
async function connectorClient(auth: ReusedClientsAuthentication, url: string) {
  const result = await auth.authenticateRequest(activity(url), "");
  return result.connectorFactory?.create(url, result.audience);
}

describe("reused Bot Framework clients", () => {
  it("one connector client per service URL, the same one on every turn", async () => {
    const auth = developmentMode();
    const client = (url: string) => connectorClient(auth, url);
    const first = await client("https://east.example/");
    expect(await client("https://east.example/")).toBe(first);
    const west = await client("https://west.example/");
    expect(west).not.toBe(first);
    const baseUri = (client: unknown) => (client as { baseUri: string }).baseUri;
    expect(baseUri(west)).toBe("https://west.example/");
    expect(baseUri(first)).toBe("https://east.example/");
    expect(auth.connectorClientCount).toBe(2);
  });

  it("keeps at most `max` clients, dropping the least recently used", async () => {
    const auth = developmentMode();
    const client = (url: string) => connectorClient(auth, url);
    const a = await client("https://a.example/");
    await client("https://b.example/");
    expect(await client("https://a.example/")).toBe(a); // a is now the most recent
    await client("https://c.example/"); // drops b
    expect(auth.connectorClientCount).toBe(2);
    expect(await client("https://a.example/")).toBe(a);
  });

  it("one user token client per app id", async () => {
    const auth = developmentMode();
    const first = await auth.authenticateRequest(activity("https://a.example/"), "");
    const second = await auth.authenticateRequest(activity("https://a.example/"), "");
    expect(await auth.createUserTokenClient(second.claimsIdentity)).toBe(
      await auth.createUserTokenClient(first.claimsIdentity),
    );
  });

  it("still refuses every request without a valid token once an app id is configured", async () => {
    const auth = new ReusedClientsAuthentication(
      new ConfigurationBotFrameworkAuthentication({
        MicrosoftAppId: "00000000-1111-2222-3333-444444444444",
        MicrosoftAppPassword: "not-a-real-password",
      }),
    );
    for (const header of ["", "Bearer garbage", "Bearer garbage"])
      await expect(auth.authenticateRequest(activity("https://a.example/"), header)).rejects.toThrow();
  });
});
