/**
 * The contract every alumni contact log keeps (memory, the data folder's JSON Lines file,
 * PostgreSQL): contacts are kept as given and listed oldest first, per customer; `record`
 * refuses at the cap, counts only contacts since the cap's start, and two recordings at once at
 * the last allowed contact record exactly one (two logs over the same storage: two instances).
 */
import { describe, expect, it } from "vitest";
import type { AlumniContact, AlumniContactLog } from "../../src/insights/alumniPorts.js";

export interface ContactLogUnderTest {
  log: AlumniContactLog;
  /** A second log over the same storage (another instance); absent where there is none. */
  second?: () => Promise<AlumniContactLog>;
  /** Closes and opens the same storage again, as a restart would; absent for memory. */
  reopen?: () => Promise<AlumniContactLog>;
  cleanup(): Promise<void>;
}

let n = 0;
export function aContact(customerId: string, at: string, extra: Partial<AlumniContact> = {}): AlumniContact {
  return {
    id: `ac_contract_${++n}_${Math.random().toString(36).slice(2, 8)}`,
    customerId,
    at,
    channel: "email",
    recordedAt: at,
    ...extra,
  };
}

const SINCE = "2027-01-01T00:00:00.000Z";

export function alumniContactsContract(name: string, open: () => Promise<ContactLogUnderTest>): void {
  describe(`${name} alumni contact log contract`, () => {
    const withLog = (fn: (s: ContactLogUnderTest) => Promise<void>) => async () => {
      const s = await open();
      try {
        await fn(s);
      } finally {
        await s.cleanup();
      }
    };

    it(
      "keeps contacts as given, per customer, oldest first",
      withLog(async ({ log }) => {
        const later = aContact("cust-a", "2027-02-02T09:00:00.000Z", {
          campaign: "spring-2027",
          channel: "sms",
        });
        const earlier = aContact("cust-a", "2027-02-01T09:00:00.000Z");
        expect(await log.record(later, { max: 5, since: SINCE })).toEqual({
          recorded: true,
          contactsUsed: 1,
        });
        expect(await log.record(earlier, { max: 5, since: SINCE })).toEqual({
          recorded: true,
          contactsUsed: 2,
        });
        await log.record(aContact("cust-b", "2027-02-03T09:00:00.000Z"), { max: 5, since: SINCE });
        expect(await log.list("cust-a")).toEqual([earlier, later]);
        expect((await log.list("cust-b")).map((c) => c.customerId)).toEqual(["cust-b"]);
        expect(await log.list("cust-nobody")).toEqual([]);
      }),
    );

    it(
      "refuses at the cap and writes nothing; contacts before the cap's start do not count",
      withLog(async ({ log }) => {
        await log.record(aContact("cust-c", "2026-06-01T09:00:00.000Z"), {
          max: 9,
          since: "2026-01-01T00:00:00.000Z",
        });
        for (const day of ["10", "11"])
          expect(
            (await log.record(aContact("cust-c", `2027-03-${day}T09:00:00.000Z`), { max: 2, since: SINCE }))
              .recorded,
          ).toBe(true);
        const third = await log.record(aContact("cust-c", "2027-03-12T09:00:00.000Z"), {
          max: 2,
          since: SINCE,
        });
        expect(third).toEqual({ recorded: false, contactsUsed: 2 });
        expect(await log.list("cust-c")).toHaveLength(3);
      }),
    );

    it(
      "records exactly one of two contacts made at once at the last allowed one",
      withLog(async ({ log, second }) => {
        const other = second ? await second() : log;
        await log.record(aContact("cust-d", "2027-04-01T09:00:00.000Z"), { max: 2, since: SINCE });
        for (let round = 0; round < 5; round++) {
          const customerId = `cust-race-${round}`;
          await log.record(aContact(customerId, "2027-04-01T09:00:00.000Z"), { max: 2, since: SINCE });
          const results = await Promise.all([
            log.record(aContact(customerId, "2027-04-02T09:00:00.000Z"), { max: 2, since: SINCE }),
            other.record(aContact(customerId, "2027-04-02T09:00:01.000Z"), { max: 2, since: SINCE }),
          ]);
          expect(results.filter((r) => r.recorded)).toHaveLength(1);
          expect(await log.list(customerId)).toHaveLength(2);
        }
      }),
    );

    it(
      "keeps what was recorded across a restart",
      withLog(async ({ log, reopen }) => {
        if (!reopen) return;
        const c = aContact("cust-e", "2027-05-01T09:00:00.000Z", { campaign: "may" });
        await log.record(c, { max: 1, since: SINCE });
        const again = await reopen();
        expect(await again.list("cust-e")).toEqual([c]);
        expect(
          (await again.record(aContact("cust-e", "2027-05-02T09:00:00.000Z"), { max: 1, since: SINCE }))
            .recorded,
        ).toBe(false);
      }),
    );
  });
}
