/**
 * `fairexit outbox` lists what the outbox holds, through the real command (moved here from
 * test/execution/outbox.test.ts so that file runs in-process, in the "fast" vitest project).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openJsonlOutbox } from "../../src/adapters/files/jsonlOutbox.js";
import { ManualClock } from "../../src/domain/clock.js";
import type { PlannedAction } from "../../src/domain/decision.js";
import { enqueueAction } from "../../src/execution/enqueue.js";
import { runFairexit } from "../support/runFairexit.js";

const endService: PlannedAction = {
  id: "end-svc-mob",
  ruleId: "baseline.end-service",
  kind: "end_service",
  serviceId: "svc-mob",
  at: "2026-12-23T23:59:00Z",
  idempotencyKey: "conv-1:end_service:svc-mob",
  params: { endDate: "2026-12-23" },
};
const pac: PlannedAction = {
  id: "pac-svc-mob",
  ruleId: "uk-telecom.pac",
  kind: "issue_porting_code",
  serviceId: "svc-mob",
  idempotencyKey: "conv-1:issue_porting_code:svc-mob",
  params: { keepNumber: true },
};

let dir: string;
const clock = new ManualClock("2026-11-23T10:00:00Z");
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-outbox-cli-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe("fairexit outbox", () => {
  it("lists pending and delivered items", async () => {
    const outbox = await openJsonlOutbox(join(dir, "outbox.jsonl"));
    await enqueueAction(outbox, endService, clock.now(), "conv-1");
    await enqueueAction(outbox, pac, clock.now(), "conv-1");
    await outbox.markDelivered(pac.idempotencyKey, { code: "ABC123456" }, clock.now());
    const r = await runFairexit(["outbox"], { FAIREXIT_DATA_DIR: dir });
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/pending\s+end_service\s+due 2026-11-23T10:00:00.000Z\s+conv-1/);
    expect(r.stdout).toMatch(/delivered\s+issue_porting_code\s+delivered 2026-11-23T10:00:00.000Z/);
    expect(r.stdout).toContain("1 pending, 1 delivered, 0 failed");
  });
});
