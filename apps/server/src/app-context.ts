import type { Database } from "@guichet/db";
import type { Contract } from "@guichet/domain";
import type { Config } from "./config.js";
import type { ViesChecker } from "./modules/customers/vies.js";

/** What every module is built with: validated configuration, the contract, the database. */
export interface AppContext {
  readonly config: Config;
  readonly contract: Contract;
  readonly database: Database;
  /** The only clock the server reads; tests drive it. */
  readonly clock: () => Date;
  /** Who answers whether a VAT number is live (issue 17); absent: the shipped viesNotChecked. */
  readonly vies?: ViesChecker;
}
