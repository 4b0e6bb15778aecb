import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { type Contract, parseContract } from "./index.js";

/** The two contracts Guichet ships (GEN-01), read as the server reads them. */

function load(name: string): Contract {
  const text = readFileSync(new URL(`../../../../contracts/${name}.yaml`, import.meta.url), "utf8");
  const result = parseContract(text, `contracts/${name}.yaml`);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.contract;
}

describe("multicloud-ready (MCR)", () => {
  const mcr = load("multicloud-ready");

  it("is the MultiCloud Ready deployment, in French first", () => {
    expect(mcr.id).toBe("multicloud-ready");
    expect(mcr.locale).toBe("fr");
    expect(mcr.provider.portalName).toEqual({ fr: "Espace Client Cloud", en: "Cloud Customer Space" });
  });

  it("defines business hours as Mon–Fri 09:00–19:00 Paris time without French holidays (MCR-SUP-07)", () => {
    const hours = mcr.calendars["business-hours"];
    expect(hours?.timeZone).toBe("Europe/Paris");
    expect(hours?.holidayRegions).toEqual(["FR"]);
    for (const day of ["mon", "tue", "wed", "thu", "fri"] as const)
      expect(hours?.week[day]).toEqual([["09:00", "19:00"]]);
    expect(hours?.week.sat).toBeUndefined();
    expect(hours?.week.sun).toBeUndefined();
    expect(mcr.calendars.always?.week.sun).toEqual([["00:00", "24:00"]]);
  });

  it("answers a Premium P1 within 30 minutes, around the clock (MCR-SUP-06)", () => {
    const p1 = mcr.supportPlans.premium?.sla.initialResponse?.targets.P1;
    expect(p1).toEqual({ target: { kind: "minutes", minutes: 30, text: "30m" }, calendar: "always" });
  });

  it("follows the MTTI matrix of MCR-SUP-06 for every plan and priority", () => {
    const matrix = Object.fromEntries(
      Object.entries(mcr.supportPlans).map(([id, plan]) => {
        const m = plan.sla.initialResponse;
        const cell = (p: "P1" | "P2" | "P3") => {
          const t = m?.targets[p];
          if (!t) return "-";
          const target = "text" in t.target ? t.target.text : t.target.kind;
          return `${target} @ ${t.calendar}`;
        };
        return [id, [cell("P1"), cell("P2"), cell("P3")]];
      }),
    );
    expect(matrix).toEqual({
      basic: ["none @ business-hours", "none @ business-hours", "none @ business-hours"],
      standard: [
        "12 business hours @ business-hours",
        "1 business day @ business-hours",
        "1 business day @ business-hours",
      ],
      business: ["1h @ always", "2h @ always", "1 business day @ business-hours"],
      premium: ["30m @ always", "1h @ always", "8h @ always"],
    });
    expect(mcr.supportPlans.standard?.sla.initialResponse?.targets.P1?.target).toEqual({
      kind: "minutes",
      minutes: 720,
      text: "12 business hours",
    });
    expect(mcr.supportPlans.standard?.sla.initialResponse?.targets.P2?.target).toEqual({
      kind: "businessDays",
      days: 1,
      text: "1 business day",
    });
  });

  it("closes resolved tickets after 5 business days without confirmation (MCR-SUP-10)", () => {
    expect(mcr.sla.autoClose).toEqual({ after: 5, calendar: "business-hours", clause: "MCR-SUP-10" });
    expect(mcr.ticketWorkflow.closing.mode).toBe("confirmation-or-auto-close");
  });

  it("charges support as a share of the invoice with a monthly minimum, in exact cents (MCR-BIL-02)", () => {
    const fee = (plan: string) => {
      const id = mcr.supportPlans[plan]?.fee ?? "";
      const price = mcr.prices[id];
      if (price?.kind !== "percent-of-invoice") throw new Error(`${plan}: not a percentage`);
      return [price.percent.basisPoints, price.monthlyMinimum?.cents ?? 0];
    };
    expect(fee("basic")).toEqual([0, 0]);
    expect(fee("standard")).toEqual([750, 6_900]);
    expect(fee("business")).toEqual([1_000, 19_900]);
    expect(fee("premium")).toEqual([1_250, 89_900]);
    const managedTenant = mcr.prices["support-managed-tenant"];
    expect(managedTenant?.kind === "percent-of-invoice" && managedTenant.percent.basisPoints).toBe(500);
  });

  it("limits named contacts per plan (MCR-SUP-04)", () => {
    const limits = (plan: string) => mcr.supportPlans[plan]?.namedContacts;
    expect(limits("basic")).toBeUndefined();
    expect(limits("standard")?.limit).toBe(2);
    expect(limits("standard")?.multiTenantLimit).toBeUndefined();
    expect(limits("business")).toMatchObject({ limit: 5, multiTenantLimit: "unlimited" });
    expect(limits("premium")).toMatchObject({ limit: "unlimited", multiTenantLimit: "unlimited" });
  });

  it("takes e-mail from Premium only (MCR 8.2.1 eMail N/A elsewhere) and the phone only for P1/P2 after a ticket (MCR-SUP-03)", () => {
    const plans = mcr.supportPlans;
    expect(plans.basic?.channels.email?.accept).toBe("never");
    expect(plans.standard?.channels.email?.accept).toBe("never");
    expect(plans.business?.channels.email?.accept).toBe("never");
    expect(plans.premium?.channels.email?.accept).toBe("always");
    expect(plans.basic?.channels.phone).toBeUndefined();
    expect(plans.standard?.channels.phone).toBeUndefined();
    expect(plans.business?.channels.phone).toMatchObject({
      priorities: ["P1", "P2"],
      requiresExistingTicket: true,
    });
    for (const plan of Object.values(plans)) expect(plan.channels.portal).toBe(true);
  });

  it("reads the e-mail ticket subject of MCR-SUP-09", () => {
    const pattern = mcr.supportPlans.premium?.channels.email?.subjectPattern ?? "";
    const match = new RegExp(pattern, "u").exec("[INC-4711] Base de données inaccessible");
    expect(match?.groups).toEqual({ customerRef: "INC-4711", summary: "Base de données inaccessible" });
    expect(new RegExp(pattern, "u").test("Base de données inaccessible")).toBe(false);
  });

  it("commits paid plans for 6 months, upgrades only, from the next month (MCR-SUP-02)", () => {
    for (const id of ["standard", "business", "premium"]) {
      expect(mcr.supportPlans[id]?.commitment).toMatchObject({
        minimum: { kind: "duration", amount: 6, unit: "months" },
        changesDuringCommitment: "up-only",
        effective: "first-day-of-next-month",
      });
    }
    const ranks = ["basic", "standard", "business", "premium"].map((id) => mcr.supportPlans[id]?.rank);
    expect(ranks).toEqual([0, 1, 2, 3]);
  });

  it("limits Basic to account, subscription and billing questions (MCR-SUP-08)", () => {
    expect(mcr.supportPlans.basic?.scope.categories).toEqual(["account", "subscription", "billing"]);
  });

  it("gives 30 days' notice of a support price increase (MCR-BIL-05)", () => {
    expect(mcr.notices.priceIncrease?.period).toEqual({
      kind: "duration",
      amount: 30,
      unit: "days",
      text: "30 days",
    });
  });

  it("sells every catalogue item the demo data and MCR-ORD-01 name", () => {
    expect(mcr.catalogue.items.map((item) => item.id)).toEqual([
      "azure",
      "aws",
      "gcp",
      "support-basic",
      "support-standard",
      "support-business",
      "support-premium",
      "cloud-coach",
      "managed-application",
      "vmware-cloud-aws",
    ]);
    expect(mcr.catalogue.items.find((item) => item.id === "aws")?.vendor?.consoleUrl).toBe(
      "https://aws.amazon.com/fr/console/",
    );
  });
});

