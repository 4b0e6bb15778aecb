import { describe, expect, it } from "vitest";
import type { Contract } from "../contract/schema.js";
import { customerWords } from "./ticket-words.js";

const providerNaming = (customerNouns?: Contract["provider"]["customerNouns"]) =>
  ({ provider: { customerNouns } }) as Pick<Contract, "provider">;

// Issue 13: staff views name the customer's side with the contract's word (DSN's "Opérateur").
describe("the contract's word for its customer", () => {
  it("agrees and elides in French, from the contract file", () => {
    const operator = providerNaming({
      fr: { singular: "opérateur", plural: "opérateurs", gender: "masculine" },
      en: { singular: "operator", plural: "operators" },
    });
    expect(customerWords(operator, "fr")).toMatchObject({
      Customer: "Opérateur",
      lecustomer: "l'opérateur",
      aucustomer: "à l'opérateur",
      ducustomer: "de l'opérateur",
    });
    expect(customerWords(operator, "en")).toMatchObject({ Customer: "Operator", customer: "operator" });
    const collectivity = providerNaming({
      fr: { singular: "collectivité", plural: "collectivités", gender: "feminine" },
    });
    expect(customerWords(collectivity, "fr").aucustomer).toBe("à la collectivité");
  });

  it("is client / customer where the contract names none", () => {
    expect(customerWords(providerNaming(), "fr")).toMatchObject({
      Customer: "Client",
      aucustomer: "au client",
    });
    expect(customerWords(providerNaming(), "en").Customer).toBe("Customer");
  });
});
