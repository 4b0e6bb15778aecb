import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { addDays, addMonths, frenchDate as french, parisToday } from "./support/back-office.js";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { holds, seedOrganisation, seedPerson, seedStaffMember } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

describe.runIf(postgresUrl)(
  "DSN 10.1 and 10.2: specific conditions in the back office and a version awaiting signature (DSN-BIL-02)",
  { timeout: 180_000 },
  () => {
    let portal: Portal;

    beforeAll(async () => {
      portal = await startPortal(postgresUrl, "deux-sevres-eservices");
    }, 120_000);
    afterAll(() => portal?.stop());

    it("records TAO's first values directly, refuses a new version inside the notice they define, announces it, and waits for a signature", async () => {
      const today = parisToday();
      const earliest = addMonths(today, 2);
      const manager = await seedStaffMember(portal.server.db, "Deux-Sèvres Numérique", {
        email: "conditions@deux-sevres.test",
        firstName: "Hugo",
        lastName: "Niort",
        roles: ["account_manager"],
      });
      const page = await portal.visitor();
      await signIn(page, manager);
      await page.getByRole("link", { name: "Changements" }).click();
      await page.getByRole("heading", { level: 2, name: "Conditions Spécifiques des e-services" }).waitFor();
      const form = page.getByRole("form", { name: "Enregistrer la version" });
      const tao = /TAO/;
      const option = form.getByLabel("E-service").locator("option").filter({ hasText: tao });
      await form.getByLabel("E-service").selectOption((await option.getAttribute("value")) ?? "");
      const fill = async (values: Record<string, string>) => {
        for (const [label, value] of Object.entries(values)) await form.getByLabel(label).fill(value);
      };
      await fill({
        "En vigueur à partir du": "2025-01-01",
        "Titre du document": "Conditions Spécifiques TAO",
        "Version du document": "1.0",
        "Prix mensuel HT (€)": "99,99",
        "Engagement minimum (mois)": "12",
        "Préavis de résiliation (mois)": "3",
        "Préavis de maintenance (jours)": "5",
        "Préavis de modification de ces conditions (mois)": "2",
      });
      await form.getByRole("button", { name: "Enregistrer la version" }).click();
      await page.getByRole("status").getByText("Version enregistrée directement", { exact: false }).waitFor();
      await page.getByRole("cell", { name: "Conditions Spécifiques TAO — 1.0" }).waitFor();

      // An operator now holds TAO: a longer commitment goes through the 2 months the conditions define.
      const operator = await seedOrganisation(portal.server.db, { kind: "customer", name: "Niort Connect" });
      await holds(portal.server.db, operator, { item: "tao", from: addDays(today, -30) });
      const admin = await seedPerson(portal.server.db, {
        organisationId: operator,
        email: "direction@niort-connect.test",
        firstName: "Inès",
        lastName: "Moreau",
        roles: ["customer_admin"],
      });
      await fill({
        "En vigueur à partir du": addDays(earliest, -1),
        "Version du document": "2.0",
        "Engagement minimum (mois)": "24",
      });
      await form.getByRole("button", { name: "Enregistrer la version" }).click();
      const refusal = form.getByRole("alert");
      await refusal.getByText(french(earliest), { exact: false }).waitFor();
      await refusal.getByText("DSN-BIL-02", { exact: true }).waitFor();
      await checkPage(page, "90-dsn-conditions-refused");
      await fill({ "En vigueur à partir du": earliest });
      await form.getByRole("button", { name: "Enregistrer la version" }).click();
      await page.getByRole("status").getByText("Version annoncée avec préavis", { exact: false }).waitFor();
      await page.getByRole("cell", { name: "Conditions Spécifiques TAO — 2.0" }).waitFor();
      await checkPage(page, "91-dsn-conditions-announced");

      // A new version of the general conditions: no notice, but both parties' signatures (DSN 10.1).
      const announce = page.getByRole("form", { name: "Annoncer un changement" });
      await announce.getByLabel("Type de changement").selectOption("general-conditions");
      await announce.getByLabel("Titre de l'avis").fill("Conditions Générales 2027");
      await announce
        .getByLabel("Texte de l'avis")
        .fill("Nouvelle version des Conditions Générales, à signer.");
      await announce.getByLabel("Date d'entrée en vigueur").fill(today);
      await announce.getByRole("button", { name: "Publier" }).click();
      await page.getByRole("status").getByText("Changement publié : 1 avis", { exact: false }).waitFor();
      await page.getByText("En attente de 1 signature(s)", { exact: false }).waitFor();
      await page.getByText("Prochaine relance le", { exact: false }).waitFor();
      // Unsigned, it does not apply to that operator, though in force from today (DSN 10.1).
      await page.getByText("Ne s'applique pas à ce client tant qu'il n'a pas signé.").waitFor();
      await checkPage(page, "92-dsn-signature-awaited");

      const reader = await portal.visitor();
      await signIn(reader, admin);
      await reader.goto("/avis");
      await reader.getByRole("heading", { level: 2, name: "Conditions Générales 2027" }).waitFor();
      await reader
        .getByText("Ne s'applique pas tant que la nouvelle version n'est pas signée", { exact: false })
        .waitFor();
      await reader.getByRole("button", { name: "Signer la nouvelle version" }).click();
      await reader.getByText("Signé le", { exact: false }).first().waitFor();
      await reader.getByText("En vigueur depuis le", { exact: false }).first().waitFor();
      // Its documents: the general conditions binding it are now the version it signed.
      await reader
        .getByRole("navigation", { name: "Navigation principale" })
        .getByRole("link", { name: "Documents" })
        .click();
      await reader.getByRole("cell", { name: "Conditions Générales 2027" }).first().waitFor();
      await checkPage(reader, "92-dsn-documents-signed-version");
      await reader.close();
      await page.reload();
      await page.getByRole("heading", { level: 1, name: "Changements avec préavis" }).waitFor();
      await page.getByText("Conditions Générales 2027").first().waitFor();
      expect(await page.getByText("En attente de 1 signature(s)", { exact: false }).count()).toBe(0);
      await page.close();
    });
  },
);
