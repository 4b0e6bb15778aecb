import { describe, expect, it } from "vitest";
import { revokesLastAdministrator } from "./administrators.js";

const ines = { id: "ines", roles: ["customer_admin"], status: "active" };
const paul = { id: "paul", roles: ["customer_admin", "named_contact"], status: "active" };
const lea = { id: "lea", roles: ["user"], status: "active" };

describe("revoking the last administrator's own identifier", () => {
  it("is refused when no other active administrator remains", () => {
    expect(revokesLastAdministrator("ines", ines, [ines, lea])).toBe(true);
    // An administrator still invited, or deactivated, manages nothing yet.
    expect(revokesLastAdministrator("ines", ines, [ines, { ...paul, status: "invited" }])).toBe(true);
  });

  it("is allowed beside another active administrator, for someone else, or for a non-administrator", () => {
    expect(revokesLastAdministrator("ines", ines, [ines, paul])).toBe(false);
    expect(revokesLastAdministrator("paul", ines, [ines, lea])).toBe(false);
    expect(revokesLastAdministrator("lea", lea, [ines, lea])).toBe(false);
  });
});