describe("deux-sevres-eservices (DSN)", () => {
  const dsn = load("deux-sevres-eservices");

  it("is the Deux-Sèvres Numérique deployment with its Espace Opérateurs and e-soutien", () => {
    expect(dsn.id).toBe("deux-sevres-eservices");
    expect(dsn.provider.portalName.fr).toBe("Espace Opérateurs");
    expect(dsn.provider.supportDeskName?.fr).toBe("e-soutien");
  });

  it("works Monday to Saturday 08:00–18:00 Paris time (DSN-SUP-06)", () => {
    const hours = dsn.calendars["working-hours"];
    expect(hours?.timeZone).toBe("Europe/Paris");
    expect(hours?.holidayRegions).toEqual(["FR"]);
    expect(hours?.week.sat).toEqual([["08:00", "18:00"]]);
    expect(hours?.week.sun).toBeUndefined();
  });

  it("has one plan, e-soutien, with no response-time target (DSN-SUP-01)", () => {
    expect(Object.keys(dsn.supportPlans)).toEqual(["e-soutien"]);
    const sla = dsn.supportPlans["e-soutien"]?.sla.initialResponse;
    for (const p of ["P1", "P2", "P3"] as const) expect(sla?.targets[p]?.target).toEqual({ kind: "none" });
    expect(dsn.supportPlans["e-soutien"]?.scope.subscribedItemsOnly).toBe(true);
  });

  it("accepts the fallback e-mail address only while e-soutien is down (DSN-SUP-08)", () => {
    expect(dsn.supportPlans["e-soutien"]?.channels.email).toMatchObject({
      accept: "when-portal-unavailable",
      address: "hotline.eservice@orange.com",
    });
  });

  it("caps identifiers at 100, sends them within 5 working days, deactivates after 6 months (DSN-ID-01..03)", () => {
    const ids = dsn.identifierPolicy;
    expect(ids.maxPerOrganisation?.limit).toBe(100);
    expect(ids.identifiersSentWithin).toEqual({ within: 5, calendar: "working-hours", clause: "DSN-ID-02" });
    expect(ids.inactivityDeactivation?.after).toMatchObject({ amount: 6, unit: "months" });
  });

  it("gives 3 months' notice to terminate, 3 to raise prices, 1 to lower them (DSN-ORD-04, DSN-BIL-01)", () => {
    expect(dsn.notices.contractTermination?.period).toMatchObject({
      kind: "duration",
      amount: 3,
      unit: "months",
    });
    expect(dsn.notices.priceIncrease?.period).toMatchObject({ amount: 3, unit: "months" });
    expect(dsn.notices.priceDecrease?.period).toMatchObject({ amount: 1, unit: "months" });
    expect(dsn.notices.serviceTermination?.period).toEqual({
      kind: "elsewhere",
      document: "specific-conditions",
    });
  });

  it("caps liability at 50 000 € per incident and 150 000 € per year, in cents (DSN-BIL-03)", () => {
    expect(dsn.liability?.perIncident.cents).toBe(5_000_000);
    expect(dsn.liability?.perCalendarYear.cents).toBe(15_000_000);
  });

  it("invents no e-service price: they are in the specific conditions (DSN art. 6)", () => {
    for (const item of dsn.catalogue.items) {
      const price = dsn.prices[item.price ?? ""];
      expect(price?.kind, item.id).toBe(item.id === "e-soutien" ? "free" : "specific-conditions");
    }
  });

  it("lists the e-services of annex 1 under their stable ids", () => {
    expect(dsn.catalogue.items.map((item) => item.id).sort()).toEqual(
      [
        "e-mutation-fibre",
        "e-rdv-grand-public",
        "e-sav",
        "e-soutien",
        "eep",
        "eligibilite-ftte",
        "tao",
      ].sort(),
    );
  });
});

