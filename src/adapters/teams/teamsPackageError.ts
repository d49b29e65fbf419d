/** A manifest template or app package that cannot be built; `problems` lists each one, one line each. */
export class TeamsPackageError extends Error {
  constructor(
    message: string,
    readonly problems: string[] = [],
  ) {
    super(message);
    this.name = "TeamsPackageError";
  }
}
