/**
 * Where development mode (no MicrosoftAppId, no authentication) may send replies: the Bot
 * Connector at the activity's serviceUrl is named by the caller, so without this check anyone
 * could make FairExit POST to any address (and wait minutes for one that never answers).
 * Allowed: loopback (the Bot Framework Emulator, local tests) and the origins listed in
 * FAIREXIT_DEV_SERVICE_URLS (a tunnel, a test connector).
 */

const LOOPBACK_HOSTS = new Set(["localhost", "[::1]", "::1"]);

export function isLoopbackUrl(url: URL): boolean {
  return LOOPBACK_HOSTS.has(url.hostname) || /^127(\.\d{1,3}){3}$/.test(url.hostname);
}

/** Null when `serviceUrl` may be used in development mode, else what is wrong with it. */
export function devServiceUrlProblem(serviceUrl: string, allowed: readonly string[]): string | null {
  let url: URL;
  try {
    url = new URL(serviceUrl);
  } catch {
    return "serviceUrl: expected an http(s) URL";
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") return "serviceUrl: expected an http(s) URL";
  if (isLoopbackUrl(url)) return null;
  if (allowed.some((a) => new URL(a).origin === url.origin)) return null;
  return "serviceUrl: in development mode (no MicrosoftAppId) replies go only to loopback addresses or to the origins in FAIREXIT_DEV_SERVICE_URLS";
}
