/**
 * DATABASE_URL as FairExit shows it: host, port, database and user, never the password (it
 * reaches logs and terminals).
 */

/** `postgres://user@host:port/database`, password left out; "(an unparsable URL)" when it is not a URL. */
export function describeDatabaseUrl(url: string): string {
  try {
    const u = new URL(url);
    const user = u.username ? `${decodeURIComponent(u.username)}@` : "";
    const host = u.hostname || "localhost";
    const database = u.pathname.replace(/^\//, "") || "(default database)";
    return `${u.protocol}//${user}${host}:${u.port || "5432"}/${database}`;
  } catch {
    return "(an unparsable URL)";
  }
}

/** `text` with the URL's password, if any, replaced by `***` (pg's messages may quote parts of it). */
export function withoutPassword(text: string, url: string): string {
  let password = "";
  try {
    password = decodeURIComponent(new URL(url).password);
  } catch {
    return text;
  }
  return password.length >= 3 ? text.split(password).join("***") : text;
}
