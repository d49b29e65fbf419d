/**
 * The demo data tells stories the bot and agent assist are demonstrated with. These tests
 * read `data/demo/customers.json` the way FairExit does (migrate + validate) and check that
 * every story still holds: the facts a fair outcome depends on are present and consistent.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { readCustomerFile } from "../src/adapters/files/readCustomerFile.js";
import { type Customer, isCovered, type Service, type ServiceKind } from "../src/domain/customer.js";

const DEMO_FILE = fileURLToPath(new URL("../data/demo/customers.json", import.meta.url));
/** The demo's "today". */
const TODAY = "2026-11-23";
/** The Swedish family's new address, which the company cannot serve. */
const SE_DESTINATION = "962 31";

const demo = await readCustomerFile(DEMO_FILE);

function customer(id: string): Customer {
  const c = demo.customers.find((x) => x.id === id);
  if (!c) throw new Error(`demo customer ${id} is missing`);
  return c;
}

function serviceOf(c: Customer, kind: ServiceKind): Service {
  const s = c.services.find((x) => x.kind === kind);
  if (!s) throw new Error(`${c.id} has no ${kind} service`);
  return s;
}

/** Whole days from `from` to `to` (both YYYY-MM-DD). */
function daysBetween(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);
}

/** `start` plus `months` calendar months, as YYYY-MM-DD. */
function addMonths(start: string, months: number): string {
  const d = new Date(`${start}T00:00:00Z`);
  d.setUTCMonth(d.getUTCMonth() + months);
  return d.toISOString().slice(0, 10);
}

function yearsBetween(from: string, to: string): number {
  return daysBetween(from, to) / 365.25;
}

function luhnValid(digits: string): boolean {
  let sum = 0;
  [...digits].reverse().forEach((ch, i) => {
    let d = Number(ch);
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  });
  return sum % 10 === 0;
}

/** Reserved for drama and examples: Ofcom 07700 900xxx and geographic ranges, PTS 070-17406xx, BNetzA, NANP 555-01xx. */
const FICTIONAL_PHONE = [
  /^\+447700900\d{3}$/,
  /^\+44(113|114|115|116|117|118|121|131|141|151|161)4960\d{3}$/,
  /^\+441632960\d{3}$/,
  /^\+467017406(0[5-9]|[1-9]\d)$/,
  /^\+49(3023125|6990009|4066969|8999998)\d{3}$/,
  /^\+4915228817386$/,
  /^\+1\d{3}5550[1]\d{2}$/,
];
const isFictionalPhone = (n: string) => FICTIONAL_PHONE.some((re) => re.test(n));