/** Every clause id a contract cites, wherever a rule carries one (`clause: …`). */
function citedClauses(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) citedClauses(item, found);
  else if (value && typeof value === "object") {
    for (const [key, inner] of Object.entries(value)) {
      if (key === "clause" && typeof inner === "string") found.add(inner);
      else if (key !== "clauses") citedClauses(inner, found);
    }
  }
  return found;
}

describe("the place of each cited clause in the contract's text (issue 13)", () => {
  it.each(["multicloud-ready", "deux-sevres-eservices"])(
    "%s says where every clause it cites sits, so customers never read a bare id",
    (name) => {
      const contract = load(name);
      const cited = [...citedClauses(contract)];
      expect(cited.length).toBeGreaterThan(15);
      const unnamed = cited.filter((clause) => contract.clauses?.[clause] === undefined);
      expect(unnamed).toEqual([]);
    },
  );

  it("names them as the text numbers its sections", () => {
    expect(load("multicloud-ready").clauses?.["MCR-SUP-05"]).toEqual({ fr: "§ 8.4.3", en: "§ 8.4.3" });
    expect(load("deux-sevres-eservices").clauses?.["DSN-SUP-02"]).toEqual({
      fr: "annexe 3 § 1a",
      en: "annex 3 § 1a",
    });
  });
});
