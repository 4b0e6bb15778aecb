import { z } from "zod";
import { ZContractShape } from "./schema.js";

/** Where the schema says it lives; editors only need it to be a stable id. */
export const CONTRACT_SCHEMA_ID = "https://guichet.example/schemas/contract-file.json";

/**
 * The contract file's JSON Schema, generated from the zod schema (GEN-01), so an editor can
 * validate and complete a contract as it is written (`# yaml-language-server: $schema=…`). It
 * describes the file as written (durations, amounts and targets are text). It cannot express the
 * cross-references (a plan's calendar must be defined, a price's currency must be the contract's):
 * `guichet contract check` stays the authority.
 */
export function contractJsonSchema(): Record<string, unknown> {
  const schema = z.toJSONSchema(ZContractShape, { io: "input", unrepresentable: "any" });
  return {
    ...schema,
    $id: CONTRACT_SCHEMA_ID,
    title: "Guichet contract file",
    description:
      "One provider's contract, run by Guichet. Checked by `guichet contract check FILE`, which also checks that every name used is defined.",
  };
}
