import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createCustomerInBackOffice, fillNewCustomer, type NewCustomer } from "./support/back-office.js";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

const belgian: NewCustomer = {
  legalName: "Brabant Data SA",
  country: "Belgique",
  registrationNumber: "0403.170.701",
  vatNumber: "BE0403170701",
  address: "Rue de la Loi 16",
  postalCode: "1000",
  city: "Bruxelles",
  billingEmail: "factures@brabant-data.test",
  admin: { email: "it@brabant-data.test", firstName: "An", lastName: "Peeters" },
};

const swiss: NewCustomer = {
  legalName: "Alpen Rechenzentrum AG",
  country: "Suisse",
  registrationNumber: "CHE-123.456.789",
  address: "Bahnhofstrasse 1",
  postalCode: "8001",
  city: "Zürich",
  billingEmail: "rechnungen@alpen-rz.test",
  admin: { email: "it@alpen-rz.test", firstName: "Urs", lastName: "Meier" },
};

describe.runIf(postgresUrl)(
  "customers established abroad in the back office (issue 17)",
  { timeout: 300_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "multicloud-ready");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("the provider's admin creates a Belgian customer on a desktop and a Swiss one on a phone; a malformed German VAT number is refused on its field", async () => {
      const admin = await seedStaffMember(portal.server.db, "MultiCloud Ready", {
        email: "admin@multicloud.test",
        firstName: "Claire",
        lastName: "Dubois",
        roles: ["admin"],
      });
      const desktop = await portal.visitor();
      await desktop.setViewportSize({ width: 1280, height: 900 });
      await signIn(desktop, admin);
      await desktop.goto("/clients");
      const form = desktop.getByRole("form", { name: "Nouveau client" });
      // France by default: the SIREN is asked for; abroad it gives way to the registration number.
      await form.getByLabel("SIREN").waitFor();
      await form.getByLabel("Pays d'établissement").selectOption({ label: "Belgique" });
      expect(await form.getByLabel("SIREN").count()).toBe(0);
      await form.getByText("par exemple BE0123456789", { exact: false }).waitFor();
      const belgianId = await createCustomerInBackOffice(desktop, belgian);
      const row = desktop.getByRole("row", { name: /Brabant Data SA/ });
      await row.getByText("numéro de TVA non vérifié auprès de VIES").waitFor();
      await row.getByText("Belgique", { exact: false }).waitFor();
      await checkPage(desktop, "90-foreign-customer-desktop");
      const { rows } = await portal.server.db.query(
        "select siren, billing_country, vat_number, registration_number, vies_status from customer_details where organisation_id = $1",
        [belgianId],
      );
      expect(rows).toEqual([
        {
          siren: null,
          billing_country: "BE",
          vat_number: "BE0403170701",
          registration_number: "0403.170.701",
          vies_status: "not_checked",
        },
      ]);

      // A German number missing a digit: refused on the VAT field, with the German shape; nothing written.
      await desktop.goto("/clients");
      const german = await fillNewCustomer(desktop, {
        ...swiss,
        legalName: "Rhein Daten GmbH",
        country: "Allemagne",
        vatNumber: "DE12345678",
        registrationNumber: "HRB 12345",
        admin: { email: "it@rhein-daten.test", firstName: "Jan", lastName: "Koch" },
      });
      await german.getByRole("button", { name: "Créer le client" }).click();
      await german.getByText("DE123456789", { exact: false }).first().waitFor();
      await expect
        .poll(async () => german.getByLabel("Numéro de TVA intracommunautaire").getAttribute("aria-invalid"))
        .toBe("true");
      const { rows: none } = await portal.server.db.query(
        "select 1 from organisations where name = 'Rhein Daten GmbH'",
      );
      expect(none).toEqual([]);

      const phone = await portal.visitor();
      await phone.setViewportSize({ width: 390, height: 844 });
      await signIn(phone, admin);
      await createCustomerInBackOffice(phone, swiss);
      const swissRow = phone.getByRole("row", { name: /Alpen Rechenzentrum AG/ });
      await swissRow.getByText("CHE-123.456.789").waitFor();
      await checkPage(phone, "91-foreign-customer-phone");
    });
  },
);
