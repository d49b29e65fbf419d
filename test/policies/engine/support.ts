/**
 * Helpers for policy engine tests: packs written inline as YAML, the default packs from
 * `policies/`, and a customer to decide for.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { expect } from "vitest";
import type { Coverage, Customer, CustomerInput } from "../../../src/domain/customer.js";
import type { ConversationFacts, Decision } from "../../../src/domain/decision.js";
import { type CompileOptions, compile, isCompiledPolicy } from "../../../src/policies/compile.js";
import type { CompiledPolicy } from "../../../src/policies/compiledPolicy.js";
import { decide } from "../../../src/policies/decide.js";
import type { PolicyError } from "../../../src/policies/policyError.js";
import { aCustomer } from "../../support/aCustomer.js";

export const repoRoot = join(import.meta.dirname, "../../..");
export const POLICY_DIR = join(repoRoot, "policies");
export const NOW = new Date("2026-11-23T10:00:00Z");

/** A pack file's text: the header plus `body` (YAML for the sections). */
export function pack(name: string, body: string, head = ""): { path: string; text: string } {
  return {
    path: `policies/${name}.yaml`,
    text: `apiVersion: fairexit/v1\nkind: PolicyPack\nmetadata:\n  name: ${name}\n${head}${body}`,
  };
}

/** Compiles files that must compile. */
export function compiled(...files: { path: string; text: string }[]): CompiledPolicy {
  const result = compile(files);
  if (!isCompiledPolicy(result))
    throw new Error(result.map((e) => `${e.file}:${e.line}:${e.column} ${e.message}`).join("\n"));
  return result;
}

/** Compiles files that must not compile; returns the errors. */
export function errorsOf(files: { path: string; text: string }[], options?: CompileOptions): PolicyError[] {
  const result = compile(files, options);
  expect(isCompiledPolicy(result), "expected the policy not to compile").toBe(false);
  return result as PolicyError[];
}

/** The default packs of `policies/`, with the default tone. */
export function defaultPolicy(): CompiledPolicy {
  const names = ["baseline", "uk-telecom", "eu-consumer", "us-california"];
  const files = names.map((n) => ({
    path: `policies/${n}.yaml`,
    text: readFileSync(join(POLICY_DIR, `${n}.yaml`), "utf8"),
  }));
  const tone = {
    path: "policies/tone/default-tone.yaml",
    text: readFileSync(join(POLICY_DIR, "tone/default-tone.yaml"), "utf8"),
  };
  const result = compile(files, { defaultTone: tone });
  if (!isCompiledPolicy(result)) throw new Error(result.map((e) => e.message).join("\n"));
  return result;
}

/** A UK broadband customer (see test/support/aCustomer.ts) with `overrides`. */
export function customer(overrides: Partial<CustomerInput> = {}): Customer {
  return aCustomer(overrides);
}

export const ukCoverage: Coverage = [{ country: "GB", kind: "broadband", postcodePrefixes: ["SW1A", "E1"] }];

export function decideFor(
  policy: CompiledPolicy,
  who: Customer,
  conversation: ConversationFacts = {},
  now = NOW,
  coverage = ukCoverage,
): Decision {
  return decide(policy, { customer: who, coverage, conversation }, now);
}

/** The trace entries of one rule. */
export function traceOf(d: Decision, ruleId: string) {
  return d.trace.filter((t) => t.ruleId === ruleId);
}