describe("the demo customer file", () => {
  it("has at least 12 customers with unique ids and account numbers", () => {
    expect(demo.customers.length).toBeGreaterThanOrEqual(12);
    const ids = demo.customers.map((c) => c.id);
    const accounts = demo.customers.map((c) => c.accountNumber);
    expect(new Set(ids).size).toBe(ids.length);
    expect(new Set(accounts).size).toBe(accounts.length);
  });

  it("uses unique ids for services, devices, promises, interactions, invoices and disputes across the file", () => {
    const all = demo.customers.flatMap((c) => [
      ...c.services.map((s) => s.id),
      ...c.services.flatMap((s) => s.devices.map((d) => d.id)),
      ...c.promises.map((p) => p.id),
      ...c.interactions.map((i) => i.id),
      ...c.billing.invoices.map((i) => i.id),
      ...c.billing.disputes.map((d) => d.id),
    ]);
    expect(new Set(all).size).toBe(all.length);
    for (const c of demo.customers) {
      for (const s of c.services) expect(s.id).toMatch(/^svc-/);
      for (const p of c.promises) expect(p.id).toMatch(/^prom-/);
      for (const i of c.interactions) expect(i.id).toMatch(/^int-/);
    }
  });

  it("uses only fictional phone numbers and example email domains", () => {
    for (const c of demo.customers) {
      expect(isFictionalPhone(c.phone), `${c.id} phone ${c.phone}`).toBe(true);
      expect(c.email).toMatch(/@example\.(com|se|de)$/);
      for (const s of c.services)
        if (s.phoneNumber) expect(isFictionalPhone(s.phoneNumber), `${s.id} ${s.phoneNumber}`).toBe(true);
    }
  });

  it("gives every handset a valid 15-digit IMEI", () => {
    const handsets = demo.customers.flatMap((c) =>
      c.services.flatMap((s) => s.devices.filter((d) => d.kind === "handset")),
    );
    expect(handsets.length).toBeGreaterThan(0);
    for (const h of handsets) {
      expect(h.imei).toMatch(/^\d{15}$/);
      expect(luhnValid(h.imei!)).toBe(true);
    }
  });

  it("keeps every customer internally consistent: dates, currencies, invoices", () => {
    for (const c of demo.customers) {
      expect(c.customerSince <= TODAY).toBe(true);
      expect(c.postcode).toBe(c.address.postcode);
      expect(c.billing.invoices.length, `${c.id} invoices`).toBeGreaterThan(0);
      expect(c.billing.paymentMethod.kind).toBeDefined();
      for (const s of c.services) {
        expect(s.currency, s.id).toBe(c.billing.currency);
        expect(s.contract.start >= c.customerSince, `${s.id} starts after the customer joined`).toBe(true);
        expect(s.contract.start <= TODAY).toBe(true);
        const latest = s.priceChanges.at(-1);
        if (latest && latest.at <= TODAY)
          expect(s.monthlyFee, `${s.id} fee after its last rise`).toBe(latest.to);
      }
      for (const inv of c.billing.invoices) {
        expect(inv.currency).toBe(c.billing.currency);
        expect(inv.issued >= c.customerSince && inv.issued <= TODAY, inv.id).toBe(true);
        const sum = inv.lines.reduce((s, l) => s + l.amount, 0);
        expect(sum, `${inv.id} lines add up`).toBeCloseTo(inv.amount, 2);
      }
      const unpaid = c.billing.invoices.filter((i) => !i.paid).reduce((s, i) => s + i.amount, 0);
      expect(c.billing.balance, `${c.id} balance is the unpaid invoices`).toBeCloseTo(unpaid, 2);
      for (const i of c.interactions) {
        expect(Date.parse(i.at)).toBeLessThanOrEqual(Date.parse(`${TODAY}T23:59:59Z`));
        expect(Date.parse(i.at)).toBeGreaterThanOrEqual(
          Date.parse(`${c.customerSince}T00:00:00Z`) - 86_400_000,
        );
      }
    }
  });

  it("has history across several channels and departments for every customer", () => {
    for (const c of demo.customers) {
      expect(c.interactions.length, c.id).toBeGreaterThanOrEqual(3);
      expect(new Set(c.interactions.map((i) => i.channel)).size, `${c.id} channels`).toBeGreaterThanOrEqual(
        2,
      );
      expect(new Set(c.interactions.map((i) => i.silo)).size, `${c.id} silos`).toBeGreaterThanOrEqual(2);
    }
  });

  it("covers every customer's current address for the fixed-line and mobile services they have", () => {
    for (const c of demo.customers)
      for (const s of c.services)
        if (["broadband", "tv", "landline", "mobile"].includes(s.kind))
          expect(
            isCovered(demo.coverage, c.address.country, s.kind, c.address.postcode),
            `${s.id} at ${c.address.postcode}`,
          ).toBe(true);
  });
});

