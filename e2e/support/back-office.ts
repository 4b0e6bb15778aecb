import type { Page } from "playwright-core";
import { signIn } from "./browser.js";
import type { Portal } from "./portal.js";
import { linkFromOutbox, type Person, STRONG_PASSWORD } from "./seed.js";

/** What staff type into the Clients page's "Nouveau client" form (issue 16). */
export interface NewCustomer {
  legalName: string;
  /** The country select's label, "France" when not said (issue 17). */
  country?: string;
  /** In France; a customer established abroad has none. */
  siren?: string;
  registrationNumber?: string;
  vatNumber?: string;
  address: string;
  postalCode: string;
  city: string;
  billingEmail: string;
  admin: { email: string; firstName: string; lastName: string };
}

/** Today in Paris, as the server counts it (civil dates in Europe/Paris, issue 16). */
export const parisToday = () =>
  new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Paris" }).format(new Date());

/** A civil date `days` after another (UTC arithmetic on the calendar date, no clock involved). */
export function addDays(isoDate: string, days: number): string {
  const d = new Date(`${isoDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/** "De quantième à quantième": the same day n months on, or that month's last day (CPC art. 641). */
export function addMonths(isoDate: string, months: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  const last = new Date(Date.UTC(y, m - 1 + months + 1, 0)).getUTCDate();
  return new Date(Date.UTC(y, m - 1 + months, Math.min(d, last))).toISOString().slice(0, 10);
}

/** How the server's messages write a date (refusals, explanations, mails): 05/02/2027. */
export const frenchDate = (isoDate: string) => isoDate.split("-").reverse().join("/");

/** Staff fill the back office's "Nouveau client" form, the fields shown for the customer's country. */
export async function fillNewCustomer(staff: Page, customer: NewCustomer) {
  const form = staff.getByRole("form", { name: "Nouveau client" });
  await form.getByLabel("Raison sociale").fill(customer.legalName);
  if (customer.country)
    await form.getByLabel("Pays d'établissement").selectOption({ label: customer.country });
  if (customer.siren) await form.getByLabel("SIREN").fill(customer.siren);
  if (customer.registrationNumber)
    await form.getByLabel("Numéro d'immatriculation").fill(customer.registrationNumber);
  if (customer.vatNumber) await form.getByLabel("Numéro de TVA intracommunautaire").fill(customer.vatNumber);
  await form.getByLabel("Adresse de facturation").fill(customer.address);
  await form.getByLabel("Code postal").fill(customer.postalCode);
  await form.getByLabel("Ville").fill(customer.city);
  await form.getByLabel("E-mail de facturation").fill(customer.billingEmail);
  await form.getByLabel("Adresse e-mail").fill(customer.admin.email);
  await form.getByLabel("Prénom").fill(customer.admin.firstName);
  await form.getByRole("textbox", { name: /^Nom/ }).fill(customer.admin.lastName);
  return form;
}

/** Staff create a customer from the back office, its administrator invited by e-mail; answers its id. */
export async function createCustomerInBackOffice(staff: Page, customer: NewCustomer): Promise<string> {
  await staff.goto("/clients");
  const form = await fillNewCustomer(staff, customer);
  const created = staff.waitForResponse(
    (response) => response.url().endsWith("/api/customers") && response.request().method() === "POST",
  );
  await form.getByRole("button", { name: "Créer le client" }).click();
  const answer = (await (await created).json()) as { customer: { id: string } };
  await staff.getByText(`Client « ${customer.legalName} » créé`, { exact: false }).waitFor();
  return answer.customer.id;
}

/** The invited administrator sets her password from the mail's link, then signs in (MCR-ACC-01, DSN-ID-02). */
export async function acceptInvitation(portal: Portal, page: Page, customer: NewCustomer): Promise<Person> {
  await page.goto(await linkFromOutbox(portal.server.db, customer.admin.email, "invitation"));
  await page.getByLabel("Nouveau mot de passe").fill(STRONG_PASSWORD);
  await page.getByLabel("Confirmez le mot de passe").fill(STRONG_PASSWORD);
  await page.getByRole("button", { name: "Enregistrer le mot de passe" }).click();
  await page.getByText("Votre mot de passe est enregistré.").waitFor();
  const person: Person = {
    id: "",
    name: `${customer.admin.firstName} ${customer.admin.lastName}`,
    email: customer.admin.email,
    password: STRONG_PASSWORD,
    totpSecret: null,
  };
  await signIn(page, person);
  return person;
}
