import type { FastifyRequest, FastifySchemaCompiler, FastifySchemaValidationError } from "fastify";
import { validatorCompiler as zodValidatorCompiler } from "fastify-type-provider-zod";
import type { ZodType } from "zod";
import { negotiateLocale, t } from "../i18n/index.js";
import { AppError } from "./errors.js";
import { FORBIDDEN_TEXT_MESSAGE, hasForbiddenCharacter } from "./input-schemas.js";

// The routes' validator: each route's zod schemas (ZText, ZDate... from input-schemas.ts), then,
// whatever a schema says, no string of the request (nor a key of its objects) may hold a
// character PostgreSQL refuses or no person writes. A field declared as plain z.string() in a
// route written later is still refused with a 400 naming it, never a 500 (issue 14).

/** fastify-type-provider-zod's mark on its validation issues (the error handler reads them). */
const ZOD_ISSUE = Symbol.for("ZodFastifySchemaValidationError");

interface Visit {
  value: unknown;
  key?: string;
  parent?: Visit;
}

function pathOf(visit: Visit): string[] {
  const path: string[] = [];
  for (let at: Visit | undefined = visit; at?.key !== undefined; at = at.parent) path.unshift(at.key);
  return path;
}

/**
 * The path of the first string (or key) holding a forbidden character. Walked with a stack of its
 * own, each step pointing at its parent, so a deeply nested body costs neither the call stack nor
 * a copy of its path per level.
 */
export function forbiddenTextAt(data: unknown): string[] | undefined {
  const pending: Visit[] = [{ value: data }];
  for (let visit = pending.pop(); visit; visit = pending.pop()) {
    const { value } = visit;
    if (typeof value === "string") {
      if (hasForbiddenCharacter(value)) return pathOf(visit);
    } else if (value !== null && typeof value === "object") {
      for (const [key, item] of Object.entries(value)) {
        if (hasForbiddenCharacter(key)) return pathOf(visit);
        pending.push({ value: item, key, parent: visit });
      }
    }
  }
  return undefined;
}

export const validatorCompiler: FastifySchemaCompiler<ZodType> = (route) => {
  const validate = zodValidatorCompiler(route);
  return (data) => {
    const result = validate(data) as { error?: Error | FastifySchemaValidationError[]; value?: unknown };
    if (result.error) return result;
    const path = forbiddenTextAt(data);
    if (!path) return result;
    const issue: FastifySchemaValidationError & { [ZOD_ISSUE]: true } = {
      [ZOD_ISSUE]: true,
      keyword: "custom",
      instancePath: `/${path.join("/")}`,
      schemaPath: `#/${path.join("/")}/custom`,
      message: FORBIDDEN_TEXT_MESSAGE,
      params: {},
    };
    return { error: [issue] };
  };
};

/**
 * The same 400 for texts no schema sees (a multipart form's fields): names the first field
 * holding a forbidden character, as the validator does.
 */
export function refuseForbiddenText(
  request: FastifyRequest,
  fields: Record<string, string>,
  context = "body",
) {
  const field = Object.entries(fields).find(([name, value]) => hasForbiddenCharacter(name + value))?.[0];
  if (field === undefined) return;
  const issues = [{ field: `${context}.${field}`, message: FORBIDDEN_TEXT_MESSAGE }];
  const locale = negotiateLocale(request.headers["accept-language"]);
  throw new AppError(
    "validation_failed",
    t(locale, "error.validation_failed", { detail: `${context}.${field}: ${FORBIDDEN_TEXT_MESSAGE}` }),
    { issues },
  );
}
