import { describe, expect, it } from "vitest";
import { parseCsv } from "./csv-parse.js";
import { readCustomerCsv } from "./customer-csv.js";

const HEADER =
  "raison_sociale;siren;siret;tva_intracommunautaire;adresse_facturation;code_postal;ville;email_facturation;admin_email;admin_prenom;admin_nom";

describe("customer CSV import (issue 16)", () => {
  it("reads quoted cells, separators and line breaks inside quotes, and keeps line numbers", () => {
    const { separator, rows } = parseCsv('a;b\r\n"x;1";"deux\nlignes"\n\n"dit ""oui""";z\n');
    expect(separator).toBe(";");
    expect(rows).toEqual([
      { line: 1, cells: ["a", "b"] },
      { line: 2, cells: ["x;1", "deux\nlignes"] },
      { line: 5, cells: ['dit "oui"', "z"] },
    ]);
    expect(parseCsv("a,b\n1,2").separator).toBe(",");
  });

  it("accepts good lines and normalises them", () => {
    const csv = `${HEADER}\nGarage Martin;732 829 320;73282932000074;FR44732829320;1 rue Haute;79000;Niort;Compta@Garage.fr;dirigeant@garage.fr;Léa;Martin\n`;
    const { records, problems } = readCustomerCsv(csv);
    expect(problems).toEqual([]);
    expect(records[0]).toMatchObject({
      line: 2,
      record: { siren: "732829320", billingEmail: "compta@garage.fr", billingCountry: "FR" },
    });
  });

  it("reports every refused line with its column, what it held and what would do", () => {
    const csv = [
      HEADER,
      "Garage Martin;732829321;;;1 rue Haute;79000;Niort;compta@garage.fr;a@garage.fr;Léa;Martin",
      "Bâti Sud;552100554;;FR00552100554;2 rue Basse;7900;Niort;pas-un-email;b@bati.fr;Jo;Sud",
      "Toitures Niortaises;552100554;;;3 rue;79000;Niort;c@toit.fr;c@toit.fr;Al;Toit",
      "Copie;732829320;;;4 rue;79000;Niort;d@copie.fr;c@toit.fr;Al;Copie",
    ].join("\n");
    const { problems } = readCustomerCsv(csv);
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 2, column: "siren", reason: "key", value: "732829321" }),
        expect.objectContaining({
          line: 3,
          column: "tva_intracommunautaire",
          reason: "key",
          expected: "FR96552100554",
        }),
        expect.objectContaining({ line: 3, column: "code_postal", reason: "format" }),
        expect.objectContaining({ line: 3, column: "email_facturation", reason: "format" }),
        expect.objectContaining({
          line: 5,
          column: "admin_email",
          reason: "duplicate",
          expected: "a value not already on line 4",
        }),
      ]),
    );
  });

  // Issue 17: a customer established abroad has no SIREN; a French one still must.
  it("imports foreign customers by their country, and names the column of a foreign VAT number refused", () => {
    const header =
      "raison_sociale;pays;siren;numero_immatriculation;tva_intracommunautaire;adresse_facturation;code_postal;ville;email_facturation;admin_email;admin_prenom;admin_nom";
    const good = readCustomerCsv(
      `${header}\nBrabant Data;BE;;0403.170.701;BE0403170701;Rue Neuve 1;1000;Bruxelles;f@brabant.be;a@brabant.be;An;Peeters\n` +
        "Alpen AG;CH;;CHE-123.456.789;;Bahnhofstrasse 1;8001;Zürich;f@alpen.ch;a@alpen.ch;Urs;Meier\n",
    );
    expect(good.problems).toEqual([]);
    expect(
      good.records.map((r) => [r.record.billingCountry, r.record.siren, r.record.registrationNumber]),
    ).toEqual([
      ["BE", undefined, "0403.170.701"],
      ["CH", undefined, "CHE-123.456.789"],
    ]);
    const bad = readCustomerCsv(
      `${header}\nRhein GmbH;DE;;;DE12345;Hauptstr. 1;10115;Berlin;f@rhein.de;a@rhein.de;Jan;Ko\n` +
        "Sans Siren;FR;;;;1 rue;79000;Niort;f@sans.fr;a@sans.fr;Al;Sans\n",
    );
    expect(bad.problems).toEqual([
      expect.objectContaining({ line: 2, column: "tva_intracommunautaire", reason: "format" }),
      expect.objectContaining({ line: 3, column: "siren", reason: "required" }),
    ]);
  });

  it("names a missing or unknown column of the header", () => {
    const { problems } = readCustomerCsv("raison_sociale;siren;couleur\nX;732829320;bleu\n");
    expect(problems).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ line: 1, column: "ville", reason: "required" }),
        expect.objectContaining({ line: 1, column: "couleur", reason: "format" }),
      ]),
    );
  });
});
