import { createReadStream } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { PassThrough } from "node:stream";
import { pipeline } from "node:stream/promises";
import type { Database } from "@guichet/db";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { actorOf } from "../../auth/principal.js";
import { AppError } from "../../http/errors.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { staffPolicy } from "../../policies/staff-policy.js";
import { recordAudit } from "../audit/record-audit.js";
import { writeBackup } from "./backup.js";

/**
 * A backup downloaded from the running server (issue 19), by a provider administrator: the way to
 * back up the embedded database while it serves (PGlite is one process, so `guichet backup` needs
 * the server stopped); on PostgreSQL the same file as `guichet backup`. It holds every customer's
 * data and the password hashes: provider administrators only, and audited.
 */
export function operationsRoutes(context: AppContext, root: Database): FastifyPluginAsyncZod {
  return async (app) => {
    app.get(
      "/api/operations/backup",
      {
        config: { securityHeaders: "download" },
        schema: {
          tags: ["system"],
          summary:
            "A backup of the deployment (database and files, with checksums), as `guichet backup` writes it; restore with `guichet restore` — provider administrators, audited",
          response: {
            200: {
              description: "tar with manifest.json (sha256 of each member), the database dump and the files",
              content: { "application/x-tar": { schema: z.string().meta({ format: "binary" }) } },
            },
          },
        },
      },
      async (request, reply) => {
        const principal = authorize(request, staffPolicy.manage);
        // Checked before answering: once the download has begun, a failure can only cut it short.
        if (root.kind === "postgresql" && !context.config.DATABASE_URL) {
          throw new AppError(
            "conflict",
            t(negotiateLocale(request.headers["accept-language"]), "operations.backup_needs_url"),
          );
        }
        const now = context.clock();
        await recordAudit(
          context.database.db,
          actorOf(principal, request),
          { action: "operations.backup_downloaded", data: { database: root.kind } },
          now,
        );
        // The handler runs in its tenant's transaction, and PGlite is one connection: a dump
        // awaited here would wait for that transaction forever. It is started, not awaited: it
        // takes the database once the transaction (and its audit entry) has committed, and the
        // answer streams as it comes.
        const body = new PassThrough();
        void (async () => {
          const directory = await mkdtemp(join(tmpdir(), "guichet-download-"));
          try {
            const file = join(directory, "guichet.backup");
            await writeBackup(context.config, context.contract, root, file);
            await pipeline(createReadStream(file), body);
          } catch (error) {
            request.log.error({ err: error }, "backup download failed");
            body.destroy(error as Error);
          } finally {
            await rm(directory, { recursive: true, force: true });
          }
        })();
        const stamp = now.toISOString().slice(0, 19).replace(/[-:]/g, "").replace("T", "-");
        // The declared answer is the document's description of bytes; the reply itself streams.
        const streaming: FastifyReply = reply;
        return streaming
          .header("content-type", "application/x-tar")
          .header(
            "content-disposition",
            `attachment; filename="guichet-${context.contract.id}-${stamp}.backup"`,
          )
          .send(body);
      },
    );
  };
}
