import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { openLowdbStore } from "../../src/adapters/lowdb/lowdbStore.js";
import type { Store } from "../../src/domain/ports.js";
import { auditContract, storeContract } from "../contracts/storeContract.js";

const openTemp = async () => {
  const dir = await mkdtemp(join(tmpdir(), "fairexit-lowdb-"));
  let current: Store = await openLowdbStore(dir, { conversationCacheSize: 4 });
  return {
    get store() {
      return current;
    },
    async reopen() {
      await current.close();
      current = await openLowdbStore(dir);
      return current;
    },
    async cleanup() {
      await current.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
};

storeContract("lowdb", openTemp);
auditContract("lowdb", openTemp);