describe("story: the Swedish family moving where we cannot serve them", () => {
  const c = customer("cust-se-moving");
  const bb = serviceOf(c, "broadband");
  const tv = serviceOf(c, "tv");

  it("is a Swedish broadband + TV customer of 7 years, billed in SEK", () => {
    expect([c.jurisdiction, c.locale, c.billing.currency, c.address.country]).toEqual([
      "SE",
      "sv-SE",
      "SEK",
      "SE",
    ]);
    expect(Math.floor(yearsBetween(c.customerSince, TODAY))).toBe(7);
    expect(bb.currency).toBe("SEK");
    expect(tv.currency).toBe("SEK");
  });

  it("signed a new 12-month contract about 3 months ago", () => {
    for (const s of [bb, tv]) {
      expect(s.contract.minimumTermMonths).toBe(12);
      expect(daysBetween(s.contract.start, TODAY)).toBeGreaterThanOrEqual(85);
      expect(daysBetween(s.contract.start, TODAY)).toBeLessThanOrEqual(95);
      expect(s.contract.exitFeePercent).toBeGreaterThan(0);
    }
  });

  it("was promised by sales that moving out of coverage ends both services without a fee", () => {
    const promise = c.promises.find((p) => p.structured.condition === "moving_out_of_coverage");
    expect(promise).toBeDefined();
    expect(promise!.id).toBe("prom-se-moving-coverage");
    expect(promise!.silo).toBe("sales");
    expect(["fee_waiver", "free_cancellation"]).toContain(promise!.structured.kind);
    expect(promise!.structured.serviceIds).toEqual(expect.arrayContaining([bb.id, tv.id]));
    expect(promise!.date <= bb.contract.start).toBe(true);
  });

  it("lives where we can serve them and is moving to a postcode we cannot", () => {
    expect(isCovered(demo.coverage, "SE", "broadband", c.address.postcode)).toBe(true);
    expect(isCovered(demo.coverage, "SE", "tv", c.address.postcode)).toBe(true);
    expect(isCovered(demo.coverage, "SE", "broadband", SE_DESTINATION)).toBe(false);
    expect(isCovered(demo.coverage, "SE", "tv", SE_DESTINATION)).toBe(false);
  });

  it("told care about the planned move", () => {
    const told = c.interactions.find((i) => i.silo === "care" && i.summary.includes(SE_DESTINATION));
    expect(told).toBeDefined();
  });
});

describe("story: the UK mobile customer switching network with a locked handset", () => {
  const c = customer("cust-uk-locked-handset");
  const mob = serviceOf(c, "mobile");
  const handset = mob.devices.find((d) => d.kind === "handset");

  it("has been with us 6 years under UK rules, paying in GBP by direct debit", () => {
    expect([c.jurisdiction, c.billing.currency, c.address.country]).toEqual(["UK", "GBP", "GB"]);
    expect(Math.floor(yearsBetween(c.customerSince, TODAY))).toBe(6);
    expect(c.billing.paymentMethod.kind).toBe("direct_debit");
    if (c.billing.paymentMethod.kind === "direct_debit")
      expect(c.billing.paymentMethod.mandateReference).not.toBe("");
  });

  it("has a contract ending in about two months, with 30 days' notice", () => {
    const end = addMonths(mob.contract.start, mob.contract.minimumTermMonths);
    expect(end >= "2027-01-20" && end <= "2027-01-29").toBe(true);
    expect(daysBetween(TODAY, end)).toBeGreaterThan(45);
    expect(daysBetween(TODAY, end)).toBeLessThan(75);
    expect(mob.contract.noticeDays).toBe(30);
  });

  it("owns a handset still locked to the network, with an IMEI", () => {
    expect(handset).toBeDefined();
    expect(handset!.locked).toBe(true);
    expect(handset!.ownership).toBe("owned");
    expect(handset!.imei).toMatch(/^\d{15}$/);
  });

  it("has a number to keep when switching", () => {
    expect(mob.phoneNumber).toMatch(/^\+447700900\d{3}$/);
  });
});

describe("story: the long-standing pay-TV household that has had enough", () => {
  const c = customer("cust-uk-paytv-outages");
  const tv = serviceOf(c, "tv");
  const kinds = c.interactions.map((i) => i.kind);

  it("has pay-TV, internet and a landline and has been with us many years", () => {
    expect(c.services.map((s) => s.kind).sort()).toEqual(["broadband", "landline", "tv"]);
    expect(yearsBetween(c.customerSince, TODAY)).toBeGreaterThan(10);
  });

  it("suffered outages, a failed set-top box and a condescending support call", () => {
    expect(kinds.filter((k) => k === "outage").length).toBeGreaterThanOrEqual(2);
    expect(kinds).toContain("equipment_failure");
    const rude = c.interactions.find((i) => i.kind === "complaint" && i.tags.includes("condescending"));
    expect(rude).toBeDefined();
  });

  it("has an open dispute for a channel never ordered, and the charge is on the invoices", () => {
    const dispute = c.billing.disputes.find((d) => d.open);
    expect(dispute).toBeDefined();
    expect(dispute!.serviceId).toBe(tv.id);
    const charged = c.billing.invoices
      .flatMap((i) => i.lines)
      .filter((l) => l.description.includes("Golf Plus"));
    expect(charged.length).toBeGreaterThan(0);
    expect(charged.reduce((s, l) => s + l.amount, 0)).toBeCloseTo(dispute!.amount, 2);
  });

  it("has said no to being contacted after leaving", () => {
    expect(c.consents.winBack.given).toBe(false);
  });
});

