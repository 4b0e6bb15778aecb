import { describe, expect, it } from "vitest";
import { stripQuotedHistory } from "./strip-quoted.js";

// DSN-SUP-03 / MCR-SUP-03: an answer by e-mail joins its ticket with only what the customer wrote.
// The samples are the text/plain parts these clients send, line breaks included.

const history = [
  "> Bonjour,",
  ">",
  "> Pouvez-vous redémarrer la VM et nous dire si le service revient ?",
  ">",
  "> --",
  "> Support MultiCloud Ready",
].join("\n");

describe("stripQuotedHistory", () => {
  it("cuts at a Gmail attribution in French, wrapped over two lines", () => {
    const text = [
      "Bonjour,",
      "",
      "Le redémarrage n'a rien changé, la VM reste injoignable.",
      "",
      "Cordialement,",
      "Camille",
      "",
      "Le lun. 23 nov. 2026 à 10:00, Support MultiCloud Ready <",
      "support@multicloud-ready.fr> a écrit :",
      "",
      history,
    ].join("\r\n");
    expect(stripQuotedHistory(text)).toBe(
      "Bonjour,\n\nLe redémarrage n'a rien changé, la VM reste injoignable.\n\nCordialement,\nCamille",
    );
  });

  it("cuts at a Gmail attribution in French with a no-break space before the colon", () => {
    const text = `C'est reparti, merci.\n\nLe lun. 23 nov. 2026 à 10:00, Support <support@mcr.fr> a écrit\u00a0:\n${history}`;
    expect(stripQuotedHistory(text)).toBe("C'est reparti, merci.");
  });

  it("cuts at a Gmail attribution in English, on one line or wrapped", () => {
    const oneLine = `It is back, thanks.\n\nOn Mon, Nov 23, 2026 at 10:00 AM Support <support@mcr.fr> wrote:\n\n${history}`;
    expect(stripQuotedHistory(oneLine)).toBe("It is back, thanks.");
    const wrapped = [
      "It is back, thanks.",
      "",
      "On Mon, Nov 23, 2026 at 10:00 AM Support MultiCloud Ready <",
      "support@multicloud-ready.fr> wrote:",
      "",
      history,
    ].join("\n");
    expect(stripQuotedHistory(wrapped)).toBe("It is back, thanks.");
  });

  it("cuts at Outlook's header block in English, with the rule drawn above it", () => {
    const text = [
      "Hello,",
      "",
      "The tenant answers again since 10:40.",
      "",
      "John Smith",
      "IT Manager",
      "",
      "________________________________",
      "From: Support MultiCloud Ready <support@multicloud-ready.fr>",
      "Sent: Monday, November 23, 2026 10:00 AM",
      "To: John Smith <john.smith@transports-garnier.fr>",
      "Subject: RE: [MCR-2026-00042] VM unreachable",
      "",
      "Hello,",
      "Could you restart the VM?",
    ].join("\r\n");
    expect(stripQuotedHistory(text)).toBe(
      "Hello,\n\nThe tenant answers again since 10:40.\n\nJohn Smith\nIT Manager",
    );
  });

  it("cuts at Outlook's header block in French", () => {
    const text = [
      "Bonjour,",
      "",
      "Voici les journaux demandés en pièce jointe.",
      "",
      "De : Support MultiCloud Ready <support@multicloud-ready.fr>",
      "Envoyé : lundi 23 novembre 2026 10:00",
      "À : Camille Dupont <camille.dupont@banque-ducasse.fr>",
      "Cc : DSI <dsi@banque-ducasse.fr>",
      "Objet : RE: [MCR-2026-00042] VM injoignable",
      "",
      "Bonjour, pouvez-vous nous envoyer les journaux ?",
    ].join("\n");
    expect(stripQuotedHistory(text)).toBe("Bonjour,\n\nVoici les journaux demandés en pièce jointe.");
  });

  it("cuts at Outlook's header block converted from HTML with bold field names", () => {
    const text = [
      "Ok pour moi.",
      "",
      "*From:* Support <support@mcr.fr>",
      "*Sent:* Monday, November 23, 2026 10:00 AM",
      "*To:* John <john@x.fr>",
      "*Subject:* RE: [MCR-2026-00042] VM unreachable",
    ].join("\n");
    expect(stripQuotedHistory(text)).toBe("Ok pour moi.");
  });

  it("cuts at the old Outlook separators", () => {
    const english = "Done.\n\n-----Original Message-----\nFrom: Support\nSent: Monday\n\nPlease confirm.";
    expect(stripQuotedHistory(english)).toBe("Done.");
    const french =
      "C'est fait.\n\n-----Message d'origine-----\nDe : Support\nEnvoyé : lundi\n\nMerci de confirmer.";
    expect(stripQuotedHistory(french)).toBe("C'est fait.");
  });

  it("cuts at a Thunderbird attribution (date without sender address) and drops the signature", () => {
    const french = [
      "Bonjour,",
      "",
      "Le lien est rétabli côté Fibre Poitou.",
      "",
      "-- ",
      "Jean Martin",
      "Fibre Poitou — NOC",
      "05 49 00 00 00",
      "",
      "Le 23/11/2026 à 10:00, Soutien Deux-Sèvres Numérique a écrit :",
      "> Merci de nous confirmer le rétablissement.",
    ].join("\n");
    expect(stripQuotedHistory(french)).toBe("Bonjour,\n\nLe lien est rétabli côté Fibre Poitou.");
    const english =
      "Confirmed.\n\nOn 23/11/2026 10:00, Soutien Deux-Sèvres Numérique wrote:\n> Please confirm.";
    expect(stripQuotedHistory(english)).toBe("Confirmed.");
  });

  it("cuts at an Apple Mail attribution, quoted or not, and keeps 'Envoyé de mon iPhone'", () => {
    const mac = `Thanks, all good.\n\n> On 23 Nov 2026, at 10:00, Support <support@mcr.fr> wrote:\n> \n> Hello,\n> Is it fixed?`;
    expect(stripQuotedHistory(mac)).toBe("Thanks, all good.");
    const iphone = [
      "Oui c'est bon",
      "",
      "Envoyé de mon iPhone",
      "",
      "> Le 23 nov. 2026 à 10:00, Support <support@mcr.fr> a écrit :",
      "> ",
      "> Bonjour, est-ce rétabli ?",
    ].join("\n");
    expect(stripQuotedHistory(iphone)).toBe("Oui c'est bon\n\nEnvoyé de mon iPhone");
  });

  it("drops a trailing quoted block but keeps quotes answered in between", () => {
    expect(stripQuotedHistory("Voir ci-dessous.\n\n> ancienne question\n> suite\n")).toBe("Voir ci-dessous.");
    const inline = "> Quelle version ?\n2.4.1\n\n> Depuis quand ?\nCe matin 8 h.";
    expect(stripQuotedHistory(inline)).toBe(inline);
  });

  it("keeps a bare '--' line, as in pasted grep output, and cuts only at '-- '", () => {
    const logs = "Les erreurs :\nerror A\n--\nerror B\n\n-- \nCamille";
    expect(stripQuotedHistory(logs)).toBe("Les erreurs :\nerror A\n--\nerror B");
  });

  it("keeps sentences that merely look like attributions or headers", () => {
    const text = [
      "Bonjour,",
      "",
      "Le client a écrit :",
      "« le portail est lent ».",
      "De : notre côté, rien à signaler.",
      "Date : à convenir.",
      "On our side nothing changed.",
    ].join("\n");
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it("keeps a forwarded message below Gmail's forward marker", () => {
    const text = [
      "Alerte reçue cette nuit, à traiter.",
      "",
      "---------- Forwarded message ---------",
      "From: Monitoring <alerts@banque-ducasse.fr>",
      "Date: Mon, Nov 23, 2026 at 3:12 AM",
      "Subject: CRITICAL db-01 down",
      "To: <dsi@banque-ducasse.fr>",
      "",
      "db-01 is not answering since 03:10.",
    ].join("\n");
    expect(stripQuotedHistory(text)).toBe(text);
  });

  it("returns the whole trimmed text when everything is history", () => {
    const text = `\n\nOn Mon, Nov 23, 2026 at 10:00 AM Support <support@mcr.fr> wrote:\n${history}\n\n`;
    expect(stripQuotedHistory(text)).toBe(text.trim());
    expect(stripQuotedHistory("-- \nCamille Dupont")).toBe("-- \nCamille Dupont");
    expect(stripQuotedHistory("")).toBe("");
  });
});
