import { existsSync, readdirSync, readFileSync } from "node:fs";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type Contract, ContractError, parseContract } from "@guichet/domain";

/** The contracts shipped with Guichet, in the repository's `contracts/` folder. */
export const SHIPPED_CONTRACTS_DIR = fileURLToPath(new URL("../../../../contracts/", import.meta.url));

/** The ids of the contract files in contracts/, which GUICHET_CONTRACT may name by id. */
export function shippedContractIds(): string[] {
  return readdirSync(SHIPPED_CONTRACTS_DIR)
    .filter((name) => name.endsWith(".yaml"))
    .map((name) => name.slice(0, -".yaml".length));
}

/** A shipped contract's id, or any file path, to the file to read. */
export function resolveContractPath(idOrPath: string): string {
  const shipped = `${SHIPPED_CONTRACTS_DIR}${idOrPath}.yaml`;
  if (/^[a-z0-9-]+$/.test(idOrPath) && existsSync(shipped)) return shipped;
  return idOrPath;
}

/**
 * Reads and validates a contract file. Throws ContractError whose lines each name the file,
 * the key's path and what was expected (GEN-01).
 */
export function loadContract(idOrPath: string): Contract {
  const path = resolveContractPath(idOrPath);
  const shown = relative(process.cwd(), path) || path;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch {
    const known = shippedContractIds().join(", ");
    throw new ContractError([`${shown}: cannot read the contract file (shipped contracts: ${known})`]);
  }
  const result = parseContract(text, shown);
  if (!result.ok) throw new ContractError(result.errors);
  return result.contract;
}
