/**
 * The composition root wires the desk: `App.assist` is there, and a hand-over of the bot opens
 * its assist session by itself, with the audit entry in the app's one trail.
 */
import { expect, it } from "vitest";
import { createApp } from "../../../src/app.js";
import type { AssistView } from "../../../src/assist/view.js";
import { loadConfig } from "../../../src/config.js";
import { ManualClock } from "../../../src/domain/clock.js";
import { silentLogger } from "../../../src/domain/logger.js";
import { FAKE_API_KEY, startFakeOpenAi } from "../../support/fakeOpenAi.js";

const repoRoot = new URL("../../../", import.meta.url).pathname;

it("App.assist opens a session on a bot hand-over", async () => {
  const app = await createApp(
    loadConfig(
      { FAIREXIT_STORE: "memory", FAIREXIT_SECRET: "a-test-secret-of-16+", LOG_LEVEL: "silent" },
      repoRoot,
    ),
    { logger: silentLogger, clock: new ManualClock("2026-11-23T10:00:00Z") },
  );
  try {
    const id = "conv-wiring-1";
    for (const said of ["I want to cancel my broadband", "UK550913", "NG7 2RD", "I want to talk to a person"])
      await app.engine.receive(id, said, { channel: "webchat" });
    await new Promise((r) => setImmediate(r));
    const view = app.assist.view(id);
    expect(view).toMatchObject({ sessionId: id, status: "live", customerId: "cust-uk-new-broadband" });
    expect(view?.history?.rootCause).toEqual(["install", "care", "billing"]);
    expect(app.assist.list().map((s) => s.sessionId)).toContain(id);
    const entries = await app.store.audit.read({ conversationId: `assist:${id}` });
    expect(entries.map((e) => e.data.assist)).toEqual(["handover"]);
  } finally {
    await app.close();
  }
});

it("App.assist has the configured LLM: the judge's alert arrives on the desk", async () => {
  const fake = await startFakeOpenAi();
  const app = await createApp(
    loadConfig(
      {
        FAIREXIT_STORE: "memory",
        FAIREXIT_SECRET: "a-test-secret-of-16+",
        LOG_LEVEL: "silent",
        OPENAI_BASE_URL: fake.baseURL,
        OPENAI_API_KEY: FAKE_API_KEY,
        FAIREXIT_LLM_BUDGET_MS: "10000",
      },
      repoRoot,
    ),
    { logger: silentLogger, clock: new ManualClock("2026-11-23T10:00:00Z") },
  );
  try {
    fake.answerJson({
      findings: [
        { category: "condescension", quote: "the terms were all there in writing", reason: "Talks down." },
      ],
    });
    const judged = new Promise<AssistView>((resolve) => {
      const stop = app.assist.subscribe((v) => {
        if (!v.alerts.some((a) => a.kind === "llm_judge")) return;
        stop();
        resolve(v);
      });
    });
    const heard = await app.assist.hear({
      sessionId: "call-wiring-llm",
      utteranceId: "u1",
      customerId: "cust-uk-locked-handset",
      speaker: "agent",
      // Neither the patterns nor the model flag these words: only the judge does, a moment later.
      text: "Right, well, the terms were all there in writing.",
      at: "2026-11-23T10:00:01Z",
      final: true,
      source: "events",
    });
    expect(heard.alerts).toEqual([]);
    expect((await judged).alerts.map((a) => a.ruleId)).toEqual(["tone.condescension.llm-judge"]);
  } finally {
    await app.close();
    await fake.close();
  }
});
