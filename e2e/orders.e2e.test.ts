import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, postAs, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import {
  linkFromOutbox,
  STRONG_PASSWORD,
  seedOrganisation,
  seedPerson,
  seedStaffMember,
} from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** Today in Paris, as the server counts it (civil dates in Europe/Paris, issue 16). */
const parisToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

describe.runIf(postgresUrl)(
  "MCR: a customer created by staff orders Azure, is accepted, sees its account and changes plan (issue 16)",
  { timeout: 240_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "multicloud-ready");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("goes from the customer's creation to its vendor account and a plan change to come", async () => {
      const manager = await seedStaffMember(portal.server.db, "MultiCloud Ready", {
        email: "commercial@multicloud.test",
        firstName: "Hélène",
        lastName: "Roux",
        roles: ["account_manager"],
      });
      const staff = await portal.visitor();
      await signIn(staff, manager);
      await staff.goto("/clients");
      const form = staff.getByRole("form", { name: "Nouveau client" });
      await form.getByLabel("Raison sociale").fill("Garage Martin SARL");
      await form.getByLabel("SIREN").fill("732829320");
      await form.getByLabel("Adresse de facturation").fill("7 rue de la Gare");
      await form.getByLabel("Code postal").fill("44100");
      await form.getByLabel("Ville").fill("Nantes");
      await form.getByLabel("E-mail de facturation").fill("compta@garage-martin.test");
      await form.getByLabel("Adresse e-mail").fill("dirigeant@garage-martin.test");
      await form.getByLabel("Prénom").fill("Léa");
      await form.getByRole("textbox", { name: /^Nom/ }).fill("Martin");
      await form.getByRole("button", { name: "Créer le client" }).click();
      await staff.getByText("Client « Garage Martin SARL » créé", { exact: false }).waitFor();

      // The administrator sets her password from the invitation (MCR-ACC-01), then orders.
      const customer = await portal.visitor();
      await customer.goto(
        await linkFromOutbox(portal.server.db, "dirigeant@garage-martin.test", "invitation"),
      );
      await customer.getByLabel("Nouveau mot de passe").fill(STRONG_PASSWORD);
      await customer.getByLabel("Confirmez le mot de passe").fill(STRONG_PASSWORD);
      await customer.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
      await customer.getByText("Votre mot de passe est enregistré.").waitFor();
      await signIn(customer, {
        id: "",
        name: "Léa Martin",
        email: "dirigeant@garage-martin.test",
        password: STRONG_PASSWORD,
        totpSecret: null,
      });
      await customer.getByRole("link", { name: "Commandes" }).click();
      const order = customer.getByRole("form", { name: "Nouvelle commande" });
      await order.getByLabel("Service").selectOption({ label: "Microsoft Azure" });
      // Without the vendor's conditions accepted, the order is refused naming them (MCR 4.2).
      await order.getByRole("button", { name: "Commander" }).click();
      await order
        .getByRole("alert")
        .getByText("https://aka.ms/customeragreement", { exact: false })
        .waitFor();
      await order.getByRole("checkbox").check();
      await checkPage(customer, "40-mcr-order-form");
      await order.getByRole("button", { name: "Commander" }).click();
      const year = parisToday().slice(0, 4);
      await customer.getByRole("status").getByText(`Commande BC-${year}-0001 enregistrée.`).waitFor();
      await customer.getByText("Envoyée, en attente d'acceptation").waitFor();

      // Staff accept it with the vendor account created (MCR-ACC-04).
      await staff.goto("/commandes");
      await staff.getByLabel("Identifiant du compte fournisseur créé").fill("sub-garage-martin-0001");
      await checkPage(staff, "41-mcr-order-to-accept");
      await staff.getByRole("button", { name: "Accepter" }).click();
      await staff.getByText("Acceptée", { exact: true }).waitFor();

      // The administrator's confirmation of registration is queued (MCR-ACC-01).
      const { rows } = await portal.server.db.query<{ text_body: string }>(
        "select text_body from outbox where to_address = $1 and kind like 'registration_confirmed%'",
        ["dirigeant@garage-martin.test"],
      );
      expect(rows[0]?.text_body).toContain("sub-garage-martin-0001");

      await customer.reload();
      const consoleLink = customer.getByRole("link", { name: "Ouvrir la console Microsoft Azure" });
      await consoleLink.waitFor();
      expect(await consoleLink.getAttribute("href")).toBe("https://portal.azure.com/#home");
      await checkPage(customer, "42-mcr-vendor-account");

      // Basic by default; an upgrade takes effect on the next 1st (MCR-SUP-02).
      await customer.getByRole("link", { name: "Abonnements" }).click();
      await customer.getByText("En vigueur : Basic").waitFor();
      await customer.getByLabel("Nouvelle offre").first().click();
      await customer.getByRole("option", { name: "Standard" }).click();
      await customer.getByRole("button", { name: "Demander le changement" }).click();
      const change = customer.getByText("Passage à Standard le", { exact: false });
      await change.waitFor();
      await checkPage(customer, "43-mcr-plan-change-to-come");
      console.info(`MCR journey: ordered and accepted ${parisToday()}; ${await change.textContent()}`);
    });
  },
);

