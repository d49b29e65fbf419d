import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFairexit } from "../../support/runFairexit.js";

const env = { FAIREXIT_STORE: "memory", FAIREXIT_CLOCK_START: "2026-11-23T10:00:00Z", LOG_LEVEL: "silent" };

describe("fairexit policy (the supervisors' commands)", () => {
  it("check and test pass on the default packs", async () => {
    const check = await runFairexit(["policy", "check"], env);
    expect(check.stderr).toBe("");
    expect(check.code).toBe(0);
    expect(check.stdout).toMatch(
      /4 packs \(baseline, eu-consumer, uk-telecom, us-california\), revision sha256:[0-9a-f]{16}; 0 error\(s\), 0 warning\(s\)/,
    );
    const test = await runFairexit(["policy", "test"], env);
    expect(test.code).toBe(0);
    expect(test.stdout).toMatch(
      /✓ Sales promised that moving somewhere we cannot serve ends the contract free/,
    );
    expect(test.stdout).toMatch(/\n\d+ passed, 0 failed \(4 case files, policy sha256:/);
  });

  it("check fails with every problem located, one per line", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-cli-"));
    try {
      await writeFile(
        join(dir, "p.yaml"),
        "apiVersion: fairexit/v1\nkind: PolicyPack\nmetadata:\n  name: p\nescalation:\n  - id: asks\n    when: conversation.requestedPersn\n    reason: x\n",
      );
      const r = await runFairexit(["policy", "check", "--dir", dir], env);
      expect(r.code).toBe(1);
      expect(r.stderr).toContain("fairexit: 1 problem(s) in");
      expect(r.stderr).toMatch(/p\.yaml:7:24 \[asks\] No such key: requestedPersn/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("check fails on personal data in an action's key or params, naming file, rule and field", async () => {
    const dir = await mkdtemp(join(tmpdir(), "fairexit-cli-"));
    try {
      await writeFile(
        join(dir, "p.yaml"),
        "apiVersion: fairexit/v1\nkind: PolicyPack\nmetadata:\n  name: p\nactions:\n  - id: text-code\n    per: service\n    kind: issue_porting_code\n    idempotencyKey: 'x:{{ customer.email }}'\n    params: { to: '{{ service.phoneNumber }}' }\n",
      );
      const r = await runFairexit(["policy", "check", "--dir", dir], env);
      expect(r.code).toBe(1);
      expect(r.stdout).toMatch(
        /p\.yaml:6:5 \[text-code\] `idempotencyKey` reads personal data \(customer\.email\): keys and params are kept in the outbox/,
      );
      expect(r.stdout).toMatch(
        /p\.yaml:6:5 \[text-code\] `params\.to` reads personal data \(service\.phoneNumber\)/,
      );
      expect(r.stdout).toMatch(/1 packs \(p\), revision sha256:[0-9a-f]{16}; 2 error\(s\), 0 warning\(s\)/);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  it("explain shows what the policy decides for a demo customer", async () => {
    const r = await runFairexit(
      [
        "policy",
        "explain",
        "--customer",
        "cust-uk-locked-handset",
        "--reason",
        "switching_provider",
        "--keep-number",
      ],
      env,
    );
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Packs: baseline, uk-telecom");
    expect(r.stdout).toMatch(/text PAC to\s+65075/);
  });
});
