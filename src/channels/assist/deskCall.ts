/**
 * A call on the assist desk as a transport answers it: the result, or the desk's refusal
 * (AssistError) as a status, code and message. Anything else is a bug and is thrown.
 */
import { AssistError } from "../../assist/desk.js";

export type DeskAnswer<T> =
  | { ok: true; value: T }
  | { ok: false; status: 400 | 404; code: string; message: string };

export async function deskCall<T>(call: () => Promise<T>): Promise<DeskAnswer<T>> {
  try {
    return { ok: true, value: await call() };
  } catch (e) {
    if (e instanceof AssistError)
      return { ok: false, status: e.code === "invalid" ? 400 : 404, code: e.code, message: e.message };
    throw e;
  }
}
