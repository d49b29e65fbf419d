/**
 * The CEL environments policy expressions run in (library: @marcbachmann/cel-js; see
 * docs/policy-authoring.md for why). Two kinds:
 *
 * - a typed *checking* environment per set of variables, used once at load to report unknown
 *   fields, unknown variables and type errors with their position;
 * - an untyped *runtime* environment per compiled policy, in which the compiled expressions
 *   run on plain data (no conversion per evaluation).
 *
 * Both register the same functions. Numbers from data are CEL doubles and literals like `100`
 * are ints; mixed arithmetic and comparison (`facts.months_left * 100`) is allowed here so
 * supervisors need not write `100.0`.
 */
import { Environment } from "@marcbachmann/cel-js";
import type { DecisionSlot } from "../compiledPolicy.js";
import { registerDomainTypes } from "./domainTypes.js";
import { type ParamKind, type PolicyFunction, policyFunctions } from "./functions.js";

/** Every variable an expression may use, and its CEL type in the checking environment. */
export const VARIABLE_TYPES = {
  customer: "Customer",
  conversation: "ConversationView",
  today: "string",
  now: "string",
  facts: "map<string, dyn>",
  totals: "map<string, double>",
  service: "Service",
  device: "Device",
  outcome: "Outcome",
  amount: "double",
  waived: "double",
  evidence: "map<string, list<dyn>>",
  item: "dyn",
} as const;
export type VariableName = keyof typeof VARIABLE_TYPES;

const num = (v: unknown): number => (typeof v === "bigint" ? Number(v) : (v as number));

type Arith = (a: number, b: number) => number;
const ARITH: Record<string, Arith> = {
  "+": (a, b) => a + b,
  "-": (a, b) => a - b,
  "*": (a, b) => a * b,
  "/": (a, b) => a / b,
};

function registerMixedNumbers(env: Environment): void {
  for (const [op, f] of Object.entries(ARITH)) {
    env.registerOperator(`double ${op} int: double`, (a: unknown, b: unknown) => f(num(a), num(b)));
    env.registerOperator(`int ${op} double: double`, (a: unknown, b: unknown) => f(num(a), num(b)));
  }
  // `==` also covers `!=` and both operand orders.
  env.registerOperator("double == int: bool", (a: unknown, b: unknown) => num(a) === num(b));
}

const CEL_TYPES: Record<ParamKind, string[]> = {
  number: ["double", "int"],
  string: ["string"],
  list: ["list"],
  map: ["map"],
};

/** Every combination of CEL types for the parameter kinds. */
function signatures(params: readonly ParamKind[]): string[][] {
  return params.reduce<string[][]>(
    (acc, k) => acc.flatMap((sig) => CEL_TYPES[k].map((t) => [...sig, t])),
    [[]],
  );
}

function registerFunctions(env: Environment, slot: DecisionSlot): void {
  for (const def of policyFunctions(slot)) {
    const call = def.fn as (...args: unknown[]) => unknown;
    const handler = (...args: unknown[]) => call(...args.map(num));
    for (const sig of signatures(def.params))
      env.registerFunction(`${def.name}(${sig.join(", ")}): ${def.returns}`, handler);
  }
}

function baseEnvironment(slot: DecisionSlot): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: false });
  registerMixedNumbers(env);
  registerFunctions(env, slot);
  return env;
}

/** What compiled expressions of one policy run with: the CEL interpreter and the function table. */
export interface Runtime {
  env: Environment;
  functions: ReadonlyMap<string, PolicyFunction>;
}

/** The runtime for one compiled policy: every variable is dynamic, values are plain data. */
export function createRuntime(slot: DecisionSlot): Runtime {
  const env = baseEnvironment(slot);
  for (const name of Object.keys(VARIABLE_TYPES)) env.registerVariable(name, "dyn");
  return { env, functions: new Map(policyFunctions(slot).map((f) => [f.name, f])) };
}

let typedBase: Environment | undefined;
const checking = new Map<string, Environment>();

/** The typed environment that knows exactly `variables` (cached: built once per process). */
export function checkingEnvironment(variables: readonly VariableName[]): Environment {
  const key = [...variables].sort().join(",");
  let env = checking.get(key);
  if (env) return env;
  if (!typedBase) {
    typedBase = baseEnvironment({ coverage: [] });
    registerDomainTypes(typedBase);
  }
  env = typedBase.clone();
  for (const name of variables) env.registerVariable(name, VARIABLE_TYPES[name]);
  checking.set(key, env);
  return env;
}
