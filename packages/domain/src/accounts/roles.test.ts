import { describe, expect, it } from "vitest";
import { credentialRolesInForce } from "./roles.js";

// Security finding (issue 14): a machine credential never acts with more than its owner has now (DSN-SEC-03, DSN-SEC-01).
describe("credentialRolesInForce", () => {
  it("keeps only the roles the owner still has, an administrator covering a customer's other roles", () => {
    expect(credentialRolesInForce(["user", "billing_reader"], ["customer_admin"])).toEqual([
      "user",
      "billing_reader",
    ]);
    expect(credentialRolesInForce(["user", "billing_reader"], ["user"])).toEqual(["user"]);
    expect(credentialRolesInForce(["billing_reader"], ["named_contact"])).toEqual([]);
    // Raising the owner again gives back no more than the credential was made with.
    expect(credentialRolesInForce(["user"], ["customer_admin", "billing_reader"])).toEqual(["user"]);
  });

  it("never lets a credential carry the administrator role its owner lost, nor a provider role", () => {
    expect(credentialRolesInForce(["customer_admin", "user"], ["user"])).toEqual(["user"]);
    expect(credentialRolesInForce(["admin"], ["customer_admin"])).toEqual([]);
  });
});
