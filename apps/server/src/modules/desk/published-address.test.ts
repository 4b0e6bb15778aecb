import { describe, expect, it } from "vitest";
import { readConfig } from "../../config.js";
import { loadContract } from "../../contract/load-contract.js";
import { deskAddressOf, publishedDeskAddressOf } from "./mail-receiver.js";

/** What the Help page may tell customers to write to (issue 13: never a made-up support@localhost). */
describe("the desk address customers are told", () => {
  const contract = loadContract("multicloud-ready");

  it("is none when neither DESK_MAIL_ADDRESS nor the contract gives one", () => {
    const config = readConfig({ GUICHET_CONTRACT: "multicloud-ready" });
    expect(publishedDeskAddressOf({ config, contract })).toBeNull();
    // The desk's own mails still need a Reply-To: that one stays internal.
    expect(deskAddressOf({ config, contract })).toBe("support@localhost");
  });

  it("is the configured DESK_MAIL_ADDRESS", () => {
    const config = readConfig({
      GUICHET_CONTRACT: "multicloud-ready",
      DESK_MAIL_ADDRESS: "support@mcr.example",
    });
    expect(publishedDeskAddressOf({ config, contract })).toBe("support@mcr.example");
  });
});
