import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { auditContract, storeContract } from "../contracts/storeContract.js";

storeContract("memory", async () => ({ store: openMemoryStore(), cleanup: async () => {} }));
auditContract("memory", async () => ({ store: openMemoryStore(), cleanup: async () => {} }));
