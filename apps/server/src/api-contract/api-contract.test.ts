import { readFileSync } from "node:fs";
import { resolve } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { NO_CONTENT } from "../http/api-schemas.js";
import { apiDocument } from "./document.js";
import { portalApiFiles } from "./generate.js";

// One API contract for the server and the portal (issue 15): the OpenAPI document describes every
// answer of every route, and the portal's types are generated from it, never written by hand.

interface Operation {
  responses?: Record<string, { description?: string; content?: Record<string, { schema?: unknown }> }>;
}

const root = resolve(import.meta.dirname, "../../../..");
const API_ERROR = { $ref: "#/components/schemas/ApiError" };

describe("the API contract", () => {
  let document: Record<string, unknown>;
  beforeAll(async () => {
    document = await apiDocument();
  }, 180_000);

  it("describes the success and the error bodies of every route", () => {
    const paths = document.paths as Record<string, Record<string, Operation>>;
    const undescribed: string[] = [];
    let routes = 0;
    for (const [path, operations] of Object.entries(paths)) {
      for (const [method, operation] of Object.entries(operations)) {
        routes++;
        const route = `${method.toUpperCase()} ${path}`;
        const responses = operation.responses ?? {};
        const success = Object.entries(responses).filter(([status]) => /^2\d\d$/.test(status));
        if (success.length === 0 || success.some(([, r]) => !hasSchema(r) && r.description !== NO_CONTENT))
          undescribed.push(
            `${route}: no schema for its success body (schema.response[2xx], ZNoContent if none)`,
          );
        for (const range of ["4XX", "5XX"]) {
          const body = responses[range]?.content?.["application/json"]?.schema;
          if (JSON.stringify(body) !== JSON.stringify(API_ERROR))
            undescribed.push(`${route}: its ${range} answers are not the ApiError body`);
        }
      }
    }
    expect(undescribed, "declare each route's answers (ARCHITECTURE.md, 'Adding a route')").toEqual([]);
    expect(routes).toBeGreaterThanOrEqual(47);
  });

  it("names the shared schemas the portal reads", () => {
    const schemas = Object.keys((document.components as { schemas: object }).schemas);
    for (const name of ["ApiError", "Role", "Priority", "TicketStatus", "Ticket", "User", "ContractSummary"])
      expect(schemas).toContain(name);
  });

  it("is what the portal's committed types were generated from (npm run api:generate)", async () => {
    const files = await portalApiFiles(document);
    for (const [path, text] of Object.entries(files)) {
      const committed = readFileSync(resolve(root, path), "utf8");
      expect(
        committed === text,
        `${path} differs from the server's OpenAPI document: run npm run api:generate`,
      ).toBe(true);
    }
  });

  it("gives the portal the same shapes whichever contract the server runs (only summaries cite other clauses)", {
    timeout: 180_000,
  }, async () => {
    const other = await apiDocument("deux-sevres-eservices");
    expect(shapesOf(other)).toEqual(shapesOf(document));
  });
});

function hasSchema(response: { content?: Record<string, { schema?: unknown }> }): boolean {
  const content = Object.values(response.content ?? {});
  return content.length > 0 && content.every((c) => c.schema !== undefined);
}

/** The document without its words for people: titles and route summaries name the contract's clauses. */
function shapesOf(document: Record<string, unknown>): unknown {
  return JSON.parse(
    JSON.stringify({ paths: document.paths, components: document.components }),
    (key, value) => (key === "summary" ? undefined : value),
  );
}
