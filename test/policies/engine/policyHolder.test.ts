import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { policyFolderSource } from "../../../src/adapters/policyFolder/policyFolder.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { runReadiness } from "../../../src/domain/readiness.js";
import { createPolicyHolder, type PolicyHolder } from "../../../src/policies/policyHolder.js";
import type { PolicySource, PolicySources } from "../../../src/policies/policySource.js";
import { pack } from "./support.js";

const good = (message: string) =>
  pack(
    "p",
    `obligations:\n  - id: receipt\n    topic: receipt\n    before: farewell\n    message: ${message}\n`,
  ).text;

describe("the running policy", () => {
  let dir: string;
  let holder: PolicyHolder | undefined;
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), "fairexit-policy-"));
  });
  afterEach(async () => {
    holder?.close();
    holder = undefined;
    await rm(dir, { recursive: true, force: true });
  });

  it("loads the folder at start and is ready, naming the revision", async () => {
    await writeFile(join(dir, "p.yaml"), good("We send a receipt."));
    holder = await createPolicyHolder(policyFolderSource(dir), silentLogger, { watch: false });
    const report = await runReadiness([holder.readiness]);
    expect(report.ready).toBe(true);
    expect(report.checks[0]!.detail).toBe(`${holder.current()!.revision}, 1 packs`);
  });

  it("keeps serving the last good policy when an edit does not compile, and says so", async () => {
    await writeFile(join(dir, "p.yaml"), good("We send a receipt."));
    holder = await createPolicyHolder(policyFolderSource(dir), silentLogger, { watch: false });
    const before = holder.current()!.revision;
    await writeFile(join(dir, "p.yaml"), good("Receipt {{ customer.nope }}"));
    const status = await holder.reload();
    expect(holder.current()!.revision).toBe(before);
    expect(status.rejected!.errors[0]).toMatchObject({ ruleId: "receipt", message: "No such key: nope" });
    expect((await runReadiness([holder.readiness])).checks[0]).toMatchObject({
      ok: true,
      detail: `${before}, 1 packs; last edit rejected (1 error(s))`,
    });
    await writeFile(join(dir, "p.yaml"), good("We send a receipt at once."));
    await holder.reload();
    expect(holder.current()!.revision).not.toBe(before);
    expect(holder.status().rejected).toBeUndefined();
  });

  it("is not ready when no version of the folder ever compiled", async () => {
    await writeFile(join(dir, "p.yaml"), "apiVersion: fairexit/v2\n");
    holder = await createPolicyHolder(policyFolderSource(dir), silentLogger, { watch: false });
    expect(holder.current()).toBeUndefined();
    const report = await runReadiness([holder.readiness]);
    expect(report.ready).toBe(false);
    expect(report.checks[0]!.detail).toMatch(/^no valid policy in .*: 3 error\(s\)$/);
  });

  it("reloads by itself shortly after a file in the folder changes", async () => {
    await writeFile(join(dir, "p.yaml"), good("We send a receipt."));
    const reloaded = vi.fn();
    holder = await createPolicyHolder(policyFolderSource(dir, { debounceMs: 20 }), silentLogger, {
      onReload: reloaded,
    });
    expect(reloaded).toHaveBeenCalledTimes(1);
    await writeFile(join(dir, "p.yaml"), good("We send a receipt now."));
    await vi.waitFor(() => expect(reloaded).toHaveBeenCalledTimes(2), { timeout: 5000, interval: 20 });
  });

  it("takes its policy from any source: the engine reads no files", async () => {
    let sources: PolicySources = {
      packs: [{ path: "mem/p.yaml", text: good("We send a receipt.") }],
      cases: [],
    };
    let edited = () => {};
    const source: PolicySource = {
      label: "memory",
      read: async () => sources,
      watch: (onChange) => {
        edited = onChange;
        return () => {};
      },
    };
    const reloaded = vi.fn();
    holder = await createPolicyHolder(source, silentLogger, { onReload: reloaded });
    expect(holder.current()!.packs.map((p) => p.file)).toEqual(["mem/p.yaml"]);
    sources = { packs: [{ path: "mem/q.yaml", text: good("We send a receipt now.") }], cases: [] };
    edited();
    await vi.waitFor(() => expect(reloaded).toHaveBeenCalledTimes(2), { timeout: 5000, interval: 5 });
    expect(holder.current()!.packs.map((p) => p.file)).toEqual(["mem/q.yaml"]);
  });
});
