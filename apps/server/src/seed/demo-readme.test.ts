import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { DEMO_DATA } from "./demo-data.js";

const README = readFileSync(new URL("../../../../README.md", import.meta.url), "utf8");

describe("the README's demo accounts (issue 13)", () => {
  it("lists every account the demo data creates, so a newcomer can try each role", () => {
    const people = Object.values(DEMO_DATA).flatMap((deployment) => deployment?.people ?? []);
    expect(people.length).toBeGreaterThan(10);
    const missing = people.filter((person) => !README.includes(`\`${person.email}\``));
    expect(missing.map((person) => person.email)).toEqual([]);
  });

  it("gives every seeded organisation an account", () => {
    for (const deployment of Object.values(DEMO_DATA)) {
      if (!deployment) continue;
      const withAccount = new Set(deployment.people.map((person) => person.organisation));
      const without = deployment.customers.filter((customer) => !withAccount.has(customer.slug));
      expect(without.map((customer) => customer.slug)).toEqual([]);
    }
  });
});
