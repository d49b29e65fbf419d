/**
 * CPU budgets and CPU accounting for bench/load.
 *
 * A scale-out ratio means something only when each instance has the same CPU: on a 2-core machine
 * shared with PostgreSQL and the load generator, two unconfined instances simply split the cores
 * one instance already saturated. So each instance can be given a fixed budget (`--cpu-per-instance
 * 0.5`: half a core) through a Linux control group (cgroup v2 `cpu.max`, or v1
 * `cpu.cfs_quota_us`), which needs root and a writable cgroup file system; without them the bench
 * says why and runs unconfined.
 *
 * Whatever the budget, the CPU time each process actually used (user + system, from
 * /proc/<pid>/stat) is read before and after a run, for the instances, the PostgreSQL server
 * processes and the load generator, so the report shows where the cores went.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const TICKS_PER_SECOND = 100;

/** CPU seconds (user + system) a process has used so far; 0 once it is gone. */
export function processCpuSeconds(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name is in parentheses and may hold spaces: count fields after its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** CPU seconds used so far by every process whose command is `postgres` (the server and its backends). */
export function postgresCpuSeconds(): number {
  let total = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if (readFileSync(`/proc/${entry}/comm`, "utf8").trim() !== "postgres") continue;
    } catch {
      continue;
    }
    total += processCpuSeconds(Number(entry));
  }
  return total;
}

export interface CpuBudget {
  /** Where the budget is kept (the control group's folder). */
  readonly where: string;
  /** Moves `pid` (all its threads) under the budget. */
  confine(pid: number): void;
  /** Removes the control group (its processes must have exited). */
  remove(): void;
}

type Hierarchy = { kind: "v2"; root: string } | { kind: "v1"; root: string };

function hierarchy(): Hierarchy | string {
  if (process.getuid?.() !== 0) return "not running as root";
  const v2 = "/sys/fs/cgroup/cgroup.controllers";
  if (existsSync(v2)) {
    const controllers = readFileSync(v2, "utf8");
    if (!/\bcpu\b/.test(controllers)) return "the cgroup v2 hierarchy has no cpu controller";
    try {
      writeFileSync("/sys/fs/cgroup/cgroup.subtree_control", "+cpu");
    } catch {
      return "the cpu controller cannot be enabled for child groups (cgroup.subtree_control)";
    }
    return { kind: "v2", root: "/sys/fs/cgroup" };
  }
  if (existsSync("/sys/fs/cgroup/cpu/cpu.cfs_quota_us")) return { kind: "v1", root: "/sys/fs/cgroup/cpu" };
  return "no cgroup cpu controller is mounted";
}

/**
 * A control group allowing `cores` CPUs (0.5 = half a core), or the reason one cannot be made
 * here (a string).
 */
export function cpuBudget(name: string, cores: number): CpuBudget | string {
  const h = hierarchy();
  if (typeof h === "string") return h;
  const dir = join(h.root, name);
  try {
    mkdirSync(dir, { recursive: true });
    const period = 100_000;
    const quota = Math.max(1_000, Math.round(cores * period));
    if (h.kind === "v2") writeFileSync(join(dir, "cpu.max"), `${quota} ${period}`);
    else {
      writeFileSync(join(dir, "cpu.cfs_period_us"), String(period));
      writeFileSync(join(dir, "cpu.cfs_quota_us"), String(quota));
    }
  } catch (e) {
    return `the control group ${dir} cannot be set up: ${(e as Error).message}`;
  }
  return {
    where: dir,
    confine(pid) {
      writeFileSync(join(dir, "cgroup.procs"), String(pid));
    },
    remove() {
      try {
        rmdirSync(dir);
      } catch {
        // A group still holding a process cannot be removed; the next run reuses its name.
      }
    },
  };
}
