import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import {
  acceptInvitation,
  addDays,
  createCustomerInBackOffice,
  type NewCustomer,
  parisToday,
} from "./support/back-office.js";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

/** A day as the portal shows it in French ("10 févr. 2027"). */
const shown = (isoDate: string) =>
  new Intl.DateTimeFormat("fr-FR", { dateStyle: "medium", timeZone: "UTC" }).format(
    new Date(`${isoDate}T12:00:00Z`),
  );

const garage: NewCustomer = {
  legalName: "Garage Martin SARL",
  siren: "732829320",
  address: "7 rue de la Gare",
  postalCode: "44100",
  city: "Nantes",
  billingEmail: "compta@garage-martin.test",
  admin: { email: "dirigeant@garage-martin.test", firstName: "Léa", lastName: "Martin" },
};

describe.runIf(postgresUrl)(
  "MCR in the browser: from the provider creating a customer to its plan change and termination (issue 16)",
  { timeout: 300_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "multicloud-ready");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("creates the customer, orders Azure then AWS, accepts them, changes plan, ends one vendor, terminates and quotes the transfer", async () => {
      const manager = await seedStaffMember(portal.server.db, "MultiCloud Ready", {
        email: "commercial@multicloud.test",
        firstName: "Hélène",
        lastName: "Roux",
        roles: ["account_manager"],
      });
      const staff = await portal.visitor();
      await signIn(staff, manager);
      const customerId = await createCustomerInBackOffice(staff, garage);
      await checkPage(staff, "40-mcr-customer-created");

      // The administrator, on her phone, sets her password from the invitation (MCR-ACC-01).
      const customer = await portal.visitor();
      await customer.setViewportSize({ width: 390, height: 844 });
      await acceptInvitation(portal, customer, garage);
      await customer.goto("/commandes");
      const order = customer.getByRole("form", { name: "Nouvelle commande" });
      await order.getByLabel("Service").selectOption({ label: "Microsoft Azure" });
      // Without the vendor's conditions accepted, the order is refused naming them (MCR 4.2).
      await order.getByRole("button", { name: "Commander" }).click();
      await order
        .getByRole("alert")
        .getByText("https://aka.ms/customeragreement", { exact: false })
        .waitFor();
      await order.getByRole("checkbox").check();
      await checkPage(customer, "41-mcr-order-form-phone");
      // A double click makes one order: the form's idempotency key answers the same one twice.
      await order.getByRole("button", { name: "Commander" }).dblclick();
      const year = parisToday().slice(0, 4);
      await customer.getByRole("status").getByText(`Commande BC-${year}-0001 enregistrée.`).waitFor();
      await customer.getByText("Envoyée, en attente d'acceptation").waitFor();
      const { rows: placed } = await portal.server.db.query(
        "select 1 from orders where organisation_id = $1",
        [customerId],
      );
      expect(placed).toHaveLength(1);

      // Staff accept it with the vendor account created (MCR-ACC-04).
      await staff.goto(`/commandes?organisationId=${customerId}`);
      await staff.getByLabel("Identifiant du compte fournisseur créé").fill("sub-garage-martin-0001");
      await checkPage(staff, "42-mcr-order-to-accept");
      await staff.getByRole("button", { name: "Accepter" }).click();
      await staff.getByText("Acceptée", { exact: true }).waitFor();

      // The administrator's confirmation of registration is queued (MCR-ACC-01).
      const { rows } = await portal.server.db.query<{ text_body: string }>(
        "select text_body from outbox where to_address = $1 and kind like 'registration_confirmed%'",
        [garage.admin.email],
      );
      expect(rows[0]?.text_body).toContain("sub-garage-martin-0001");

      await customer.reload();
      const consoleLink = customer.getByRole("link", { name: "Ouvrir la console Microsoft Azure" });
      await consoleLink.waitFor();
      expect(await consoleLink.getAttribute("href")).toBe("https://portal.azure.com/#home");
      await checkPage(customer, "43-mcr-vendor-account-phone");

      // Basic by default; an upgrade takes effect on the next 1st (MCR-SUP-02).
      await customer.goto("/abonnements");
      await customer.getByText("En vigueur : Basic").waitFor();
      await customer.getByLabel("Nouvelle offre").first().click();
      await customer.getByRole("option", { name: "Standard" }).click();
      await customer.getByRole("button", { name: "Demander le changement" }).click();
      const change = customer.getByText("Passage à Standard le", { exact: false });
      await change.waitFor();
      await checkPage(customer, "44-mcr-plan-change-to-come-phone");
      const planChange = await change.textContent();

      // A second vendor keeps the plan held: one plan per customer, changed on Abonnements only.
      await customer.goto("/commandes");
      await order.getByLabel("Service").selectOption({ label: "Amazon Web Services" });
      const plan = order.getByLabel("Offre de support");
      expect(await plan.isDisabled()).toBe(true);
      expect(await plan.inputValue()).toBe("basic");
      await order.getByRole("checkbox").check();
      await order.getByRole("button", { name: "Commander" }).click();
      await customer.getByRole("status").getByText(`Commande BC-${year}-0002 enregistrée.`).waitFor();
      await staff.reload();
      await staff.getByLabel("Identifiant du compte fournisseur créé").fill("123456789012");
      await staff.getByRole("button", { name: "Accepter" }).click();
      await staff.getByText("Ouvrir la console Amazon Web Services").waitFor();
      // The order's facts name the plan, not the contract file's key.
      await customer.reload();
      await customer.getByText("Offre de support : Basic").first().waitFor();

      // Quotas (MCR 9.1, MCR-ORD-04): staff set AWS's vCPU maximum, the customer asks for more,
      // staff accept and the maximum rises.
      const quotas = staff.getByRole("form", { name: "Fixer le quota" });
      await quotas.getByLabel("Fournisseur").selectOption({ label: "Amazon Web Services" });
      await quotas.getByLabel("Ressource").fill("vCPU");
      await quotas.getByLabel("Maximum").fill("64");
      await quotas.getByRole("button", { name: "Fixer le quota" }).click();
      await staff.getByRole("status").getByText("Quota enregistré.").waitFor();
      await customer.reload();
      const ask = customer.getByRole("form", { name: "Demander plus de vCPU" });
      await ask.getByLabel("Nouveau maximum").fill("128");
      await ask.getByLabel("Motif").fill("Migration de notre ERP");
      await ask.getByRole("button", { name: "Demander l'augmentation" }).click();
      await customer.getByText("128 demandé le", { exact: false }).waitFor();
      await checkPage(customer, "48-mcr-quota-asked-phone");
      await staff.reload();
      await staff.getByLabel("Réponse (demande : 128)").fill("Capacité réservée");
      await staff.getByRole("button", { name: "Accepter", exact: true }).click();
      await staff.getByRole("status").getByText("Demande acceptée : le quota est relevé.").waitFor();
      await checkPage(staff, "49-mcr-quota-accepted");
      await customer.reload();
      await customer.getByText("accepté : Capacité réservée", { exact: false }).waitFor();

      // Microsoft refuses access: Azure alone ends, AWS and the support plan go on (MCR-ACC-06).
      await staff.goto(`/abonnements?organisationId=${customerId}`);
      const vendor = staff.getByRole("form", { name: "Accès d'un fournisseur cloud" });
      await vendor.getByLabel("Service du fournisseur").click();
      await staff.getByRole("option", { name: "Microsoft Azure" }).click();
      await vendor.getByLabel("Décision du fournisseur").click();
      await staff.getByRole("option", { name: "Refuse l'accès (fin de ce service)" }).click();
      await vendor.getByLabel("Motif communiqué par le fournisseur").fill("Compte bloqué par Microsoft");
      await vendor.getByRole("button", { name: "Enregistrer la décision" }).click();
      await staff
        .getByRole("status")
        .getByText("Décision enregistrée pour Microsoft Azure", { exact: false })
        .waitFor();
      await staff.getByText("Refus du fournisseur").waitFor();
      await checkPage(staff, "45-mcr-vendor-refused");

      // The customer terminates (MCR 5.4.1): staff give the effective date the general conditions
      // set; a task to notify AWS is left, whose commitments stay due (MCR-ORD-02).
      const today = parisToday();
      const effective = addDays(today, 30);
      await staff.getByLabel("Date de réception de la lettre").fill(today);
      await staff.getByLabel("Date d'effet (fixée par les Conditions Générales)").fill(effective);
      await staff.getByRole("button", { name: "Enregistrer la résiliation" }).click();
      const recorded = staff.getByRole("status").getByText("MCR-ORD-02", { exact: false });
      await recorded.waitFor();
      await staff.getByText("Notifier la résiliation à Amazon Web Services").waitFor();
      await checkPage(staff, "46-mcr-termination-recorded");
      const termination = await recorded.textContent();
      await staff.getByRole("button", { name: "Fait" }).click();
      await staff.getByText("Faite le", { exact: false }).waitFor();

      // The customer asks for its accounts' transfer; staff answer with a quote (MCR-ORD-03).
      await customer.goto("/abonnements");
      await customer.getByText(`Date d'effet : ${shown(effective)}`, { exact: false }).waitFor();
      await customer.getByLabel("Bénéficiaire du transfert").fill("Garage Martin SARL");
      await customer.getByRole("button", { name: "Demander le transfert" }).click();
      await customer.getByText("En attente du devis", { exact: false }).waitFor();
      await staff.reload();
      await staff.getByLabel("Montant du devis (€ HT)").fill("1500,00");
      await staff.getByLabel("Détail du devis").fill("Transfert des comptes AWS, 2 jours");
      await staff.getByRole("button", { name: "Envoyer le devis" }).click();
      await staff.getByText("Devis : 1 500,00", { exact: false }).waitFor();
      await customer.reload();
      await customer.getByText("Devis : 1 500,00", { exact: false }).waitFor();
      await checkPage(customer, "47-mcr-terminated-phone");
      console.info(
        `MCR journey: created, ordered and accepted ${today}; ${planChange}; vendor Azure refused ${today}; contract terminated: ${termination}`,
      );
    });
  },
);
