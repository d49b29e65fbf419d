import { type ChildProcess, spawn } from "node:child_process";
import { join } from "node:path";

export const repoRoot = join(import.meta.dirname, "../..");
const bin = join(repoRoot, "bin/fairexit.js");

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `fairexit <args>` as a user would, from the repository root. */
export function runFairexit(args: string[], env: NodeJS.ProcessEnv = {}): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], { cwd: repoRoot, env: { ...process.env, ...env } });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d) => {
      stdout += d;
    });
    child.stderr.on("data", (d) => {
      stderr += d;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts `fairexit start` and resolves once it prints its health URL. */
export function startFairexit(
  env: NodeJS.ProcessEnv,
): Promise<{ child: ChildProcess; baseUrl: string; output: () => string; exited: Promise<number | null> }> {
  const child = spawn(process.execPath, [bin, "start"], { cwd: repoRoot, env: { ...process.env, ...env } });
  let out = "";
  const exited = new Promise<number | null>((r) => child.on("close", r));
  return new Promise((resolve, reject) => {
    const onData = (d: Buffer) => {
      out += d;
      const m = out.match(/health\s+(http:\/\/\S+)\/healthz/);
      if (m) resolve({ child, baseUrl: m[1]!, output: () => out, exited });
    };
    child.stdout.on("data", onData);
    child.stderr.on("data", (d) => {
      out += d;
    });
    void exited.then((code) => reject(new Error(`fairexit start exited with ${code}:\n${out}`)));
  });
}
