import { fileURLToPath } from "node:url";

/**
 * The test suite's third provider (test/contracts/boreal-cloud.yaml): unlike both shipped
 * contracts, run with no code change (issue 22, GEN-01).
 */
export const THIRD_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/boreal-cloud.yaml", import.meta.url),
);

/**
 * The fourth (test/contracts/alpen-cloud.yaml, issue 23): five priorities, next-business-day,
 * best-effort and escalation-required targets, English and German, CHF, no e-mail on Starter.
 */
export const FOURTH_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/alpen-cloud.yaml", import.meta.url),
);

/**
 * A provider whose offer says little (test/contracts/minimal-offer.yaml, issue 23): German only, one
 * plan through the portal alone, no price, no ordering, no out-of-scope rule, its own word "Fall".
 */
export const MINIMAL_CONTRACT = fileURLToPath(
  new URL("../../../../test/contracts/minimal-offer.yaml", import.meta.url),
);
