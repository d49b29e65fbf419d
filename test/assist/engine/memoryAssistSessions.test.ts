import { expect, it } from "vitest";
import { MemoryAssistSessions } from "../../../src/assist/memoryAssistSessions.js";
import { aSession, sessionStoreContract } from "./sessionStoreContract.js";

sessionStoreContract("memory", async () => ({ store: new MemoryAssistSessions(), cleanup: async () => {} }));

it("memory: beyond its bound, an ended session goes first, then the least recently updated", async () => {
  const store = new MemoryAssistSessions(2);
  await store.put(aSession("a"));
  await store.put({ ...aSession("b"), status: "ended" });
  await store.put(aSession("c"));
  expect((await store.list()).map((s) => s.sessionId)).toEqual(["a", "c"]);
  await store.put(aSession("a"));
  await store.put(aSession("d"));
  expect((await store.list()).map((s) => s.sessionId)).toEqual(["a", "d"]);
  expect(() => new MemoryAssistSessions(0)).toThrow(/maxSessions must be at least 1/);
});
