import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { hasZodFastifySchemaValidationErrors } from "fastify-type-provider-zod";
import { negotiateLocale, readingRequest, t } from "../i18n/index.js";
import { AppError, type ErrorCode } from "./errors.js";

interface ErrorBody {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/** Fastify's own error codes for bad input, mapped to ours. */
const FASTIFY_CODES: Record<string, ErrorCode> = {
  FST_ERR_CTP_INVALID_JSON_BODY: "malformed_json",
  FST_ERR_CTP_EMPTY_JSON_BODY: "malformed_json",
  FST_ERR_CTP_BODY_TOO_LARGE: "payload_too_large",
  FST_ERR_CTP_INVALID_MEDIA_TYPE: "unsupported_media_type",
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: "validation_failed",
};

function send(reply: FastifyReply, status: number, body: ErrorBody) {
  return reply.code(status).type("application/json; charset=utf-8").send(body);
}

/**
 * The one place errors become HTTP answers: typed AppErrors keep their code; schema
 * validation names each field; Fastify's parser errors become 4xx; anything else is a 500
 * whose details never leave the server (logged with the request id).
 */
export function installErrorHandling(
  app: FastifyInstance,
  bodyLimit: number,
  /** Answers the addresses the portal's own router owns, when the portal is served. */
  pageFallback?: (request: FastifyRequest, reply: FastifyReply) => unknown,
): void {
  // In the reader's catalogues (issue 23): a parser's error arrives outside the request's handling.
  app.setErrorHandler((error: FastifyError, request: FastifyRequest, reply: FastifyReply) =>
    readingRequest(request, () => answerError(error, request, reply, bodyLimit)),
  );
  app.setNotFoundHandler((request, reply) => readingRequest(request, () => answerNotFound(request, reply)));

  function answerNotFound(request: FastifyRequest, reply: FastifyReply) {
    const page = pageFallback?.(request, reply);
    if (page) return page;
    const locale = negotiateLocale(request.headers["accept-language"]);
    return send(reply, 404, {
      code: "not_found",
      message: t(locale, "error.not_found", { method: request.method, url: request.url.split("?")[0] ?? "" }),
      details: {},
    });
  }
}

function answerError(error: FastifyError, request: FastifyRequest, reply: FastifyReply, bodyLimit: number) {
  const locale = negotiateLocale(request.headers["accept-language"]);
  if (error instanceof AppError) {
    return send(reply, error.status, { code: error.code, message: error.message, details: error.details });
  }
  if (hasZodFastifySchemaValidationErrors(error)) {
    const issues = error.validation.map((v) => ({
      field: [error.validationContext, ...v.instancePath.split("/").filter(Boolean)].join("."),
      message: v.message ?? "invalid",
    }));
    const detail = issues.map((i) => `${i.field}: ${i.message}`).join("; ");
    return send(reply, 400, {
      code: "validation_failed",
      message: t(locale, "error.validation_failed", { detail }),
      details: { issues },
    });
  }
  const mapped = error.code ? FASTIFY_CODES[error.code] : undefined;
  if (mapped) {
    const key = mapped === "payload_too_large" ? "error.payload_too_large" : `error.${mapped}`;
    return send(reply, error.statusCode ?? 400, {
      code: mapped,
      message: t(locale, key as "error.malformed_json", { detail: error.message, limit: bodyLimit }),
      details: {},
    });
  }
  if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
    return send(reply, error.statusCode, {
      code: "validation_failed",
      message: t(locale, "error.bad_request", { detail: error.message }),
      details: {},
    });
  }
  request.log.error({ err: error }, "unhandled error");
  return send(reply, 500, {
    code: "internal",
    message: t(locale, "error.internal", { requestId: request.id }),
    details: { requestId: request.id },
  });
}