describe("story: the new broadband customer whose first two months went wrong", () => {
  const c = customer("cust-uk-new-broadband");
  const bb = serviceOf(c, "broadband");
  const byKind = (kind: string) => c.interactions.find((i) => i.kind === kind);

  it("joined about two months ago", () => {
    expect(daysBetween(c.customerSince, TODAY)).toBeGreaterThanOrEqual(55);
    expect(daysBetween(c.customerSince, TODAY)).toBeLessThanOrEqual(75);
  });

  it("had an installer 3 hours late", () => {
    const late = byKind("late_appointment");
    expect(late?.silo).toBe("install");
    expect(late?.summary).toMatch(/3 hours/);
  });

  it("was charged an equipment-visit fee care never mentioned", () => {
    const fee = byKind("undisclosed_fee");
    expect(fee?.silo).toBe("care");
    const feeLine = c.billing.invoices
      .flatMap((i) => i.lines)
      .find((l) => /engineer visit/i.test(l.description));
    expect(feeLine?.amount).toBeGreaterThan(0);
  });

  it("never got her promo code applied, and billing knows", () => {
    expect(bb.promo?.applied).toBe(false);
    expect(byKind("billing_error")?.silo).toBe("billing");
    const charged = c.billing.invoices
      .flatMap((i) => i.lines)
      .filter((l) => l.serviceId === bb.id && l.amount > 0);
    expect(charged.every((l) => l.amount !== bb.monthlyFee - bb.promo!.monthlyDiscount)).toBe(true);
  });
});

describe("story: the 17-year customer who never joined a loyalty scheme", () => {
  const c = customer("cust-se-17-years");

  it("has been a customer for 17 years and pays like a bank customer, by direct debit", () => {
    expect(Math.floor(yearsBetween(c.customerSince, TODAY))).toBe(17);
    expect(c.billing.paymentMethod.kind).toBe("direct_debit");
  });

  it("is on rolling terms with no promises, discounts or promos", () => {
    for (const s of c.services) {
      expect(s.contract.minimumTermMonths).toBe(0);
      expect(s.promo).toBeUndefined();
    }
    expect(c.promises).toEqual([]);
    expect(c.interactions.some((i) => /never joined/.test(i.summary))).toBe(true);
  });
});

describe("story: the German customer past the minimum term", () => {
  const c = customer("cust-de-rolling");
  const bb = serviceOf(c, "broadband");

  it("is German, in EUR", () => {
    expect([c.jurisdiction, c.locale, c.billing.currency]).toEqual(["DE", "de-DE", "EUR"]);
  });

  it("is past the minimum term and can leave with one month's notice", () => {
    expect(addMonths(bb.contract.start, bb.contract.minimumTermMonths) < TODAY).toBe(true);
    expect(bb.contract.autoRenews).toBe(true);
    expect(bb.contract.noticeDays).toBeLessThanOrEqual(31);
  });
});

describe("story: the Californian online subscription", () => {
  const c = customer("cust-us-ca-streaming");
  const sub = serviceOf(c, "subscription");

  it("is an auto-renewing subscription bought on the web under California law, in USD", () => {
    expect([c.jurisdiction, c.locale, c.billing.currency]).toEqual(["US-CA", "en-US", "USD"]);
    expect(sub.contract.salesChannel).toBe("web");
    expect(sub.contract.autoRenews).toBe(true);
    expect(sub.contract.start >= "2025-07-01").toBe(true);
  });

  it("was told of its price rise 7 to 30 days ahead", () => {
    const rise = sub.priceChanges[0]!;
    const notice = daysBetween(rise.notifiedAt!, rise.at);
    expect(notice).toBeGreaterThanOrEqual(7);
    expect(notice).toBeLessThanOrEqual(30);
  });
});

