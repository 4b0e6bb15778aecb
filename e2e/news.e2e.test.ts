import { describe, expect, inject, it, onTestFinished } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { startPortal } from "./support/portal.js";
import { holds, seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");
const PHONE = { width: 390, height: 844 };

describe.runIf(postgresUrl)(
  "news and contract versions (issue 18: DSN-POR-01, GEN-01)",
  { timeout: 240_000 },
  () => {
    it("staff publish news for a service's holders, a holder reads it, staff see the receipt; the Documents page lists the contract's version", async () => {
      // The portal is started here, not in a beforeAll: this file has one journey.
      const portal = await startPortal(postgresUrl, "multicloud-ready");
      onTestFinished(() => portal.stop());
      const db = portal.server.db;
      const agent = await seedStaffMember(db, "Orange Business", {
        email: "exploitation@orange-business.test",
        firstName: "Hugo",
        lastName: "Perrin",
        roles: ["support_agent"],
      });
      const holder = await seedOrganisation(db, { kind: "customer", name: "Laiterie Moreau" });
      await holds(db, holder, { item: "aws", from: "2026-03-01" });
      const reader = await seedPerson(db, {
        organisationId: holder,
        email: "dsi@laiterie-moreau.test",
        firstName: "Inès",
        lastName: "Moreau",
        roles: ["customer_admin"],
      });
      const other = await seedOrganisation(db, { kind: "customer", name: "Scierie Bonnet" });
      await holds(db, other, { item: "gcp", from: "2026-03-01" });

      const staff = await portal.visitor();
      await signIn(staff, agent);
      await staff.getByRole("link", { name: "Actualités" }).click();
      await staff.getByRole("heading", { level: 1, name: "Actualités" }).waitFor();
      const form = staff.getByRole("form", { name: "Publier une actualité" });
      await form.getByLabel("Catégorie").selectOption("technical");
      const option = form.getByLabel("Destinataires").locator("option").filter({ hasText: "Amazon" });
      await form.getByLabel("Destinataires").selectOption((await option.getAttribute("value")) ?? "");
      await form.getByLabel("Titre").fill("Nouvelle région AWS à Paris");
      await form.getByLabel("Texte").fill("La région eu-west-3 accueille désormais vos sauvegardes.");
      await form.getByRole("button", { name: "Publier" }).click();
      await staff
        .getByRole("status")
        .getByText("Publiée : 1 client(s) atteint(s), 0 e-mail(s) envoyé(s).")
        .waitFor();
      await staff.getByRole("cell", { name: "Laiterie Moreau" }).waitFor();
      await staff.getByRole("cell", { name: "Personne encore" }).waitFor();
      await checkPage(staff, "90-news-published");

      const customer = await portal.visitor();
      await customer.setViewportSize(PHONE);
      await signIn(customer, reader);
      await customer.goto("/actualites");
      await customer.getByRole("heading", { level: 2, name: "Nouvelle région AWS à Paris" }).waitFor();
      await customer.getByRole("button", { name: "Marquer comme lue" }).click();
      await customer.getByText("Lue le", { exact: false }).waitFor();
      await checkPage(customer, "91-news-read-phone");
      await customer.goto("/documents");
      const versions = customer.getByRole("region", { name: "Versions du contrat" });
      await versions.getByText("Version 1.0.0", { exact: false }).waitFor();
      await versions.getByText("en vigueur", { exact: true }).waitFor();
      await checkPage(customer, "92-contract-versions-phone");
      await customer.close();

      await staff.reload();
      await staff.getByRole("cell", { name: /Inès Moreau, le / }).waitFor();
      const received = await db.query<{ organisation_id: string }>(
        "select organisation_id from news_recipients",
      );
      expect(received.rows.map((r) => r.organisation_id)).toEqual([holder]);
      await staff.close();
    });
  },
);
