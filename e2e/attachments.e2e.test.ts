import { mkdtemp, readFile, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { checkPage, signIn } from "./support/browser.js";
import { type Portal, startPortal } from "./support/portal.js";
import { type DeskCast, seedDeskCast } from "./support/seed.js";

const postgresUrl = inject("postgresUrl");

const PNG = Buffer.concat([Buffer.from("\x89PNG\r\n\x1a\n", "latin1"), Buffer.alloc(2048, 7)]);
const LOG = Buffer.from("02:14 sauvegarde : erreur 503 du stockage objet\n");

/** A file on disk, as a person picks one: the browser reads it itself. */
async function onDisk(name: string, content: Buffer): Promise<string> {
  const path = join(await mkdtemp(join(tmpdir(), "guichet-e2e-")), name);
  await writeFile(path, content);
  return path;
}

/** Chooses files with the field's button, as a person does from the file dialog. */
async function chooseFiles(page: Page, files: string[]) {
  const chooser = page.waitForEvent("filechooser");
  await page.getByRole("button", { name: "Choisir des fichiers" }).click();
  await (await chooser).setFiles(files);
}

/** Drops a file on the field, as a person drags one from the desktop. */
async function dropFile(page: Page, name: string, text: string) {
  const transfer = await page.evaluateHandle(
    ([fileName, content]) => {
      const data = new DataTransfer();
      data.items.add(new File([content ?? ""], fileName ?? "", { type: "text/plain" }));
      return data;
    },
    [name, text],
  );
  await page.getByTestId("file-drop").dispatchEvent("drop", { dataTransfer: transfer });
}

/** Files from the portal (issue 13): on a new request and on replies, checked before sending. */
describe.runIf(postgresUrl)("attachments from the portal", { timeout: 180_000 }, () => {
  let portal: Portal;
  let cast: DeskCast;

  beforeAll(async () => {
    portal = await startPortal(postgresUrl, "multicloud-ready");
    cast = await seedDeskCast(portal.server.db, {
      provider: "Orange Business",
      agent: { email: "support@orange-business.test", firstName: "Karim", lastName: "Benali" },
      organisation: { name: "Banque Ducasse", holds: ["support-premium", "aws"] },
      customer: {
        email: "exploitation@banque-ducasse.test",
        firstName: "Nina",
        lastName: "Ducasse",
        roles: ["named_contact"],
        namedContact: true,
      },
    });
  }, 90_000);
  afterAll(() => portal?.stop());

  it("lets a customer attach files to a new request and a reply, refuses a file too large before sending, and staff download them", async () => {
    const customer = await portal.visitor();
    await signIn(customer, cast.customer);
    await customer.goto("/demandes/nouvelle");
    await customer.getByRole("heading", { level: 1, name: "Nouvelle demande" }).waitFor();
    await customer.getByText(/^Jusqu'à 5 fichiers de 10\sMo au plus chacun/).waitFor();

    // Too large: refused at once, with the file's name and the limit; nothing is sent.
    const sent: string[] = [];
    customer.on("request", (request) => {
      if (request.method() === "POST") sent.push(request.url());
    });
    await chooseFiles(customer, [
      await onDisk("sauvegarde.log", LOG),
      await onDisk("dump-complet.log", Buffer.alloc(11 * 1024 * 1024, 65)),
    ]);
    await customer
      .getByRole("alert")
      .getByText(
        /« dump-complet\.log » \(.+\) dépasse 10\sMo, la taille maximale d'un fichier : il n'est pas joint\./,
      )
      .waitFor();
    expect(sent).toEqual([]);
    await chooseFiles(customer, [await onDisk("capture.png", PNG)]);
    const chosen = customer.getByRole("list", { name: "Fichiers à envoyer" });
    await chosen.getByText(/^capture\.png/).waitFor();
    expect(await chosen.getByRole("listitem").allInnerTexts()).toHaveLength(2);
    await checkPage(customer, "13-files-new-request");

    await customer.getByLabel("Type de demande").selectOption({ label: "Incident" });
    await customer.getByRole("radio", { name: /^P3/ }).check();
    await customer.getByLabel("Titre").fill("Sauvegarde en échec");
    await customer
      .getByLabel("Description")
      .fill("La sauvegarde de la nuit a échoué ; journal et capture joints.");
    await customer.getByRole("button", { name: "Ouvrir la demande" }).click();
    await customer.getByText(/Votre demande est enregistrée sous la référence/).waitFor();
    const files = customer.getByRole("list", { name: "Pièces jointes" });
    await files.getByRole("link", { name: "sauvegarde.log" }).waitFor();
    await files.getByRole("link", { name: "capture.png" }).waitFor();
    const ticketPath = new URL(customer.url()).pathname;

    // A reply with a file dropped on the field.
    await dropFile(customer, "suite.txt", "Relance manuelle à 09:00 : même erreur.");
    await customer
      .getByRole("list", { name: "Fichiers à envoyer" })
      .getByText(/^suite\.txt/)
      .waitFor();
    await customer.getByLabel("Votre message").fill("La relance manuelle échoue aussi.");
    await customer.getByRole("button", { name: "Envoyer" }).click();
    await customer.getByText("La relance manuelle échoue aussi.").waitFor();
    await customer.getByRole("link", { name: "suite.txt" }).waitFor();
    await checkPage(customer, "13-files-reply");

    // Staff see the files and download them as they were sent.
    const support = await portal.visitor();
    await signIn(support, cast.agent);
    await support.goto(ticketPath.replace(/^\/demandes\//, "/file/"));
    await support.getByRole("heading", { level: 1, name: /Sauvegarde en échec/ }).waitFor();
    const download = support.waitForEvent("download");
    await support.getByRole("link", { name: "sauvegarde.log" }).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe("sauvegarde.log");
    expect(await readFile((await file.path()) as string)).toEqual(LOG);
    await support.getByRole("link", { name: "suite.txt" }).waitFor();

    // Staff answer with a file too.
    await chooseFiles(support, [await onDisk("procedure.pdf", Buffer.from("%PDF-1.4\n%test\n"))]);
    await support.getByLabel(/^Message\b/).fill("Procédure de reprise jointe.");
    await support.getByRole("button", { name: "Envoyer" }).click();
    await support.getByRole("link", { name: "procedure.pdf" }).waitFor();
    await checkPage(support, "13-files-staff");
  });
});
