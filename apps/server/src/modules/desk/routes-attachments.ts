import multipart from "@fastify/multipart";
import { ticketAttachments, ticketEvents } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { FastifyReply } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { refuseForbiddenText } from "../../http/validator.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { deskPolicy } from "../../policies/desk-policy.js";
import { ATTACHMENT_LIMITS, type IncomingFile, readAttachmentBytes, safeFileName } from "./attachments.js";
import { ZTicketView } from "./desk-schemas.js";
import { postMessage } from "./post-message.js";
import { type DeskRoutesKit, ZTicketParams } from "./routes-kit.js";

/**
 * Files on a ticket: sent with a message from the portal (multipart), read back only by those who
 * may see the message they belong to (an internal note's files stay with the provider). Served
 * as downloads, never rendered inline, so a crafted file cannot run in the portal's origin.
 */
export function attachmentRoutes(context: AppContext, kit: DeskRoutesKit): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    await app.register(multipart, {
      limits: {
        fileSize: ATTACHMENT_LIMITS.maxBytes,
        files: ATTACHMENT_LIMITS.maxFiles + 1,
        fields: 4,
        fieldSize: 20_000,
      },
    });

    app.post(
      "/api/tickets/:ticketId/attachments",
      {
        schema: {
          tags: ["desk"],
          summary:
            "A message with files (multipart/form-data: body, visibility, files); all are kept or none",
          consumes: ["multipart/form-data"],
          params: ZTicketParams,
          response: { 201: ZTicketView },
        },
      },
      async (request, reply) => {
        const { principal } = await kit.allowedOn(request, deskPolicy.takePart);
        if (!request.isMultipart()) {
          const locale = negotiateLocale(request.headers["accept-language"]);
          throw new AppError("unsupported_media_type", t(locale, "desk.multipart_expected"));
        }
        const files: IncomingFile[] = [];
        const fields: Record<string, string> = {};
        for await (const part of request.parts()) {
          if (part.type === "file") {
            const content = await part.toBuffer().catch(() => Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1));
            // A file cut at the size limit is refused as too large rather than kept truncated.
            files.push({
              fileName: part.filename,
              content: part.file.truncated ? Buffer.alloc(ATTACHMENT_LIMITS.maxBytes + 1) : content,
            });
          } else if (typeof part.value === "string") {
            fields[part.fieldname] = part.value;
          }
        }
        refuseForbiddenText(request, fields);
        const visibility = fields.visibility === "internal" ? "internal" : "public";
        const body = fields.body?.trim() || files.map((f) => safeFileName(f.fileName)).join(", ");
        const result = await postMessage(kit.commandFor(request, principal), {
          body,
          visibility,
          channel: principal.via === "api_token" ? "api" : "portal",
          files,
        });
        kit.outcome(request, result);
        return reply.code(201).send(await kit.viewOf(request));
      },
    );

    app.get(
      "/api/tickets/:ticketId/attachments/:attachmentId",
      {
        // Content-Security-Policy `sandbox` and nosniff (security-headers.ts): a file is never run.
        config: { securityHeaders: "download" },
        schema: {
          tags: ["desk"],
          summary: "Download a file of the ticket",
          params: z.strictObject({ ticketId: z.uuid(), attachmentId: z.uuid() }),
          response: {
            200: {
              description: "The file's bytes, in the content type it was sent with",
              content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
            },
          },
        },
      },
      async (request, reply) => {
        const { side } = await kit.allowedOn(request, deskPolicy.view);
        const [file] = await db
          .select({ attachment: ticketAttachments, visibility: ticketEvents.visibility })
          .from(ticketAttachments)
          .innerJoin(ticketEvents, eq(ticketEvents.seq, ticketAttachments.eventSeq))
          .where(
            and(
              eq(ticketAttachments.id, request.params.attachmentId),
              eq(ticketAttachments.ticketId, request.params.ticketId),
            ),
          );
        if (!file || (file.visibility === "internal" && side !== "provider"))
          throw notFound(request, "ticket");
        const bytes = await readAttachmentBytes(context, file.attachment.sha256);
        const name = file.attachment.fileName;
        // Bytes go out as they are (Fastify serializes no Buffer): the route's schema documents them.
        const bytesReply: FastifyReply = reply;
        return bytesReply
          .header("content-type", file.attachment.contentType)
          .header(
            "content-disposition",
            `attachment; filename="${name.replace(/[^\x20-\x7e]/g, "_")}"; filename*=UTF-8''${encodeURIComponent(name)}`,
          )
          .send(bytes);
      },
    );
  };
}
