/**
 * Keeps the running policy: loads the policy folder at start, reloads it when a file changes
 * (debounced) and keeps serving the last good policy when an edit does not compile. Its
 * readiness check (for `/readyz`) is ok while a good policy is loaded and reports the
 * revision, or the errors of the rejected edit.
 */
import type { Logger } from "../domain/logger.js";
import type { ReadinessCheck } from "../domain/readiness.js";
import type { CompiledPolicy } from "./compiledPolicy.js";
import { loadPolicyFolder, watchPolicyFolder } from "./loader.js";
import { formatPolicyError, type PolicyError } from "./policyError.js";

export interface PolicyStatus {
  /** The revision being served, when a policy loaded. */
  revision?: string;
  loadedAt?: string;
  /** Errors of the last load that failed (the previous policy is still served), if any. */
  rejected?: { at: string; errors: PolicyError[] };
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
  /** Watch the folder and reload on change (default true). */
  watch?: boolean;
  debounceMs?: number;
  /** Called after every successful (re)load with the new policy. */
  onReload?: (policy: CompiledPolicy) => void;
  /** When the load happened, for the status; defaults to the system time. */
  now?: () => Date;
}

/** Loads `dir` and (by default) watches it. Never throws for an invalid policy: see `status()`. */
export async function createPolicyHolder(
  dir: string,
  logger: Logger,
  options: PolicyHolderOptions = {},
): Promise<PolicyHolder> {
  const now = options.now ?? (() => new Date());
  let policy: CompiledPolicy | undefined;
  let status: PolicyStatus = {};
  let loading: Promise<PolicyStatus> | undefined;

  const load = async (): Promise<PolicyStatus> => {
    const result = await loadPolicyFolder(dir);
    const at = now().toISOString();
    if ("policy" in result) {
      const changed = result.policy.revision !== policy?.revision;
      policy = result.policy;
      status = { revision: policy.revision, loadedAt: at };
      if (changed) {
        logger.info(
          { policyDir: dir, revision: policy.revision, packs: policy.packs.map((p) => p.name) },
          "policy loaded",
        );
        options.onReload?.(policy);
      }
    } else {
      status = { ...status, rejected: { at, errors: result.errors } };
      logger.error(
        {
          policyDir: dir,
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
  const stop =
    options.watch === false ? () => {} : watchPolicyFolder(dir, () => void reload(), options.debounceMs);

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
            detail: `no valid policy in ${dir}: ${status.rejected?.errors.length ?? 0} error(s)`,
          };
        const rejected = status.rejected
          ? `; last edit rejected (${status.rejected.errors.length} error(s))`
          : "";
        return { ok: true, detail: `${policy.revision}, ${policy.packs.length} packs${rejected}` };
      },
    },
  };
}
