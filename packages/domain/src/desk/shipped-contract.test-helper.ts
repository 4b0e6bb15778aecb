import { readFileSync } from "node:fs";
import { type Contract, parseContract } from "../contract/index.js";

/** A shipped contract (contracts/NAME.yaml), read as the server reads it. */
export function shippedContract(name: "multicloud-ready" | "deux-sevres-eservices"): Contract {
  const text = readFileSync(new URL(`../../../../contracts/${name}.yaml`, import.meta.url), "utf8");
  const result = parseContract(text, `contracts/${name}.yaml`);
  if (!result.ok) throw new Error(result.errors.join("\n"));
  return result.contract;
}
