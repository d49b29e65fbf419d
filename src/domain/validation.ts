import type { z } from "zod";

/** One problem in an input, located by the path of the field inside it. */
export interface Problem {
  path: string;
  message: string;
}

/** Renders a zod path as `customers[3].billing.email`. */
export function formatPath(path: readonly PropertyKey[]): string {
  let out = "";
  for (const key of path) {
    if (typeof key === "number") out += `[${key}]`;
    else out += out === "" ? String(key) : `.${String(key)}`;
  }
  return out === "" ? "(root)" : out;
}

export function problemsOf(error: z.ZodError): Problem[] {
  return error.issues.map((i) => ({ path: formatPath(i.path), message: i.message }));
}

/** Bad input, naming where it came from and every field that was wrong. */
export class ValidationError extends Error {
  constructor(
    readonly source: string,
    readonly problems: Problem[],
  ) {
    const first = problems[0];
    const more = problems.length > 1 ? ` (and ${problems.length - 1} more)` : "";
    super(`${source}: ${first ? `${first.path}: ${first.message}` : "invalid"}${more}`);
    this.name = "ValidationError";
  }

  /** Every problem, one per line, for a CLI or a log. */
  detail(): string {
    return this.problems.map((p) => `${this.source}: ${p.path}: ${p.message}`).join("\n");
  }
}

/** Parses `data` with `schema`, throwing a `ValidationError` that names `source` and each field. */
export function parseWith<S extends z.ZodType>(schema: S, data: unknown, source: string): z.output<S> {
  const result = schema.safeParse(data);
  if (!result.success) throw new ValidationError(source, problemsOf(result.error));
  return result.data;
}
