import { describe, expect, it } from "vitest";
import { shippedContract } from "../desk/shipped-contract.test-helper.js";
import { decideNews } from "./news.js";

const mcr = shippedContract("multicloud-ready");
const dsn = shippedContract("deux-sevres-eservices");

describe("news (DSN-POR-01, MCR 8.2.4)", () => {
  it("mails an incident the provider detected to the named contacts (MCR) and the administrators (DSN)", () => {
    expect(decideNews(mcr, { category: "incident", availableOn: null, recipients: 2 })).toEqual({
      ok: true,
      clause: "MCR-SUP-04",
      mailTo: "named-contacts",
    });
    expect(decideNews(dsn, { category: "incident", availableOn: null, recipients: 1 })).toEqual({
      ok: true,
      clause: "DSN-POR-01",
      mailTo: "administrators",
    });
    expect(decideNews(dsn, { category: "technical", availableOn: null, recipients: 1 })).toMatchObject({
      ok: true,
      mailTo: null,
    });
  });

  it("refuses news reaching nobody, and an availability without its date", () => {
    expect(decideNews(dsn, { category: "commercial", availableOn: null, recipients: 0 })).toEqual({
      ok: false,
      reason: "no-recipient",
      clause: "DSN-POR-01",
    });
    expect(decideNews(dsn, { category: "availability", availableOn: null, recipients: 3 })).toMatchObject({
      ok: false,
      reason: "availability-needs-date",
    });
    expect(
      decideNews(dsn, { category: "technical", availableOn: "2027-01-04", recipients: 3 }),
    ).toMatchObject({ ok: false, reason: "date-only-for-availability" });
  });
});
