/** Orders: eligibility by wholesale contracts (DSN-ORD-01), the last signature (DSN-ORD-02). */
export * from "./eligibility.js";
