import { describe, expect, it } from "vitest";
import { requestLocale } from "./request-locale.js";

describe("requestLocale", () => {
  const request = (query: unknown, acceptLanguage?: string) => ({
    query,
    headers: acceptLanguage ? { "accept-language": acceptLanguage } : {},
  });

  it("takes ?lang over Accept-Language: a download link says the portal's language", () => {
    expect(requestLocale(request({ lang: "en" }, "fr-FR,fr;q=0.9"))).toBe("en");
    expect(requestLocale(request({ lang: "fr" }, "en-GB,en;q=0.9"))).toBe("fr");
  });

  it("falls back to Accept-Language, then French, without lang or with one it does not know", () => {
    expect(requestLocale(request({}, "en-GB,en;q=0.9"))).toBe("en");
    expect(requestLocale(request({ lang: "de" }, "en"))).toBe("en");
    expect(requestLocale(request(undefined))).toBe("fr");
  });
});
