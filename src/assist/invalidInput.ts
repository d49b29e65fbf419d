import { AssistError } from "./desk.js";

/** The zod issues of a refused value as one AssistError naming each field: `invalid utterance: at: expected …`. */
export function invalidInput(
  what: string,
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): AssistError {
  const list = issues.map(
    (i) => `${i.path.length > 0 ? i.path.map(String).join(".") : "(root)"}: ${i.message}`,
  );
  return new AssistError(`invalid ${what}: ${list.join("; ")}`, "invalid");
}
