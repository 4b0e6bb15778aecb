import { existsSync, readdirSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const ASSETS = fileURLToPath(new URL("../dist/assets/", import.meta.url));
const read = (extension: string) =>
  readdirSync(ASSETS)
    .filter((name) => name.endsWith(extension))
    .map((name) => readFileSync(`${ASSETS}${name}`, "utf8"))
    .join("\n");

// Issue 13, first load: the portal imports the sheets of the Mantine components it uses
// (mantine-styles.ts), not all of them. A component new to the portal without its sheet would show
// unstyled: its class names are in the built scripts and in no built style sheet.
describe("the Mantine style sheets the portal imports", () => {
  it("style every Mantine class and animation the built portal uses", () => {
    expect(existsSync(ASSETS), "build the portal first: npm run build").toBe(true);
    const used = new Set(read(".js").match(/\bm_[0-9a-f]{5,8}\b/g));
    const styled = new Set(
      [...read(".css").matchAll(/(?:\.|@keyframes\s+)(m_[0-9a-f]{5,8})\b/g)].map((match) => match[1]),
    );
    expect(used.size).toBeGreaterThan(100);
    expect([...used].filter((name) => !styled.has(name))).toEqual([]);
  });
});
