#!/usr/bin/env node
// Runs the TypeScript sources directly through tsx: a fresh clone needs no build step.
import { register } from "tsx/esm/api";

// restify 11 (via spdy) touches process.binding('http_parser'); the warning is noise to users.
const emitWarning = process.emitWarning.bind(process);
process.emitWarning = (warning, ...rest) => {
  const code = typeof rest[0] === "object" ? rest[0]?.code : rest[1];
  if (code === "DEP0111") return;
  emitWarning(warning, ...rest);
};

register();
await import("../src/cli/main.ts");
