import { describe, expect, it } from "vitest";
import { delayAfter, THROTTLE_RULES, throttleKeys } from "./login-throttle.js";

describe("sign-in throttling delays (issue 14)", () => {
  it("lets an address try an account a few times freely, then doubles its wait up to 15 minutes", () => {
    const free = THROTTLE_RULES.pair.free;
    expect(delayAfter("pair", free - 1)).toBe(0);
    expect(delayAfter("pair", free)).toBe(1_000);
    expect(delayAfter("pair", free + 1)).toBe(2_000);
    expect(delayAfter("pair", free + 5)).toBe(32_000);
    expect(delayAfter("pair", 1_000)).toBe(15 * 60_000);
    expect(delayAfter("address", THROTTLE_RULES.address.free - 1)).toBe(0);
  });

  it("keys on the account with the address, never on the account alone", () => {
    expect(throttleKeys(" Nina@Example.fr ", "192.0.2.1")).toEqual({
      pair: "pair:nina@example.fr|192.0.2.1",
      address: "address:192.0.2.1",
    });
  });
});
