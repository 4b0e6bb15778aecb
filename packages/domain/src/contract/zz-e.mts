import { readFileSync } from "node:fs";
import { parseContract } from "./index.js";
const t = readFileSync("contracts/multicloud-ready.yaml", "utf8");
for (const [a, b] of [["    minimumStrength: 3", "    minimumStrength: 3\n    maxLength: 5"], ["    kind: quote", "    kind: quote\n    amount: 5 EUR"], ["    minimumStrength: 3", "    minimumStrength: 5"], ["    recommendedStrength: 4", "    recommendedStrength: 2"], ["    kind: quote #", "    # kind"]]) {
  const r = parseContract(t.replace(a, b), "f.yaml");
  console.log(r.ok ? "OK" : r.errors.join("\n"));
}
