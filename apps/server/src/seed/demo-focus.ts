/**
 * Made-up cloud consumption for the demo (issue 17), written as the vendors export it: FOCUS 1.0
 * CSV, one file per vendor and billing period, from the reseller's payer account, one sub-account
 * per customer's vendor account. Deterministic (a seeded generator, no clock): the same days give
 * the same file. Nothing here is a real vendor's price.
 */

/** A vendor's FOCUS export as the demo writes it. */
export interface DemoVendor {
  /** The catalogue item whose vendor accounts it bills. */
  item: string;
  providerName: string;
  billingAccountId: string;
  currency: string;
  services: ReadonlyArray<{
    name: string;
    category: string;
    regionId: string;
    regionName: string;
    /** Its share of a customer's daily consumption with this vendor. */
    share: number;
  }>;
}

export const DEMO_VENDORS: readonly DemoVendor[] = [
  {
    item: "aws",
    providerName: "AWS",
    billingAccountId: "demo-payer-aws",
    currency: "USD",
    services: [
      {
        name: "Amazon Elastic Compute Cloud",
        category: "Compute",
        regionId: "eu-west-3",
        regionName: "Europe (Paris)",
        share: 0.55,
      },
      {
        name: "Amazon Simple Storage Service",
        category: "Storage",
        regionId: "eu-west-3",
        regionName: "Europe (Paris)",
        share: 0.15,
      },
      {
        name: "Amazon Relational Database Service",
        category: "Databases",
        regionId: "eu-west-1",
        regionName: "Europe (Ireland)",
        share: 0.3,
      },
    ],
  },
  {
    item: "azure",
    providerName: "Microsoft",
    billingAccountId: "demo-payer-azure",
    currency: "EUR",
    services: [
      {
        name: "Virtual Machines",
        category: "Compute",
        regionId: "francecentral",
        regionName: "France Central",
        share: 0.6,
      },
      {
        name: "Storage",
        category: "Storage",
        regionId: "francecentral",
        regionName: "France Central",
        share: 0.25,
      },
      {
        name: "Azure Monitor",
        category: "Management and Governance",
        regionId: "westeurope",
        regionName: "West Europe",
        share: 0.15,
      },
    ],
  },
  {
    item: "gcp",
    providerName: "Google Cloud",
    billingAccountId: "demo-payer-gcp",
    currency: "USD",
    services: [
      {
        name: "Compute Engine",
        category: "Compute",
        regionId: "europe-west9",
        regionName: "Paris",
        share: 0.5,
      },
      {
        name: "BigQuery",
        category: "Analytics",
        regionId: "europe-west1",
        regionName: "Belgium",
        share: 0.35,
      },
      {
        name: "Cloud Storage",
        category: "Storage",
        regionId: "europe-west9",
        regionName: "Paris",
        share: 0.15,
      },
    ],
  },
];

/** A sub-account of a FOCUS file: whose it is, and how much it consumes a day at list price. */
export interface DemoSubAccount {
  id: string;
  name: string;
  dailyListCost: number;
  /** The vendor's discount off the list price (BilledCost = ListCost × (1 − discount)). */
  discount: number;
}

/** A line the days do not make: a one-time purchase, a credit. */
export interface DemoExtraLine {
  subAccountId: string;
  day: string;
  category: "Purchase" | "Credit";
  description: string;
  serviceName: string;
  listCost: number;
}

const COLUMNS = [
  "BillingAccountId",
  "BillingAccountName",
  "BillingCurrency",
  "BillingPeriodStart",
  "BillingPeriodEnd",
  "ChargeCategory",
  "ChargeClass",
  "ChargeDescription",
  "ChargeFrequency",
  "ChargePeriodStart",
  "ChargePeriodEnd",
  "BilledCost",
  "ListCost",
  "EffectiveCost",
  "ProviderName",
  "PublisherName",
  "InvoiceIssuerName",
  "RegionId",
  "RegionName",
  "ServiceCategory",
  "ServiceName",
  "SubAccountId",
  "SubAccountName",
] as const;

