/** An error the CLI prints as one line (`fairexit: <message>`) before exiting non-zero. */
export class CliError extends Error {
  constructor(
    message: string,
    readonly exitCode = 1,
    /** Extra lines printed under the message (e.g. every rejected row). */
    readonly details: string[] = [],
  ) {
    super(message);
    this.name = "CliError";
  }
}
