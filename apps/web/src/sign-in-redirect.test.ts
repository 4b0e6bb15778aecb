import { describe, expect, it } from "vitest";
import { safeRedirect } from "./sign-in-redirect";

describe("the page signing in leads back to", () => {
  it("is the deep link asked for, with its query", () => {
    expect(safeRedirect("/demandes?state=closed")).toBe("/demandes?state=closed");
  });

  it("is never another site nor the sign-in page itself", () => {
    for (const path of [
      "https://evil.test/",
      "//evil.test/",
      "/\\evil.test",
      "/connexion",
      "/connexion?redirect=%2F",
    ]) {
      expect(safeRedirect(path)).toBeUndefined();
    }
    expect(safeRedirect(undefined)).toBeUndefined();
  });
});
