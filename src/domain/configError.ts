/**
 * A bad or missing setting, named by its variable: thrown where settings are parsed
 * (`src/config.ts`, the Teams package settings) and printed by the CLI as one line.
 */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    problem: string,
  ) {
    super(`${variable}: ${problem}`);
    this.name = "ConfigError";
  }
}
