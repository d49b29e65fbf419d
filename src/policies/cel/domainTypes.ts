/**
 * CEL types for what policy expressions can read, derived from the zod domain schemas (so a
 * field added to the customer model is known to the policy checker at once) plus the views
 * the engine builds (conversation, outcome). Used only to type-check expressions at load, so
 * `customer.servics` is reported with its line and column instead of failing at run time.
 */
import type { Environment } from "@marcbachmann/cel-js";
import { z } from "zod";
import { Customer } from "../../domain/customer.js";

interface JsonSchemaNode {
  type?: string | string[];
  properties?: Record<string, JsonSchemaNode>;
  items?: JsonSchemaNode;
  anyOf?: JsonSchemaNode[];
  oneOf?: JsonSchemaNode[];
  additionalProperties?: JsonSchemaNode | boolean;
}

/** Registers the CEL type of a JSON Schema node under `name` (and its nested objects); returns the type. */
function register(
  env: Environment,
  node: JsonSchemaNode,
  name: string,
  names: Record<string, string>,
): string {
  if (node.anyOf || node.oneOf || Array.isArray(node.type)) return "dyn";
  switch (node.type) {
    case "string":
      return "string";
    case "number":
    case "integer":
      // Every number from data is a JS number: a CEL double at run time.
      return "double";
    case "boolean":
      return "bool";
    case "array":
      return node.items ? `list<${register(env, node.items, `${name}Item`, names)}>` : "list<dyn>";
    case "object": {
      if (!node.properties) return "map<string, dyn>";
      const typeName = names[name] ?? name;
      const fields: Record<string, string> = {};
      for (const [key, child] of Object.entries(node.properties)) {
        fields[key] = register(env, child, `${name}_${key}`, names);
      }
      env.registerType(typeName, { fields });
      return typeName;
    }
    default:
      return "dyn";
  }
}

/** Friendlier names for the nested types people meet in error messages. */
const NAMES: Record<string, string> = {
  Customer_servicesItem: "Service",
  Customer_servicesItem_devicesItem: "Device",
  Customer_promisesItem: "SalesPromise",
  Customer_interactionsItem: "Interaction",
  Customer_billing: "Billing",
  Customer_billing_disputesItem: "Dispute",
  Customer_billing_invoicesItem: "Invoice",
};

export interface DomainTypeNames {
  customer: string;
  service: string;
  device: string;
  conversation: string;
  outcome: string;
}

/** Registers the customer, service, device, conversation and outcome types on `env`. */
export function registerDomainTypes(env: Environment): DomainTypeNames {
  const schema = z.toJSONSchema(Customer, { io: "output", unrepresentable: "any" }) as JsonSchemaNode;
  const customer = register(env, schema, "Customer", NAMES);
  env.registerType("Claim", { fields: { text: "string", kind: "string" } });
  env.registerType("ConversationView", {
    fields: {
      serviceIds: "list<string>",
      reason: "string",
      newPostcode: "string",
      newCountry: "string",
      keepNumber: "dyn",
      claims: "list<Claim>",
      requestedPerson: "bool",
      legalThreat: "bool",
      offersMade: "double",
      offersDeclined: "double",
      channel: "string",
    },
  });
  env.registerType("Outcome", {
    fields: {
      serviceId: "string",
      endDate: "string",
      endsAt: "string",
      noticeDays: "double",
      totalDue: "double",
      currency: "string",
      fees: "list<dyn>",
      waivers: "list<dyn>",
    },
  });
  return {
    customer,
    service: "Service",
    device: "Device",
    conversation: "ConversationView",
    outcome: "Outcome",
  };
}
