import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { parseNewTicketSubject, stripReplyPrefixes, ticketReferenceIn } from "./subject.js";

describe("ticketReferenceIn", () => {
  // DSN-SUP-04: "retour sur ticket ouvert" names the ticket; DSN-SUP-02 sent that reference.
  it("finds the reference after reply and forward markers, inside brackets", () => {
    expect(ticketReferenceIn("RE: [MCR-2026-00042] VM injoignable", "MCR")).toBe("MCR-2026-00042");
    expect(ticketReferenceIn("TR : Fwd: AW: (DSN-2026-00007) coupure", "DSN")).toBe("DSN-2026-00007");
    expect(ticketReferenceIn("Suite ticket DSN-2026-00007, toujours en panne", "DSN")).toBe("DSN-2026-00007");
  });

  it("accepts a reference retyped in lower case and gives it back in capitals", () => {
    expect(ticketReferenceIn("re: mcr-2026-00042", "MCR")).toBe("MCR-2026-00042");
  });

  it("takes a number past five digits whole", () => {
    expect(ticketReferenceIn("RE: MCR-2026-000421", "MCR")).toBe("MCR-2026-000421");
  });

  it("refuses longer tokens, other prefixes and short numbers", () => {
    expect(ticketReferenceIn("XMCR-2026-00042", "MCR")).toBeNull();
    expect(ticketReferenceIn("MCR-2026-00042B", "MCR")).toBeNull();
    expect(ticketReferenceIn("MCR-2026-0042", "MCR")).toBeNull();
    expect(ticketReferenceIn("MCR-26-00042", "MCR")).toBeNull();
    expect(ticketReferenceIn("[DSN-2026-00007]", "MCR")).toBeNull();
    expect(ticketReferenceIn("Nouvelle demande", "MCR")).toBeNull();
  });

  it("refuses a prefix the contract would refuse, rather than build a pattern from it", () => {
    expect(() => ticketReferenceIn("x", "M.R")).toThrow("invalid ticket reference prefix");
  });
});

describe("stripReplyPrefixes", () => {
  it("removes stacked markers in the usual languages, with counters and French spacing", () => {
    expect(stripReplyPrefixes("RE : TR: Fwd: Re[2]: AW: WG: [INC-1] x")).toBe("[INC-1] x");
    expect(stripReplyPrefixes("Retour sur incident")).toBe("Retour sur incident");
  });
});

describe("parseNewTicketSubject (MCR-SUP-09)", () => {
  const contractFile = new URL("../../../../../contracts/multicloud-ready.yaml", import.meta.url);
  const contract = parse(readFileSync(contractFile, "utf8"));
  const premiumPattern: string = contract.supportPlans.premium.channels.email.subjectPattern;

  it("reads '[customer ticket number] description' with the contract's format and the free one", () => {
    for (const pattern of [undefined, premiumPattern]) {
      expect(parseNewTicketSubject("[INC-4711] Base de données inaccessible", pattern)).toEqual({
        customerRef: "INC-4711",
        summary: "Base de données inaccessible",
      });
    }
  });

  it("reads it after reply and forward markers", () => {
    expect(parseNewTicketSubject("TR: [INC-4711]  Base inaccessible ", premiumPattern)).toEqual({
      customerRef: "INC-4711",
      summary: "Base inaccessible",
    });
  });

  it("takes a plain subject as the description where the contract sets no format (DSN-SUP-08)", () => {
    expect(parseNewTicketSubject("TR: Lien fibre coupé à Niort")).toEqual({
      customerRef: "",
      summary: "Lien fibre coupé à Niort",
    });
    expect(parseNewTicketSubject("[] Base inaccessible")).toEqual({
      customerRef: "",
      summary: "Base inaccessible",
    });
    // Nothing after the brackets: the subject as written is all the description there is.
    expect(parseNewTicketSubject("[INC-4711]")).toEqual({ customerRef: "", summary: "[INC-4711]" });
    expect(parseNewTicketSubject("  ")).toBeNull();
  });

  it("gives null when the subject does not follow the contract's format", () => {
    expect(parseNewTicketSubject("Base de données inaccessible", premiumPattern)).toBeNull();
    expect(parseNewTicketSubject("[INC-4711]", premiumPattern)).toBeNull();
    expect(parseNewTicketSubject("[] Base inaccessible", premiumPattern)).toBeNull();
  });

  it("uses a contract's own format", () => {
    const pattern = String.raw`^Ticket (?<customerRef>\d+) - (?<summary>.+)$`;
    expect(parseNewTicketSubject("Ticket 815 - Lien fibre coupé", pattern)).toEqual({
      customerRef: "815",
      summary: "Lien fibre coupé",
    });
    expect(parseNewTicketSubject("[815] Lien fibre coupé", pattern)).toBeNull();
  });

  it("says so when a contract's format lacks a named group", () => {
    expect(() => parseNewTicketSubject("[1] x", String.raw`^\[(?<ref>.+)\] (?<summary>.+)$`)).toThrow(
      'no named group "customerRef"',
    );
  });
});
