// Plain JavaScript: `guichet demo` reads it before any TypeScript loads (bin/guichet.mjs).
/**
 * The deployments the demo runs, one per shipped contract with demo data (demo-data.ts), in the
 * order of their ports (PORT, PORT+1). The first is what `guichet start` serves when
 * GUICHET_CONTRACT is unset. Only seed data names shipped contracts: the product itself runs by
 * whatever contract file it is given (GEN-01).
 */
export const DEMO_CONTRACT_IDS = Object.freeze(["multicloud-ready", "deux-sevres-eservices"]);

export const DEFAULT_CONTRACT_ID = DEMO_CONTRACT_IDS[0];
