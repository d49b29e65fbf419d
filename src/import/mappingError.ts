/**
 * A mapping file that cannot be used. Each problem names the file, the line and column of
 * the key at fault (when known) and its path, e.g.
 * `crm/mapping.yaml:14:11: fields.services[0].monthlyFee.type: expected a type: ...`.
 */
import { ValidationError } from "../domain/validation.js";

export interface LocatedProblem {
  /** Path of the key in the mapping file, e.g. `fields.email.type`. */
  path: string;
  message: string;
  line?: number;
  column?: number;
}

function render(file: string, p: LocatedProblem): string {
  const where = p.line === undefined ? file : `${file}:${p.line}:${p.column ?? 1}`;
  return `${where}: ${p.path}: ${p.message}`;
}

export class MappingError extends ValidationError {
  constructor(
    file: string,
    readonly located: LocatedProblem[],
  ) {
    super(file, located);
    this.name = "MappingError";
    const first = located[0];
    const more = located.length > 1 ? ` (and ${located.length - 1} more)` : "";
    this.message = first ? `${render(file, first)}${more}` : `${file}: invalid mapping`;
  }

  /** Every problem, one per line. */
  override detail(): string {
    return this.lines().join("\n");
  }

  lines(): string[] {
    return this.located.map((p) => render(this.source, p));
  }
}
