import { openMemoryStore } from "../../src/adapters/memory/memoryStore.js";
import { storeContract } from "../contracts/storeContract.js";

storeContract("memory", async () => ({ store: openMemoryStore(), cleanup: async () => {} }));
