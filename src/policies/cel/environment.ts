/**
 * The CEL environments policy expressions run in (library: @marcbachmann/cel-js; see
 * docs/policy-authoring.md for why). Two kinds:
 *
 * - a typed *checking* environment per set of variables, used once at load to report unknown
 *   fields, unknown variables and type errors with their position;
 * - an untyped *runtime* environment per compiled policy, in which the compiled expressions
 *   run on plain data (no conversion per evaluation).
 *
 * Both belong to the policy's `Runtime` (made by `compile`; nothing is kept per process) and
 * register the same functions; in the runtime one, `covered` and `locationBound` take the
 * decision's coverage table as one more argument. Numbers from data are CEL doubles and literals like `100`
 * are ints; mixed arithmetic and comparison (`facts.months_left * 100`) is allowed here so
 * supervisors need not write `100.0`.
 */
import { Environment } from "@marcbachmann/cel-js";
import type { Language } from "../../domain/language.js";
import { registerDomainTypes } from "./domainTypes.js";
import {
  COVERAGE_VARIABLE,
  type ParamKind,
  POLICY_FUNCTIONS,
  type PolicyFunction,
  policyFunctionsIn,
} from "./functions.js";

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

/**
 * Registers every function. In the runtime environment a `perDecision` function takes the
 * coverage table as one more (`dyn`) argument; expressions that call one are rewritten to pass
 * it (`expression.ts`). The checking environment knows the functions as authors write them.
 */
function registerFunctions(
  env: Environment,
  runtime: boolean,
  functions: readonly PolicyFunction[] = POLICY_FUNCTIONS,
): void {
  for (const def of functions) {
    const call = def.fn as (...args: unknown[]) => unknown;
    const handler = (...args: unknown[]) => call(...args.map(num));
    const extra = runtime && def.perDecision ? ["dyn"] : [];
    for (const sig of signatures(def.params))
      env.registerFunction(`${def.name}(${[...sig, ...extra].join(", ")}): ${def.returns}`, handler);
  }
}

function baseEnvironment(runtime: boolean, functions?: readonly PolicyFunction[]): Environment {
  const env = new Environment({ homogeneousAggregateLiterals: false, unlistedVariablesAreDyn: false });
  registerMixedNumbers(env);
  registerFunctions(env, runtime, functions);
  return env;
}

/**
 * What the expressions of one policy are compiled and run with: the CEL interpreter, the
 * function table, and the typed environments that check them (one per set of variables,
 * built on first need while the policy compiles). Created by `compile`; it holds no data of
 * any decision.
 */
export interface Runtime {
  env: Environment;
  functions: ReadonlyMap<string, PolicyFunction>;
  /** The typed environment that knows exactly `variables`. */
  checking(variables: readonly VariableName[]): Environment;
  /** The runtime texts translated into `language` are compiled with (amounts and dates in it). */
  inLanguage(language: Language): Runtime;
}

/** A runtime for one compiled policy: every variable is dynamic, values are plain data. */
export function createRuntime(language: Language = "en"): Runtime {
  const functions = policyFunctionsIn(language);
  const env = baseEnvironment(true, functions);
  for (const name of Object.keys(VARIABLE_TYPES)) env.registerVariable(name, "dyn");
  env.registerVariable(COVERAGE_VARIABLE, "dyn");
  let typedBase: Environment | undefined;
  const checking = new Map<string, Environment>();
  const translated = new Map<Language, Runtime>();
  const runtime: Runtime = {
    env,
    functions: new Map(functions.map((f) => [f.name, f])),
    inLanguage(other) {
      if (other === language) return runtime;
      let r = translated.get(other);
      if (!r) {
        r = createRuntime(other);
        translated.set(other, r);
      }
      return r;
    },
    checking(variables) {
      const key = [...variables].sort().join(",");
      let typed = checking.get(key);
      if (typed) return typed;
      if (!typedBase) {
        typedBase = baseEnvironment(false);
        registerDomainTypes(typedBase);
      }
      typed = typedBase.clone();
      for (const name of variables) typed.registerVariable(name, VARIABLE_TYPES[name]);
      checking.set(key, typed);
      return typed;
    },
  };
  return runtime;
}