describe("story: the customer inside the 14-day cooling-off period", () => {
  const c = customer("cust-de-cooling-off");
  const s = c.services[0]!;

  it("signed up at a distance less than 14 days ago", () => {
    expect(["web", "phone"]).toContain(s.contract.salesChannel);
    expect(daysBetween(s.contract.start, TODAY)).toBeGreaterThanOrEqual(0);
    expect(daysBetween(s.contract.start, TODAY)).toBeLessThan(14);
    expect(daysBetween(c.customerSince, TODAY)).toBeLessThan(14);
  });
});

describe("story: the customer with a financed handset", () => {
  const c = customer("cust-uk-financed-handset");
  const handset = serviceOf(c, "mobile").devices.find((d) => d.ownership === "financed");

  it("still owes a balance on the handset, consistent with the monthly device payment", () => {
    expect(handset).toBeDefined();
    expect(handset!.financedBalance).toBeGreaterThan(0);
    expect(handset!.financedMonthsLeft).toBeGreaterThan(0);
    const devicePlan = c.billing.invoices[0]!.lines.find((l) => /device plan/i.test(l.description));
    expect(devicePlan!.amount * handset!.financedMonthsLeft!).toBeCloseTo(handset!.financedBalance!, 2);
  });

  it("is in financial difficulty", () => {
    expect(c.vulnerabilities).toContain("financial_difficulty");
  });
});

describe("story: the mid-contract price rise the contract never mentioned", () => {
  const c = customer("cust-uk-price-rise");
  const bb = serviceOf(c, "broadband");
  const rise = bb.priceChanges.find((p) => !p.statedInContract);

  it("is in the minimum term and was notified of a rise not stated in the contract", () => {
    expect(addMonths(bb.contract.start, bb.contract.minimumTermMonths) > TODAY).toBe(true);
    expect(rise).toBeDefined();
    expect(rise!.to).toBeGreaterThan(rise!.from);
    expect(rise!.notifiedAt! < rise!.at).toBe(true);
    expect(rise!.at > bb.contract.start).toBe(true);
  });

  it("now pays the new price", () => {
    expect(bb.monthlyFee).toBe(rise!.to);
    expect(c.billing.invoices.at(-1)!.amount).toBe(rise!.to);
  });
});

describe("story: the bereaved family", () => {
  const c = customer("cust-uk-bereaved");

  it("is flagged as bereavement and the executor has been in touch", () => {
    expect(c.vulnerabilities).toContain("bereavement");
    const executor = c.interactions.filter((i) => /executor/i.test(i.summary) || i.tags.includes("executor"));
    expect(executor.length).toBeGreaterThan(0);
    expect(executor.some((i) => /died/.test(i.summary))).toBe(true);
  });

  it("is still inside a minimum term that states an exit fee", () => {
    for (const s of c.services) {
      expect(addMonths(s.contract.start, s.contract.minimumTermMonths) > TODAY).toBe(true);
      expect(s.contract.exitFeePercent).toBeGreaterThan(0);
    }
  });
});

describe("story: the customer who said yes to marketing and win-back contact", () => {
  const c = customer("cust-se-winback-consent");

  it("gave both consents, recording when and where", () => {
    for (const consent of [c.consents.marketing, c.consents.winBack]) {
      expect(consent.given).toBe(true);
      expect(consent.at).toBeDefined();
      expect(consent.channel).toBeDefined();
    }
  });

  it("is the only customer who may be contacted after leaving", () => {
    expect(demo.customers.filter((x) => x.consents.winBack.given).map((x) => x.id)).toEqual([c.id]);
  });
});

describe("story: the promise the customer remembers but nobody recorded", () => {
  const c = customer("cust-uk-unrecorded-promise");

  it("was sold on the doorstep, has no promise on record and complains about one", () => {
    expect(c.services.every((s) => s.contract.salesChannel === "door_to_door")).toBe(true);
    expect(c.promises).toEqual([]);
    expect(c.interactions.some((i) => i.kind === "complaint" && /told him/.test(i.summary))).toBe(true);
  });
});
