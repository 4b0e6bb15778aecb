import { fileURLToPath } from "node:url";

/**
 * The test suite's third provider (test/contracts/boreal-cloud.yaml): unlike both shipped
 * contracts, run with no code change (issue 22, GEN-01).
 */
export const THIRD_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/boreal-cloud.yaml", import.meta.url),
);