describe.runIf(postgresUrl)(
  "DSN: an operator orders an e-service, signs its order form, is activated, then terminates (issue 16)",
  { timeout: 240_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "deux-sevres-eservices");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("goes from the order form to the activation and the termination's fees", async () => {
      const manager = await seedStaffMember(portal.server.db, "Deux-Sèvres Numérique", {
        email: "commercial@deux-sevres.test",
        firstName: "Hugo",
        lastName: "Niort",
        roles: ["account_manager"],
      });
      const operatorId = await seedOrganisation(portal.server.db, {
        kind: "customer",
        name: "Niort Connect",
      });
      const admin = await seedPerson(portal.server.db, {
        organisationId: operatorId,
        email: "admin@niort-connect.test",
        firstName: "Élise",
        lastName: "Fournier",
        roles: ["customer_admin"],
      });
      const staff = await portal.visitor();
      await signIn(staff, manager);
      // What the provider records: the operator's wholesale contract (DSN-ORD-01) and e-SAV's
      // specific conditions (test values).
      await postAs(staff, `/api/organisations/${operatorId}/wholesale-contracts`, {
        title: "Offre d'accès FTTH",
        reference: "AG-FTTH-2025-014",
        allowsItems: ["e-sav"],
        signedOn: "2025-01-01",
      });
      await postAs(staff, "/api/specific-conditions", {
        catalogueItemId: "e-sav",
        effectiveFrom: "2025-01-01",
        documentTitle: "Conditions Spécifiques e-SAV",
        documentVersion: "2025-01",
        monthlyPriceCents: 15_000,
        minimumMonths: 12,
        terminationNoticeMonths: 3,
        maintenanceNoticeDays: 15,
      });

      const operator = await portal.visitor();
      await signIn(operator, admin);
      await operator.getByRole("link", { name: "Commandes" }).click();
      const order = operator.getByRole("form", { name: "Nouvelle commande" });
      // An e-service no wholesale contract allows is refused, citing DSN-ORD-01.
      await order.getByLabel("Service").selectOption({ index: 0 });
      await order.getByRole("button", { name: "Commander" }).click();
      await order.getByRole("alert").getByText("DSN-ORD-01", { exact: true }).waitFor();
      await order.getByLabel("Service").selectOption({ label: "e-SAV" });
      await order.getByText("Couvert par votre contrat de gros", { exact: false }).waitFor();
      await checkPage(operator, "44-dsn-order-form");
      await order.getByRole("button", { name: "Commander" }).click();
      await operator.getByText("Bon de Commande à signer").waitFor();

      // Signed in the portal over the PDF's SHA-256: received today, invoiced from today (DSN-ORD-03).
      const today = parisToday();
      await operator.getByLabel("Nom du signataire").fill("Élise Fournier");
      await operator.getByLabel("Qualité").fill("Directrice générale");
      await operator.getByRole("button", { name: "Signer" }).click();
      await operator.getByText("Bon de Commande reçu").waitFor();
      await operator.getByText("(signature dans le portail)", { exact: false }).waitFor();
      await checkPage(operator, "45-dsn-order-form-signed");

      // The provider signs last and sets the activation date (DSN-ORD-02).
      await staff.goto("/commandes");
      await staff.getByLabel("Date d'activation").fill(today);
      await staff.getByRole("button", { name: "Signer et activer" }).click();
      await staff.getByText("Activée", { exact: true }).waitFor();
      await checkPage(staff, "46-dsn-order-activated");

      // The documents list the order form below the general and specific conditions (GEN-03).
      await operator.goto("/documents");
      await operator.getByText("Bon de Commande BC-", { exact: false }).waitFor();
      await checkPage(operator, "47-dsn-documents");

      // Terminated by a letter received today: the contract ends in 3 months, e-SAV's remaining
      // minimum period is due (DSN-ORD-04).
      await staff.goto(`/abonnements?organisationId=${operatorId}`);
      await staff.getByLabel("Date de réception de la lettre").fill(today);
      await staff.getByRole("button", { name: "Enregistrer la résiliation" }).click();
      const recorded = staff.getByRole("status").getByText("Total dû :", { exact: false });
      await recorded.waitFor();
      await checkPage(staff, "48-dsn-termination-fees");
      console.info(`DSN journey: activated ${today}; ${await recorded.textContent()}`);
    });
  },
);
