/**
 * Lint: an action's `idempotencyKey` and `params` end up in the outbox, the operations
 * journal and the audit trail's action keys, so they must never carry personal data. A
 * template there that reads a personal field of the customer model (name, e-mail, phone,
 * postcode or address, account number, IMEI or serial, payment mandate or card details) is an
 * error naming the pack file, the rule and the field; so is a fact that holds such data
 * (`{{ facts.contact }}` when `contact` is `customer.email`), unless it is a yes/no or a number.
 * Ids (`customer.id`, `service.id`, `device.id`, dispute ids) and the country are fine;
 * messages to the customer are not checked here.
 *
 * The personal fields are the ones `PERSONAL_DATA_FIELDS` names (the list the log redaction
 * and audit masking use) plus every detail of a payment method but its kind, found in the
 * customer model's schema, so a field added there is checked at once.
 */
import { z } from "zod";
import { Customer, PaymentMethod } from "../domain/customer.js";
import { PERSONAL_DATA_FIELDS } from "../domain/personalData.js";
import { createRuntime, type Runtime } from "./cel/environment.js";
import { ALL_VARIABLES, type CompiledTemplate } from "./cel/expression.js";
import type { CAction, CompiledPolicy } from "./compiledPolicy.js";
import { type PolicyError, policyError } from "./policyError.js";

/** Field names that hold personal data wherever they appear in a path. */
export const PERSONAL_FIELD_NAMES: ReadonlySet<string> = new Set<string>([
  ...PERSONAL_DATA_FIELDS,
  ...PaymentMethod.options.flatMap((o) => Object.keys(o.shape).filter((k) => k !== "kind")),
]);

interface JsonNode {
  properties?: Record<string, JsonNode>;
  items?: JsonNode;
  anyOf?: JsonNode[];
  oneOf?: JsonNode[];
}

/** Every path of the customer model (list items are transparent) that holds personal data below it. */
function containersOfPersonalData(): Set<string> {
  const out = new Set<string>();
  const walk = (node: JsonNode | undefined, path: string[]): boolean => {
    if (!node) return false;
    let personal = false;
    for (const branch of [...(node.anyOf ?? []), ...(node.oneOf ?? [])])
      personal = walk(branch, path) || personal;
    personal = walk(node.items, path) || personal;
    for (const [key, child] of Object.entries(node.properties ?? {}))
      personal = PERSONAL_FIELD_NAMES.has(key) || walk(child, [...path, key]) || personal;
    if (personal) out.add(path.join("."));
    return personal;
  };
  walk(z.toJSONSchema(Customer, { io: "output", unrepresentable: "any" }) as JsonNode, []);
  return out;
}

const CONTAINERS = containersOfPersonalData();

/** Where a policy variable sits in the customer model. */
const MODEL_PATH: Record<string, string[]> = {
  customer: [],
  service: ["services"],
  device: ["services", "devices"],
};

/** True when rendering `path` (a variable and fields) as a whole would print personal data. */
function rendersPersonalData(path: readonly string[]): boolean {
  const [root, ...rest] = path;
  if (root === "conversation") return rest.length === 0;
  const base = root === undefined ? undefined : MODEL_PATH[root];
  return base !== undefined && CONTAINERS.has([...base, ...rest].join("."));
}

