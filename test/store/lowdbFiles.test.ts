/**
 * What the embedded store does with the files it finds: migrates old ones explicitly,
 * refuses malformed ones without touching them, keeps one process per folder, and writes a
 * turn to that conversation's file only.
 */
import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, readdir, readFile, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { processStartTime } from "../../src/adapters/lowdb/dataFolderLock.js";
import { openLowdbStore } from "../../src/adapters/lowdb/lowdbStore.js";
import { aConversation, aTurn } from "../contracts/storeContract.js";

const fixture = (name: string) => join(import.meta.dirname, "../fixtures/store", name);
let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-files-"));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

async function placeCustomerFile(name: string) {
  await copyFile(fixture(name), join(dir, "customers.json"));
  return readFile(join(dir, "customers.json"), "utf8");
}

describe("an old (schemaVersion 1) customer file", () => {
  it("is migrated step by step, and the original is kept as a backup", async () => {
    const original = await placeCustomerFile("customers-v1.json");
    const store = await openLowdbStore(dir);
    try {
      expect(store.migrated).toEqual([expect.stringMatching(/^v1 -> v2: split name/)]);
      const margaret = await store.customers.get("cust-legacy-1");
      expect(margaret?.name).toEqual({ given: "Margaret Anne", family: "Okafor" });
      expect(margaret?.consents.marketing.given).toBe(true);
      expect(margaret?.consents.winBack.given).toBe(false);
      expect(await readFile(join(dir, "customers.json.v1.bak"), "utf8")).toBe(original);
      expect(JSON.parse(await readFile(join(dir, "customers.json"), "utf8")).schemaVersion).toBe(2);
    } finally {
      await store.close();
    }
  });
});

describe("a malformed customer file", () => {
  it("is refused with the path and field that are wrong, and left exactly as it was", async () => {
    const before = await placeCustomerFile("customers-malformed.json");
    await expect(openLowdbStore(dir)).rejects.toThrow(
      `${join(dir, "customers.json")}: customers[1].email: Invalid email address`,
    );
    expect(await readFile(join(dir, "customers.json"), "utf8")).toBe(before);
  });

  it("that is not JSON at all is refused and left as it was", async () => {
    const before = await placeCustomerFile("customers-truncated.json");
    await expect(openLowdbStore(dir)).rejects.toThrow(/customers\.json: \(root\): not valid JSON/);
    expect(await readFile(join(dir, "customers.json"), "utf8")).toBe(before);
  });

  it("from a newer FairExit is refused with a hint to upgrade", async () => {
    await placeCustomerFile("customers-future.json");
    await expect(openLowdbStore(dir)).rejects.toThrow(
      /schemaVersion: 99 is newer than this FairExit understands/,
    );
  });

  it("does not leave the folder locked after the refusal", async () => {
    await placeCustomerFile("customers-malformed.json");
    await expect(openLowdbStore(dir)).rejects.toThrow();
    await placeCustomerFile("customers-v1.json");
    const store = await openLowdbStore(dir);
    await store.close();
  });
});

describe("a conversation file edited by hand into something invalid", () => {
  it("is reported with its path and field when read", async () => {
    const store = await openLowdbStore(dir);
    await store.conversations.create(aConversation("conv-edited"));
    await store.close();
    const shardDirs = await readdir(join(dir, "conversations"));
    const file = join(dir, "conversations", shardDirs[0]!, "conv-edited.json");
    const content = JSON.parse(await readFile(file, "utf8"));
    content.turns = [{ seq: "first", at: "yesterday", speaker: "customer", text: "hi" }];
    await writeFile(file, JSON.stringify(content));
    const again = await openLowdbStore(dir);
    try {
      await expect(again.conversations.get("conv-edited")).rejects.toThrow(`${file}: turns[0].seq`);
    } finally {
      await again.close();
    }
  });
});

describe("the embedded store is for one process", () => {
  it("refuses a second open of the same folder", async () => {
    const first = await openLowdbStore(dir);
    try {
      await expect(openLowdbStore(dir)).rejects.toThrow(/already open in this process/);
    } finally {
      await first.close();
    }
  });

  it("takes over a lock left by a process that died", async () => {
    await mkdir(dir, { recursive: true });
    await writeFile(join(dir, ".lock"), "999999999");
    const store = await openLowdbStore(dir);
    await store.close();
  });

  it("takes over a lock naming this process's id that an earlier run left (a container's PID 1)", async () => {
    await writeFile(
      join(dir, ".lock"),
      JSON.stringify({ pid: process.pid, token: "from-the-run-that-crashed" }),
    );
    const store = await openLowdbStore(dir);
    await store.close();
    await writeFile(join(dir, ".lock"), String(process.pid)); // the format before locks had a token
    const again = await openLowdbStore(dir);
    await again.close();
  });

  // The start time comes from /proc (Linux); elsewhere a live pid keeps its lock.
  it.skipIf(processStartTime(process.pid) === undefined)(
    "takes over a lock whose live process started at another time (its pid was reused)",
    async () => {
      const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
      try {
        await writeFile(join(dir, ".lock"), JSON.stringify({ pid: child.pid, token: "t", startTime: "1" }));
        const store = await openLowdbStore(dir);
        await store.close();
      } finally {
        child.kill();
      }
    },
  );

  it("refuses a lock held by another live process, naming it", async () => {
    const child = spawn(process.execPath, ["-e", "setTimeout(() => {}, 60000)"], { stdio: "ignore" });
    try {
      const startTime = processStartTime(child.pid!);
      await writeFile(join(dir, ".lock"), JSON.stringify({ pid: child.pid, token: "t", startTime }));
      await expect(openLowdbStore(dir)).rejects.toThrow(
        `${dir} is in use by process ${child.pid}: the embedded store is for one process`,
      );
      await writeFile(join(dir, ".lock"), String(child.pid)); // without a token or start time
      await expect(openLowdbStore(dir)).rejects.toThrow(`is in use by process ${child.pid}`);
    } finally {
      child.kill();
    }
  });
});

describe("writing one turn", () => {
  it("rewrites that conversation's file and no other", async () => {
    const store = await openLowdbStore(dir);
    try {
      await store.conversations.create(aConversation("conv-untouched"));
      await store.conversations.create(aConversation("conv-written"));
      const customersBefore = await stat(join(dir, "customers.json"));
      const files = async () => {
        const out: Record<string, number> = {};
        for (const shard of await readdir(join(dir, "conversations")))
          for (const f of await readdir(join(dir, "conversations", shard)))
            out[f] = (await stat(join(dir, "conversations", shard, f))).mtimeMs;
        return out;
      };
      const before = await files();
      await new Promise((r) => setTimeout(r, 20));
      await store.conversations.appendTurn("conv-written", aTurn(0, "cancel"), { stage: "identify" });
      const after = await files();
      expect(after["conv-untouched.json"]).toBe(before["conv-untouched.json"]);
      expect(after["conv-written.json"]).not.toBe(before["conv-written.json"]);
      expect((await stat(join(dir, "customers.json"))).mtimeMs).toBe(customersBefore.mtimeMs);
    } finally {
      await store.close();
    }
  });
});
