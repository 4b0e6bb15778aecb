export const DEMO_CONTRACT_IDS: readonly ["multicloud-ready", "deux-sevres-eservices"];
export const DEFAULT_CONTRACT_ID: "multicloud-ready";
