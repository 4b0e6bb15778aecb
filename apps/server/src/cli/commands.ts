import { readFileSync } from "node:fs";
import {
  contractJsonSchema,
  evaluateCalendarCases,
  evaluateCommitmentCases,
  evaluateFeeCases,
  feeCasesContract,
  interfaceLocale,
} from "@guichet/domain";
import { type Config, readConfig } from "../config.js";
import { loadContract } from "../contract/load-contract.js";
import { costsImportCommand, ratesImportCommand } from "../modules/billing/billing-commands.js";
import { billingRunCommand } from "../modules/invoices/invoice-commands.js";
import { backupDeployment, restoreDeployment } from "../modules/operations/backup.js";
import { openDeployment } from "../runtime/open-deployment.js";
import { serve } from "../runtime/serve.js";
import type { HeldPort } from "../runtime/starting-page.mjs";
import { seedDemoData } from "../seed/seed-demo.js";
import { verifyDatabaseTrail, verifyExportFile } from "./audit-verify.js";
import { portalBuiltByParent } from "./demo.mjs";
import { runInit } from "./init.js";

/** What a command prints, and its exit code (0 success, 1 refused input, 2 usage). */
export interface CommandResult {
  code: number;
  out?: string;
  err?: string;
}

export const USAGE = `Usage: guichet <command>

  start                   migrate, then serve the contract set by GUICHET_CONTRACT
  demo [--build-portal]   serve both shipped deployments with demo data (PORT and PORT+1),
                          building the portal meanwhile with --build-portal
  prepare                 build the portal (if its sources changed) and the migrated database
                          template ahead of a first start (run by npm install)
  migrate                 apply database migrations and exit
  init EMAIL [--name N]   on a new database: the provider organisation and its first administrator,
                          invited by a single-use link (printed, and mailed with SMTP_URL)
  seed                    load the contract's demo data (once) and exit
  contract check FILE     validate a contract file (exit 1 with each error's key path)
  contract schema         print the contract file's JSON Schema (for editors; check stays the authority)
  audit verify            check every organisation's audit chain and the anchors: "intact", or the first broken entry
  audit verify --file F   check one organisation's exported chain offline, without a database
  calendar eval FILE      evaluate calendar conformance cases (JSON) and print the results
  commitments eval FILE   decide plan changes and terminations (JSON cases) and print the results
  billing eval FILE       evaluate support-fee cases (JSON) with the contract they name
  billing run --month M   issue the month's invoices (YYYY-MM, a month that is over), all or nothing
  costs import FILE…      import FinOps FOCUS cost files (CSV, gzip'd CSV, Parquet), all or nothing;
                          waits for the detailed lines' Parquet unless --no-wait (then the server's
                          background work writes it)
  rates import FILE       import ECB euro reference rates (CSV)
  backup FILE             the deployment's database and files in one file, with checksums
  restore FILE            a backup into an empty database (DATABASE_URL) or data directory

Configuration comes from the environment: see README.md.`;

function config(env: NodeJS.ProcessEnv): Config {
  return readConfig(env);
}

export async function runCommand(
  args: string[],
  env: NodeJS.ProcessEnv,
  heldPort?: HeldPort,
): Promise<CommandResult | "serving"> {
  const [command, sub, file] = args;
  switch (command) {
    case "start":
      await serve(config(env), {
        heldPort,
        portalBuilt: sub === "--after-portal-build" ? portalBuiltByParent() : undefined,
      });
      return "serving";
    case "init":
      return runInit(config(env), args.slice(1));
    case "migrate": {
      const { database, contract } = await openDeployment(config(env), () => new Date(), { seed: "never" });
      await database.close();
      return { code: 0, out: `Migrations applied (${database.kind}, contract ${contract.id}).` };
    }
    case "backup":
    case "restore":
      if (!sub) return { code: 2, err: USAGE };
      return (command === "backup" ? backupDeployment : restoreDeployment)(config(env), sub);
    case "seed": {
      const settings = config(env);
      const { database, contract } = await openDeployment(settings, () => new Date(), { seed: "never" });
      try {
        const seeded = await seedDemoData(database.db, contract, new Date(), settings);
        return {
          code: 0,
          out: seeded ? `Demo data loaded for ${contract.id}.` : "Demo data already present.",
        };
      } finally {
        await database.close();
      }
    }
    case "contract":
      if (sub === "schema" && !file) return { code: 0, out: JSON.stringify(contractJsonSchema(), null, 2) };
      if (sub !== "check" || !file) return { code: 2, err: USAGE };
      return checkContract(file);
    case "audit": {
      if (sub !== "verify") return { code: 2, err: USAGE };
      if (file === "--file") {
        const exported = args[3];
        return exported ? verifyExportFile(exported) : { code: 2, err: USAGE };
      }
      if (file !== undefined) return { code: 2, err: USAGE };
      const { database } = await openDeployment(config(env), () => new Date(), { seed: "never" });
      try {
        return await verifyDatabaseTrail(database);
      } finally {
        await database.close();
      }
    }
    case "calendar": {
      if (sub !== "eval" || !file) return { code: 2, err: USAGE };
      const input: unknown = JSON.parse(readFileSync(file, "utf8"));
      return { code: 0, out: JSON.stringify(evaluateCalendarCases(input), null, 2) };
    }
    case "commitments": {
      // MCR-SUP-02, DSN-ORD-04: the product's own decision functions, on cases written by others.
      if (sub !== "eval" || !file) return { code: 2, err: USAGE };
      const input: unknown = JSON.parse(readFileSync(file, "utf8"));
      return { code: 0, out: JSON.stringify(evaluateCommitmentCases(input, loadContract), null, 2) };
    }
    case "billing": {
      if (sub === "run") return billingRunCommand(config(env), args.slice(2), env);
      if (sub !== "eval" || !file) return { code: 2, err: USAGE };
      const input: unknown = JSON.parse(readFileSync(file, "utf8"));
      const contract = loadContract(feeCasesContract(input) ?? config(env).GUICHET_CONTRACT);
      return {
        code: 0,
        out: JSON.stringify(evaluateFeeCases(input, contract, interfaceLocale(contract.locale)), null, 2),
      };
    }
    case "costs": {
      const files = args.slice(2).filter((a) => a !== "--no-wait");
      if (sub !== "import" || files.length === 0) return { code: 2, err: USAGE };
      return costsImportCommand(config(env), files, env, !args.includes("--no-wait"));
    }
    case "rates":
      if (sub !== "import" || !file) return { code: 2, err: USAGE };
      return ratesImportCommand(config(env), file, env);
    default:
      return { code: command === undefined || command === "help" ? 0 : 2, err: USAGE };
  }
}

function checkContract(file: string): CommandResult {
  const contract = loadContract(file);
  return { code: 0, out: `${file}: valid contract "${contract.id}" version ${contract.version}` };
}