/** Chains like `customer.billing.paymentMethod.mandateReference`, `s.phoneNumber`, `x["email"]`, `x.?email`. */
const CHAIN = /[A-Za-z_]\w*(?:\s*\.\??\s*[A-Za-z_]\w*|\s*\[\??[^\][]*\])*/g;
const SEGMENT = /\.\??\s*([A-Za-z_]\w*)|\[\??\s*(["'])(\w+)\2\s*\]/g;
const STRING = /"(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'/g;

/** Fields that identify no one, even inside personal data: `customer.address.country`. */
const NOT_PERSONAL: ReadonlySet<string> = new Set(["country"]);

/**
 * The personal data one expression reads, as written (`customer.email`, `s.phoneNumber`),
 * and `facts.<id>` for a fact in `personalFacts` (one whose value reads personal data).
 */
function personalReadsOf(source: string, personalFacts: ReadonlyMap<string, string>): string[] {
  const found: string[] = [];
  // Keep `["email"]` (a field read by name), blank every other string literal.
  const code = source.replace(STRING, (s, offset: number) => {
    const before = source.slice(0, offset).trimEnd();
    const after = source.slice(offset + s.length).trimStart();
    return before.endsWith("[") && after.startsWith("]") ? s : `"${" ".repeat(s.length - 2)}"`;
  });
  for (const m of code.matchAll(CHAIN)) {
    const chain = m[0].replace(/\s+/g, "");
    const root = chain.split(/[.[]/)[0]!;
    const fields = [...chain.matchAll(SEGMENT)].map((s) => s[1] ?? s[3]!);
    const fact = root === "facts" && fields[0] !== undefined ? personalFacts.get(fields[0]) : undefined;
    if (fact !== undefined) found.push(`${chain}, which reads ${fact}`);
    else if (fields.some((f) => PERSONAL_FIELD_NAMES.has(f)) && !NOT_PERSONAL.has(fields.at(-1)!))
      found.push(chain);
    else if (chain === code.trim() && rendersPersonalData([root, ...fields])) found.push(chain);
  }
  return found;
}

let runtime: Runtime | undefined;

/** True when `source` type-checks to a boolean or a number: a yes/no or a count carries no one's details. */
function givesBoolOrNumber(source: string): boolean {
  runtime ??= createRuntime();
  try {
    const checked = runtime.checking(ALL_VARIABLES).parse(source).check();
    return checked.valid && ["bool", "int", "uint", "double"].includes(checked.type ?? "dyn");
  } catch {
    return false;
  }
}

/**
 * Facts whose value reads personal data (directly or through another such fact) and may carry
 * it (not a yes/no or a number), with what they read: `{{ facts.contact }}` is as personal as
 * the `customer.email` it holds.
 */
export function personalFactsOf(policy: CompiledPolicy): Map<string, string> {
  const facts = policy.packs.flatMap((p) => p.facts).filter((f) => !givesBoolOrNumber(f.value.source));
  const personal = new Map<string, string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const f of facts) {
      if (personal.has(f.id)) continue;
      const read = personalReadsOf(f.value.source, personal)[0];
      if (read === undefined) continue;
      personal.set(f.id, read.replace(/, which reads .*/, ""));
      grew = true;
    }
  }
  return personal;
}

/** The personal data a template reads, each once. */
export function personalDataIn(
  template: CompiledTemplate,
  personalFacts: ReadonlyMap<string, string> = new Map(),
): string[] {
  const found = template.parts.flatMap((p) => (p.expr ? personalReadsOf(p.expr.source, personalFacts) : []));
  return [...new Set(found)];
}

function check(
  action: CAction,
  field: string,
  template: CompiledTemplate,
  personalFacts: ReadonlyMap<string, string>,
  out: PolicyError[],
): void {
  for (const read of personalDataIn(template, personalFacts))
    out.push(
      policyError(
        action.origin.file,
        action.origin,
        `\`${field}\` reads personal data (${read}): keys and params are kept in the outbox, the operations journal and the audit trail; use ids (customer.id, service.id, device.id) instead`,
        action.id,
        "error",
      ),
    );
}

/** Adds an error for every action key or param of the policy that reads personal data. */
export function personalDataInActions(policy: CompiledPolicy, out: PolicyError[]): void {
  const personalFacts = personalFactsOf(policy);
  for (const action of policy.packs.flatMap((p) => p.actions)) {
    check(action, "idempotencyKey", action.idempotencyKey, personalFacts, out);
    for (const [name, template] of action.params)
      check(action, `params.${name}`, template, personalFacts, out);
  }
}