type Line = Record<(typeof COLUMNS)[number], string>;

const quoted = (value: string) => (value === "" ? "" : `"${value.replaceAll('"', '""')}"`);

/** A number in [0, 1) from a text: the same text, the same number (FNV-1a, then a mix). */
function noise(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  hash = Math.imul(hash ^ (hash >>> 15), 0x2c1b3c6d);
  return ((hash ^ (hash >>> 12)) >>> 0) / 2 ** 32;
}

const nextDay = (day: string) =>
  new Date(Date.parse(`${day}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
const stamp = (day: string) => `${day} 00:00:00`;
const money = (value: number) => value.toFixed(6);

/**
 * The FOCUS CSV of one vendor's billing period `month` (YYYY-MM): a usage line per sub-account,
 * service and day of `days` (weekends lighter), and the extra lines.
 */
export function demoFocusCsv(
  vendor: DemoVendor,
  month: string,
  days: readonly string[],
  subAccounts: readonly DemoSubAccount[],
  extras: readonly DemoExtraLine[] = [],
): string {
  const [year, monthNumber] = month.split("-").map(Number) as [number, number];
  const periodEnd = new Date(Date.UTC(year, monthNumber, 1)).toISOString().slice(0, 10);
  const base = (sub: DemoSubAccount, day: string) => ({
    BillingAccountId: vendor.billingAccountId,
    BillingAccountName: "MultiCloud Ready (démonstration)",
    BillingCurrency: vendor.currency,
    BillingPeriodStart: stamp(`${month}-01`),
    BillingPeriodEnd: stamp(periodEnd),
    ChargeClass: "",
    ChargePeriodStart: stamp(day),
    ChargePeriodEnd: stamp(nextDay(day)),
    ProviderName: vendor.providerName,
    PublisherName: vendor.providerName,
    InvoiceIssuerName: vendor.providerName,
    SubAccountId: sub.id,
    SubAccountName: sub.name,
  });
  const priced = (sub: DemoSubAccount, list: number) => {
    const billed = list * (1 - sub.discount);
    return { ListCost: money(list), BilledCost: money(billed), EffectiveCost: money(billed) };
  };
  const lines: Line[] = [];
  for (const day of days) {
    const weekday = new Date(`${day}T00:00:00Z`).getUTCDay();
    const load = weekday === 0 || weekday === 6 ? 0.6 : 1;
    for (const sub of subAccounts)
      for (const service of vendor.services) {
        const list =
          sub.dailyListCost * service.share * load * (0.85 + 0.3 * noise(`${sub.id}|${service.name}|${day}`));
        lines.push({
          ...base(sub, day),
          ChargeCategory: "Usage",
          ChargeDescription: `${service.name}: usage`,
          ChargeFrequency: "Usage-Based",
          ...priced(sub, list),
          RegionId: service.regionId,
          RegionName: service.regionName,
          ServiceCategory: service.category,
          ServiceName: service.name,
        });
      }
  }
  for (const extra of extras) {
    const sub = subAccounts.find((s) => s.id === extra.subAccountId);
    if (!sub || !extra.day.startsWith(month)) continue;
    lines.push({
      ...base(sub, extra.day),
      ChargeCategory: extra.category,
      ChargeDescription: extra.description,
      ChargeFrequency: "One-Time",
      ...(extra.category === "Credit"
        ? { ListCost: money(0), BilledCost: money(extra.listCost), EffectiveCost: money(extra.listCost) }
        : priced(sub, extra.listCost)),
      RegionId: "",
      RegionName: "",
      ServiceCategory: "Other",
      ServiceName: extra.serviceName,
    });
  }
  return [COLUMNS.join(","), ...lines.map((line) => COLUMNS.map((c) => quoted(line[c])).join(","))].join(
    "\n",
  );
}
