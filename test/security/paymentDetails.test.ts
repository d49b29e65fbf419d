/**
 * Card numbers and IBANs a customer types are masked as the message arrives: nothing in the
 * data folder (conversations, hand-overs, audit, outbox …) holds them afterwards, while account
 * numbers and postcodes still identify the customer. Through Direct Line on the embedded store.
 */
import { mkdtemp, readdir, readFile, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { CustomerFile } from "../../src/domain/customerFile.js";
import { ibanValid, luhnValid, maskPaymentDetails } from "../../src/domain/paymentDetails.js";
import { DirectLineClient } from "../support/directLineClient.js";
import { aFairExitServer, type RunningFairExit } from "../support/fairexitServer.js";
import { repoRoot } from "../support/runFairexit.js";

const CARD = "4242 4242 4242 4242";
const IBAN = "GB82 WEST 1234 5698 7654 32";
const OTHER_CARD = "4111-1111-1111-1111";
const OTHER_IBAN = "DE89370400440532013000";
/** Every way the numbers above could be found in a file. */
const NEEDLES = [
  "4242424242424242",
  "4242 4242 4242 4242",
  "424242424242",
  "GB82WEST",
  "GB82 WEST",
  "12345698765432",
  "1234 5698 7654",
  "4111111111111111",
  "4111-1111",
  "370400440532013000",
  "3704 0044 0532",
];

let dir: string;
let server: RunningFairExit | undefined;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "fairexit-payment-"));
});
afterEach(async () => {
  await server?.close();
  await rm(dir, { recursive: true, force: true });
});

async function filesUnder(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { withFileTypes: true });
  const nested = await Promise.all(
    entries.map((e) => (e.isDirectory() ? filesUnder(join(folder, e.name)) : [join(folder, e.name)])),
  );
  return nested.flat();
}

async function chat() {
  const c = await DirectLineClient.anonymous(server!.url);
  await c.start();
  await c.poll();
  return c;
}

describe("payment details typed by a customer", () => {
  it("are stored nowhere in the data folder, and the customer is still identified and can cancel", async () => {
    server = await aFairExitServer({ FAIREXIT_STORE: "lowdb", FAIREXIT_DATA_DIR: dir });
    const priya = await chat();
    await priya.says("I want to cancel");
    await priya.says("UK318826");
    expect((await priya.says("M14 5RT")).map((a) => a.text).join("\n")).toContain("Thanks, Priya");
    const answer = await priya.says(`Can you take the fee from my card ${CARD} or my IBAN ${IBAN}?`);
    expect(answer.length).toBeGreaterThan(0);
    for (const line of ["continue", "no", "yes"]) await priya.says(line);

    const stranger = await chat();
    await stranger.says(`my card number is ${OTHER_CARD}`);
    await stranger.says(`IBAN ${OTHER_IBAN}`);
    await stranger.says("I want to talk to a person");
    await server.close();
    server = undefined;

    const files = await filesUnder(dir);
    expect(files.some((f) => f.endsWith("handovers.jsonl"))).toBe(true);
    const hits: string[] = [];
    for (const file of files) {
      const text = await readFile(file, "utf8");
      for (const needle of NEEDLES) if (text.includes(needle)) hits.push(`${file}: ${needle}`);
    }
    expect(hits).toEqual([]);
    const conversations = (
      await Promise.all(files.filter((f) => f.includes("conversations")).map((f) => readFile(f, "utf8")))
    ).join("\n");
    expect(conversations).toContain("[card ending 4242]");
    expect(conversations).toContain("[IBAN ending 5432]");
    expect(conversations).toContain("[IBAN ending 3000]");
  });
});

describe("maskPaymentDetails", () => {
  it("masks card numbers (Luhn, 13-19 digits, spaces or dashes) and IBANs (mod 97), keeping the last four", () => {
    expect(maskPaymentDetails(`card ${CARD}, IBAN ${IBAN}.`)).toBe(
      "card [card ending 4242], IBAN [IBAN ending 5432].",
    );
    expect(maskPaymentDetails(`${OTHER_CARD} and amex 3782 822463 10005`)).toBe(
      "[card ending 1111] and amex [card ending 0005]",
    );
    expect(maskPaymentDetails(`account UK318826, IBAN se45 5000 0000 0583 9825 7466 thanks`)).toBe(
      "account UK318826, IBAN [IBAN ending 7466] thanks",
    );
  });

  it("leaves alone what is not a valid card or IBAN: a wrong check digit, an IMEI, phone numbers, dates", () => {
    for (const text of [
      "4242 4242 4242 4241",
      "GB83 WEST 1234 5698 7654 32",
      "my phone's IMEI is 490154203237518",
      "call me on +44 7700 900123",
      "since 2024-03-01",
    ])
      expect(maskPaymentDetails(text)).toBe(text);
    expect(luhnValid("4242424242424242")).toBe(true);
    expect(ibanValid("GB82WEST12345698765432")).toBe(true);
  });

  it("never masks an account number or postcode of the demo customers", async () => {
    const file = CustomerFile.parse(
      JSON.parse(await readFile(join(repoRoot, "data/demo/customers.json"), "utf8")),
    );
    for (const c of file.customers) {
      expect(maskPaymentDetails(c.accountNumber)).toBe(c.accountNumber);
      expect(maskPaymentDetails(`${c.accountNumber} ${c.postcode}`)).toBe(`${c.accountNumber} ${c.postcode}`);
    }
  });
});
