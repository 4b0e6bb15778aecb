import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  acceptInvitation,
  createCustomerInBackOffice,
  type NewCustomer,
  parisToday,
} from "./support/back-office.js";
import { checkPage, clauseTag, postAs, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

const niort: NewCustomer = {
  legalName: "Niort Connect SAS",
  siren: "443061841",
  address: "12 avenue de Paris",
  postalCode: "79000",
  city: "Niort",
  billingEmail: "factures@niort-connect.test",
  admin: { email: "admin@niort-connect.test", firstName: "Élise", lastName: "Fournier" },
};

/** A PDF as a scanner writes one: only its first bytes matter to the server ("%PDF-"). */
function scannedPdf(): string {
  const path = join(mkdtempSync(join(tmpdir(), "guichet-scan-")), "bon-de-commande-signe.pdf");
  writeFileSync(path, "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n");
  return path;
}

describe.runIf(postgresUrl)(
  "DSN in the browser: from the provider creating an operator to its activation and termination with fees (issue 16)",
  { timeout: 300_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "deux-sevres-eservices");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("creates the operator, records its wholesale contract, orders two e-services signed two ways, activates them, and terminates", async () => {
      const manager = await seedStaffMember(portal.server.db, "Deux-Sèvres Numérique", {
        email: "commercial@deux-sevres.test",
        firstName: "Hugo",
        lastName: "Niort",
        roles: ["account_manager"],
      });
      const staff = await portal.visitor();
      await signIn(staff, manager);
      const operatorId = await createCustomerInBackOffice(staff, niort);

      // The e-services' specific conditions are the provider's data (test values; no page yet).
      for (const [item, title, cents, minimum, notice] of [
        ["e-sav", "Conditions Spécifiques e-SAV", 15_000, 12, 3],
        ["e-mutation-fibre", "Conditions Spécifiques e-Mutation Fibre", 8_000, 24, 1],
      ] as const) {
        await postAs(staff, "/api/specific-conditions", {
          catalogueItemId: item,
          effectiveFrom: "2025-01-01",
          documentTitle: title,
          documentVersion: "2025-01",
          monthlyPriceCents: cents,
          minimumMonths: minimum,
          terminationNoticeMonths: notice,
          maintenanceNoticeDays: 15,
        });
      }

      // Staff record the operator's wholesale contract from its orders page (DSN-ORD-01).
      await staff.goto(`/commandes?organisationId=${operatorId}`);
      await staff.getByText("Aucun contrat d'offre de gros enregistré", { exact: false }).waitFor();
      const wholesale = staff.getByRole("form", { name: "Enregistrer le contrat de gros" });
      await wholesale.getByLabel("Intitulé du contrat").fill("Offre d'accès FTTH");
      await wholesale.getByLabel("Référence").fill("AG-FTTH-2025-014");
      await wholesale.getByLabel("Signé le").fill("2025-01-01");
      await wholesale.getByLabel("e-SAV").check();
      await wholesale.getByLabel("e-Mutation Fibre FTTH").check();
      await wholesale.getByRole("button", { name: "Enregistrer le contrat de gros" }).click();
      await staff.getByRole("status").getByText("Contrat de gros AG-FTTH-2025-014 enregistré.").waitFor();
      await checkPage(staff, "50-dsn-wholesale-contract");

      const operator = await portal.visitor();
      await acceptInvitation(portal, operator, niort);
      await operator.getByRole("link", { name: "Commandes" }).click();
      const order = operator.getByRole("form", { name: "Nouvelle commande" });
      // An e-service no wholesale contract allows is refused, citing DSN-ORD-01.
      await order.getByLabel("Service").selectOption({ index: 0 });
      await order.getByRole("button", { name: "Commander" }).click();
      await clauseTag(order.getByRole("alert"), "DSN-ORD-01").waitFor();
      await order.getByLabel("Service").selectOption({ label: "e-SAV" });
      await order.getByText("Couvert par votre contrat de gros", { exact: false }).waitFor();
      await checkPage(operator, "51-dsn-order-form");
      // A double click makes one order (the form's idempotency key).
      await order.getByRole("button", { name: "Commander" }).dblclick();
      await operator.getByText("Bon de Commande à signer").waitFor();
      const { rows: placed } = await portal.server.db.query(
        "select 1 from orders where organisation_id = $1",
        [operatorId],
      );
      expect(placed).toHaveLength(1);

      // e-SAV signed in the portal over the PDF's SHA-256: received today, invoiced from today (DSN-ORD-03).
      const today = parisToday();
      await operator.getByLabel("Nom du signataire").fill("Élise Fournier");
      await operator.getByLabel("Qualité").fill("Directrice générale");
      await operator.getByRole("button", { name: "Signer" }).click();
      await operator.getByText("(signature dans le portail)", { exact: false }).waitFor();
      await checkPage(operator, "52-dsn-order-form-signed");

      // e-Mutation Fibre's order form signed by hand and uploaded as a scan.
      await order.getByLabel("Service").selectOption({ label: "e-Mutation Fibre FTTH" });
      await order.getByRole("button", { name: "Commander" }).click();
      await operator.getByText("Bon de Commande à signer").waitFor();
      await operator.getByLabel("Nom du signataire").fill("Élise Fournier");
      await operator.getByLabel("Qualité").fill("Directrice générale");
      const chooser = operator.waitForEvent("filechooser");
      await operator.getByLabel("Ou déposez le Bon de Commande signé à la main, scanné (PDF)").click();
      await (await chooser).setFiles(scannedPdf());
      await operator.getByRole("button", { name: "Déposer le scan signé" }).click();
      await operator.getByText("(scan signé déposé)", { exact: false }).waitFor();

      // The provider signs last and sets the activation date (DSN-ORD-02), for each.
      await staff.goto(`/commandes?organisationId=${operatorId}`);
      for (let i = 0; i < 2; i++) {
        await staff.getByLabel("Date d'activation").first().fill(today);
        await staff.getByRole("button", { name: "Signer et activer" }).first().click();
        await staff.getByText("Activée", { exact: true }).nth(i).waitFor();
      }
      await checkPage(staff, "53-dsn-orders-activated");

      // The documents list both order forms below the general and specific conditions (GEN-03).
      await operator.goto("/documents");
      await operator.getByText("Bon de Commande BC-", { exact: false }).first().waitFor();
      await checkPage(operator, "54-dsn-documents");

      // A letter dated tomorrow is refused, naming the clause; received today, the contract ends
      // in 3 months and every e-service with it, the rest of each minimum period due (DSN-ORD-04).
      await staff.goto(`/abonnements?organisationId=${operatorId}`);
      const tomorrow = new Date(`${today}T12:00:00Z`);
      tomorrow.setUTCDate(tomorrow.getUTCDate() + 1);
      await staff.getByLabel("Date de réception de la lettre").fill(tomorrow.toISOString().slice(0, 10));
      await staff.getByRole("button", { name: "Enregistrer la résiliation" }).click();
      await staff.getByRole("alert").getByText("DSN-ORD-04", { exact: true }).waitFor();
      await staff.getByLabel("Date de réception de la lettre").fill(today);
      await staff.getByRole("button", { name: "Enregistrer la résiliation" }).click();
      const recorded = staff.getByRole("status").getByText("Total dû :", { exact: false });
      await recorded.waitFor();
      await checkPage(staff, "55-dsn-termination-fees");
      const letter = await operator.request.get(`/api/organisations/${operatorId}/termination-letter`);
      expect(await letter.text()).toContain("Lettre recommandée avec demande d'avis de réception");

      // The operator, on a phone, reads the effective date and the fees with their clause.
      await operator.setViewportSize({ width: 390, height: 844 });
      await operator.goto("/abonnements");
      await operator.getByText("Reste dû :", { exact: false }).waitFor();
      await checkPage(operator, "56-dsn-terminated-phone");
      console.info(`DSN journey: received and activated ${today}; ${await recorded.textContent()}`);
    });
  },
);
