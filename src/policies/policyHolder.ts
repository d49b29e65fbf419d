/**
 * Keeps the running policy: loads it from its source (the policy folder, read and watched by
 * `src/adapters/policyFolder`) at start, reloads it when the source reports an edit and keeps serving the last good policy when an edit does not compile. Its
 * readiness check (for `/readyz`) is ok while a good policy is loaded and reports the
 * revision, the last change (packs added or removed), or the errors of the rejected edit.
 * A pack file deleted while the server runs is a policy change like any other: logged (a
 * warning: customers it covered now get the remaining packs' rules) and shown in `/readyz`.
 */
import type { Logger } from "../domain/logger.js";
import type { ReadinessCheck } from "../domain/readiness.js";
import type { CompiledPolicy } from "./compiledPolicy.js";
import { formatPolicyError, type PolicyError } from "./policyError.js";
import { loadPolicy, type PolicySource } from "./policySource.js";

export interface PolicyStatus {
  /** The revision being served, when a policy loaded. */
  revision?: string;
  loadedAt?: string;
  /** Errors of the last load that failed (the previous policy is still served), if any. */
  rejected?: { at: string; errors: PolicyError[] };
  /** The last change of revision while running: which packs came or went. */
  lastChange?: PolicyChange;
}

export interface PolicyChange {
  at: string;
  from: string;
  to: string;
  /** Pack names (with their files) that were added or removed. */
  added: string[];
  removed: string[];
}

export interface PolicyHolder {
  /** The policy in force; undefined only when no version ever compiled. */
  current(): CompiledPolicy | undefined;
  status(): PolicyStatus;
  /** For `/readyz`. */
  readiness: ReadinessCheck;
  /** Reloads now; resolves with the status after the attempt. */
  reload(): Promise<PolicyStatus>;
  /** Stops watching. */
  close(): void;
}

export interface PolicyHolderOptions {
  /** Watch the source and reload on change (default true). */
  watch?: boolean;
  /** Called after every successful (re)load with the new policy. */
  onReload?: (policy: CompiledPolicy) => void;
  /** When the load happened, for the status; defaults to the system time. */
  now?: () => Date;
}

/** Loads `source` and (by default) watches it. Never throws for an invalid policy: see `status()`. */
export async function createPolicyHolder(
  source: PolicySource,
  logger: Logger,
  options: PolicyHolderOptions = {},
): Promise<PolicyHolder> {
  const now = options.now ?? (() => new Date());
  let policy: CompiledPolicy | undefined;
  let status: PolicyStatus = {};
  let loading: Promise<PolicyStatus> | undefined;

  const load = async (): Promise<PolicyStatus> => {
    const result = await loadPolicy(source);
    const at = now().toISOString();
    if ("policy" in result) {
      const previous = policy;
      const changed = result.policy.revision !== previous?.revision;
      policy = result.policy;
      const lastChange = previous && changed ? changeBetween(previous, policy, at) : status.lastChange;
      status = { revision: policy.revision, loadedAt: at, ...(lastChange ? { lastChange } : {}) };
      if (changed) {
        const fields = {
          policyDir: source.label,
          revision: policy.revision,
          packs: policy.packs.map((p) => p.name),
          ...(previous ? { previousRevision: previous.revision } : {}),
          ...(lastChange && previous ? { added: lastChange.added, removed: lastChange.removed } : {}),
        };
        if (previous && lastChange && lastChange.removed.length > 0)
          logger.warn(
            fields,
            `policy pack removed (${lastChange.removed.join(", ")}): the customers it covered now get the remaining packs' rules`,
          );
        else logger.info(fields, previous ? "policy changed" : "policy loaded");
        options.onReload?.(policy);
      }
    } else {
      status = { ...status, rejected: { at, errors: result.errors } };
      logger.error(
        {
          policyDir: source.label,
          errors: result.errors.slice(0, 20).map(formatPolicyError),
          keptRevision: policy?.revision,
        },
        policy
          ? "policy edit rejected; the previous policy stays in force"
          : "policy folder does not compile",
      );
    }
    return status;
  };
  const reload = () => {
    loading = (loading ?? Promise.resolve(status)).then(load, load);
    return loading;
  };

  await reload();
  const stop = options.watch === false ? () => {} : source.watch(() => void reload());

  return {
    current: () => policy,
    status: () => status,
    reload,
    close: stop,
    readiness: {
      name: "policy",
      check: () => {
        if (!policy)
          return {
            ok: false,
            detail: `no valid policy in ${source.label}: ${status.rejected?.errors.length ?? 0} error(s)`,
          };
        const rejected = status.rejected
          ? `; last edit rejected (${status.rejected.errors.length} error(s))`
          : "";
        return {
          ok: true,
          detail: `${policy.revision}, ${policy.packs.length} packs${changeDetail(status.lastChange)}${rejected}`,
        };
      },
    },
  };
}

const packLabel = (p: CompiledPolicy["packs"][number]) => `${p.name} (${p.file})`;

function changeBetween(from: CompiledPolicy, to: CompiledPolicy, at: string): PolicyChange {
  const before = new Map(from.packs.map((p) => [p.name, p]));
  const after = new Map(to.packs.map((p) => [p.name, p]));
  return {
    at,
    from: from.revision,
    to: to.revision,
    added: to.packs.filter((p) => !before.has(p.name)).map(packLabel),
    removed: from.packs.filter((p) => !after.has(p.name)).map(packLabel),
  };
}

function changeDetail(change: PolicyChange | undefined): string {
  if (!change) return "";
  const what = [
    ...(change.removed.length > 0 ? [`removed ${change.removed.join(", ")}`] : []),
    ...(change.added.length > 0 ? [`added ${change.added.join(", ")}`] : []),
  ];
  return `; changed at ${change.at} from ${change.from}${what.length > 0 ? `: ${what.join("; ")}` : ""}`;
}
