import multipart from "@fastify/multipart";
import { ticketAttachments, ticketEvents } from "@guichet/db";
import { and, eq } from "drizzle-orm";
import type { FastifyReply, FastifyRequest } from "fastify";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { z } from "zod";
import type { AppContext } from "../../app-context.js";
import { AppError } from "../../http/errors.js";
import { notFound } from "../../http/not-found.js";
import { refuseForbiddenText } from "../../http/validator.js";
import { negotiateLocale, t } from "../../i18n/index.js";
import { authorize } from "../../policies/authorize.js";
import { deskPolicy } from "../../policies/desk-policy.js";
import {
  ATTACHMENT_EXTENSIONS,
  ATTACHMENT_LIMITS,
  type IncomingFile,
  readAttachmentBytes,
  safeFileName,
  validateAttachments,
} from "./attachments.js";
import { ZTicketView } from "./desk-schemas.js";
import { openFromRequest, ZOpenTicketBody } from "./open-from-request.js";
import { postMessage } from "./post-message.js";
import { type DeskRoutesKit, refusalError, ZTicketParams } from "./routes-kit.js";

/** The server's own limits, for the portal to check files before sending them (issue 13). */
const ZAttachmentRules = z
  .object({
    maxBytes: z.number().int(),
    maxFiles: z.number().int(),
    /** Lower-case, with the dot: ".pdf". */
    extensions: z.array(z.string()),
  })
  .meta({ id: "AttachmentRules" });

/**
 * A form with files may be as large as its files may be together, with room for its text fields:
 * under the server's 1 MiB default, a 2 MiB file was refused whole before any rule could name it.
 */
const FORM_BODY_LIMIT = ATTACHMENT_LIMITS.maxBytes * ATTACHMENT_LIMITS.maxFiles + 1024 * 1024;

/** A form field's JSON, or undefined (refused by the schema) when it is absent or not JSON. */
function jsonOf(text: string | undefined): unknown {
  try {
    return text === undefined ? undefined : JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** The files and text fields of a multipart form; a file cut at the size limit reads as too large. */
async function readForm(request: FastifyRequest) {
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
  return { files, fields };
}

/**
 * Files on a ticket: sent with a message from the portal (multipart), read back only by those who
 * may see the message they belong to (an internal note's files stay with the provider). Served
 * as downloads, never rendered inline, so a crafted file cannot run in the portal's origin.
 */
export function attachmentRoutes(context: AppContext, kit: DeskRoutesKit): FastifyPluginAsyncZod {
  const { db } = context.database;
  return async (app) => {
    await app.register(multipart, {
      // A file over the limit is read as truncated and refused by our rule, which names it.
      throwFileSizeLimit: false,
      limits: {
        fileSize: ATTACHMENT_LIMITS.maxBytes,
        files: ATTACHMENT_LIMITS.maxFiles + 1,
        fields: 4,
        // The `ticket` field of an opening holds a description of up to 20,000 characters.
        fieldSize: 100_000,
      },
    });

    app.post(
      "/api/tickets/:ticketId/attachments",
      {
        bodyLimit: FORM_BODY_LIMIT,
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
        const { files, fields } = await readForm(request);
        const visibility = fields.visibility === "internal" ? "internal" : "public";
        const body = fields.body?.trim() || files.map((f) => safeFileName(f.fileName)).join(", ");
        const result = await postMessage(kit.commandFor(request, principal), {
          body,
          visibility,
          channel: principal.via === "session" ? "portal" : "api",
          files,
        });
        kit.outcome(request, result);
        return reply.code(201).send(await kit.viewOf(request));
      },
    );

    app.get(
      "/api/attachments/rules",
      {
        schema: {
          tags: ["desk"],
          summary: "What may be attached to a message: size per file, files per message, file types",
          response: { 200: ZAttachmentRules },
        },
      },
      async () => ({ ...ATTACHMENT_LIMITS, extensions: [...ATTACHMENT_EXTENSIONS] }),
    );

    app.post(
      "/api/tickets/with-files",
      {
        bodyLimit: FORM_BODY_LIMIT,
        schema: {
          tags: ["desk"],
          summary:
            "Open a ticket with files (multipart/form-data: `ticket`, the JSON body of POST /api/tickets, and files); all are kept or none; Idempotency-Key honoured",
          consumes: ["multipart/form-data"],
          response: { 201: ZTicketView, 200: ZTicketView },
        },
      },
      async (request, reply) => {
        authorize(request, deskPolicy.open);
        const { files, fields } = await readForm(request);
        const locale = negotiateLocale(request.headers["accept-language"]);
        // Refused as the JSON route refuses its body (error-handler.ts): each issue names its field.
        const parsed = ZOpenTicketBody.safeParse(jsonOf(fields.ticket));
        if (!parsed.success) {
          const issues = parsed.error.issues.map((issue) => ({
            field: ["ticket", ...issue.path.map(String)].join("."),
            message: issue.message,
          }));
          const detail = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
          throw new AppError("validation_failed", t(locale, "error.validation_failed", { detail }), {
            issues,
          });
        }
        const refusedFile = validateAttachments(files);
        if (refusedFile) throw refusalError(request, refusedFile);
        return openFromRequest(context, request, reply, parsed.data, files);
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
