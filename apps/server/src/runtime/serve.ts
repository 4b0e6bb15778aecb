import { readFileSync } from "node:fs";
import { labelIn } from "@guichet/domain";
import { type BuildAppOptions, buildApp } from "../app.js";
import type { AppContext } from "../app-context.js";
import type { Config } from "../config.js";
import { startDeskMailReceiver } from "../modules/desk/mail-receiver.js";
import { startMailWorker } from "../modules/mail/mail-worker.js";
import { createSmtpTransport } from "../modules/mail/smtp-transport.js";
import { DEMO_DATA, DEMO_PASSWORD } from "../seed/demo-data.js";
import { startBackgroundWork } from "./background-work.js";
import { startClusterRelay } from "./cluster-relay.js";
import { serverLogger } from "./logger.js";
import { openDeployment } from "./open-deployment.js";
import { type HeldPort, holdPort } from "./starting-page.mjs";

/**
 * Starts one server process: hold the port (requests wait, or get a "starting" page), open the
 * deployment (and wait for the portal's build when `guichet demo` makes it alongside), listen and
 * answer the requests that waited, and on SIGTERM/SIGINT
 * stop accepting, let in-flight requests finish, then close the database cleanly.
 */
export async function serve(
  config: Config,
  options: { heldPort?: HeldPort; portalBuilt?: Promise<void> | undefined } = {},
): Promise<void> {
  const { logger, logRequests } = serverLogger(config);
  const startedAt = performance.now();
  const heldPort = options.heldPort ?? (await holdPort(config));
  const { context, seeded, app } = await getReady(config, { logger, logRequests }, options.portalBuilt).catch(
    async (error: unknown) => {
      await heldPort.release();
      throw error;
    },
  );
  const { contract, database } = context;
  // The provider's portal as its contract names it, in the contract's own language (issue 23).
  const portalName = labelIn(contract.provider.portalName, contract.locale);
  // The requests that came while starting waited on open connections: the real server answers them.
  heldPort.stopListening();
  await app.listen({ port: config.PORT, host: config.HOST }).catch(async (error: unknown) => {
    await heldPort.release();
    throw error;
  });
  void heldPort.handOver(app.server);
  const mailWorker = startMailWorker({
    db: database.db,
    transport: config.SMTP_URL
      ? createSmtpTransport(config.SMTP_URL, {
          from: {
            name: portalName,
            address: config.MAIL_FROM ?? `no-reply@${new URL(config.PUBLIC_URL).hostname}`,
          },
        })
      : undefined,
    clock: context.clock,
    logger,
  });
  const background = startBackgroundWork(context, database, logger);
  const relay = config.DATABASE_URL
    ? startClusterRelay(config.DATABASE_URL, background.holder, logger)
    : undefined;
  const deskMail = await startDeskMailReceiver(context, database, logger);
  const ms = Math.round(performance.now() - startedAt);
  logger.info(
    { contract: contract.id, database: database.kind, seeded, startupMs: ms },
    `Guichet (${portalName}) ready at ${config.PUBLIC_URL} in ${ms} ms`,
  );
  process.stdout.write(`\nGuichet — ${portalName}: ${config.PUBLIC_URL}\n`);
  if (seeded) {
    const people = DEMO_DATA[contract.id]?.people.map((p) => `  ${p.email} (${p.roles.join(", ")})`) ?? [];
    process.stdout.write(
      `Comptes de démonstration, mot de passe « ${DEMO_PASSWORD} » :\n${people.join("\n")}\n`,
    );
  }
  process.stdout.write("\n");

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, "shutting down: finishing in-flight requests");
    try {
      await app.close();
      await deskMail?.close();
      await Promise.all([mailWorker.stop(), background.stop(), relay?.stop()]);
      await database.close();
      logger.info("stopped cleanly");
      process.exit(0);
    } catch (error) {
      logger.error({ err: error }, "unclean shutdown");
      process.exit(1);
    }
  };
  process.once("SIGTERM", () => void stop("SIGTERM"));
  process.once("SIGINT", () => void stop("SIGINT"));
}

/** The deployment opened (migrated, seeded on a first start) and its app built, not yet listening. */
async function getReady(
  config: Config,
  logging: Pick<BuildAppOptions, "logger" | "logRequests">,
  portalBuilt: Promise<void> | undefined,
) {
  const { contract, database, seeded } = await openDeployment(config, () => new Date());
  await portalBuilt;
  const context: AppContext = { config, contract, database, clock: () => new Date() };
  // HTTPS served by Guichet itself, so clients may present certificates (DSN-SEC-03).
  const https =
    config.TLS_CERT_FILE && config.TLS_KEY_FILE
      ? { cert: readFileSync(config.TLS_CERT_FILE), key: readFileSync(config.TLS_KEY_FILE) }
      : undefined;
  return { context, seeded, app: await buildApp(context, { ...logging, ...(https ? { https } : {}) }) };
}
