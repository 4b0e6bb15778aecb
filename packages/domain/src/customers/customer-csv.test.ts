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
