import fc from "fast-check";

// Requests for every route of the OpenAPI document, generated from its own schemas: values that
// pass the schema where one can be made, then one part replaced by something a fuzzer or a
// careless client sends (issue 14, part 1). Used by hostile-routes.http.test.ts.

type Schema = Record<string, unknown>;
export interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema?: Schema }[];
  /** The media types of the declared body, if any. */
  bodies: Record<string, Schema>;
}

export interface HostileRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  /** What was sent, said for a failure's message. */
  described: string;
}

/** The document's operations, in its order: routes added later are walked without a change here. */
export function operationsOf(document: { paths: Record<string, Record<string, unknown>> }): Operation[] {
  const operations: Operation[] = [];
  for (const [path, methods] of Object.entries(document.paths)) {
    for (const [method, value] of Object.entries(methods)) {
      const operation = value as {
        parameters?: Operation["parameters"];
        requestBody?: { content?: Record<string, { schema?: Schema }> };
      };
      const bodies: Record<string, Schema> = {};
      for (const [type, content] of Object.entries(operation.requestBody?.content ?? {}))
        bodies[type] = content.schema ?? {};
      operations.push({ method: method.toUpperCase(), path, parameters: operation.parameters ?? [], bodies });
    }
  }
  return operations;
}

/** A string PostgreSQL, a parser or a renderer may choke on. */
const HOSTILE_STRINGS = [
  "a\u0000b",
  "\u0000",
  "\ud800",
  "x\udfffy",
  "\udc00\ud800",
  "\u0007\u001b[31m\u007f",
  "\u0085\u009f",
  "\u202e\ufeff\u200b",
  "'; drop table tickets; --",
  "../../../etc/passwd",
  "$\u007bjndi:ldap://x}{{7*7}}<script>alert(1)</script>",
  "%00%ff%",
  "9".repeat(400),
  "é".repeat(70_000),
  "",
  " ",
];
const HOSTILE_NUMBERS = [1e308, -1e308, 2 ** 53 + 1, -(2 ** 63), 2 ** 64, 1e21, 0.5, -1, 0, 1e-300, -0];
const FAR_DATES = [
  "0000-01-01",
  "0001-01-01",
  "1899-12-31",
  "9999-12-31",
  "275760-09-13",
  "2026-02-30",
  "0000-01-01T00:00:00Z",
  "0001-01-01T00:00:00+14:00",
  "9999-12-31T23:59:59Z",
  "+275760-09-13T00:00:00Z",
  "-000001-01-01T00:00:00Z",
  "0001-01",
  "9999-12",
  "2026-13",
  "2026-00",
];
const WRONG_TYPES: unknown[] = [
  null,
  true,
  false,
  [],
  {},
  [1, "a"],
  { a: { b: [] } },
  0,
  "1",
  JSON.parse('{"__proto__": {"polluted": true}}'),
];

export const hostileValue: fc.Arbitrary<unknown> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.constantFrom(...FAR_DATES),
  fc.constantFrom(...WRONG_TYPES),
  fc.string({ unit: "binary", maxLength: 20 }),
  fc.jsonValue({ maxDepth: 3 }),
);

/** Text for a query or a path: no types there, so strings, numbers and dates as text. */
const hostileText: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS, ...FAR_DATES, ...HOSTILE_NUMBERS.map(String), "NaN", "Infinity"),
  fc.string({ unit: "binary", maxLength: 20 }),
);

/** Raw percent-encodings no encoder writes: a lone surrogate as CESU-8, an overlong NUL, bad UTF-8. */
const RAW_ESCAPES = ["%ED%A0%80", "%C0%80", "%FF%FE", "%E2%82", "%", "%%00", "%u0000"];

export interface Known {
  /** Real ids by parameter name ({ticketId}, organisationId...), so requests reach past "not found". */
  ids: Record<string, string>;
}

function resolve(schema: Schema, components: Record<string, Schema>): Schema {
  let at = schema;
  for (let hops = 0; typeof at.$ref === "string" && hops < 10; hops++) {
    at = components[(at.$ref as string).split("/").pop() ?? ""] ?? {};
  }
  return at;
}

/** A value meant to pass the schema (it may not, which is also fine to send). */
export function validValue(
  schema: Schema | undefined,
  components: Record<string, Schema>,
  known: Known,
  name = "",
  depth = 0,
): fc.Arbitrary<unknown> {
  if (!schema || depth > 6) return fc.constant("x");
  const s = resolve(schema, components);
  const choices = (s.anyOf ?? s.oneOf) as Schema[] | undefined;
  if (choices) return fc.oneof(...choices.map((c) => validValue(c, components, known, name, depth + 1)));
  if (Array.isArray(s.enum)) return fc.constantFrom(...(s.enum as unknown[]));
  if ("const" in s) return fc.constant(s.const);
  const type = Array.isArray(s.type) ? (s.type as string[])[0] : (s.type as string | undefined);
  switch (type) {
    case "string":
      return validString(s, known, name);
    case "integer":
    case "number": {
      const min = typeof s.minimum === "number" ? s.minimum : 0;
      const max = typeof s.maximum === "number" ? s.maximum : min + 100;
      return type === "integer"
        ? fc.integer({ min: Math.ceil(min), max: Math.floor(Math.min(max, Number.MAX_SAFE_INTEGER)) })
        : fc.double({ min, max, noNaN: true });
    }
    case "boolean":
      return fc.boolean();
    case "null":
      return fc.constant(null);
    case "array": {
      const minLength = typeof s.minItems === "number" ? s.minItems : 0;
      const maxLength = Math.max(minLength, Math.min(typeof s.maxItems === "number" ? s.maxItems : 3, 3));
      return fc.array(validValue(s.items as Schema, components, known, name, depth + 1), {
        minLength,
        maxLength,
      });
    }
    case "object": {
      const properties = (s.properties ?? {}) as Record<string, Schema>;
      const record: Record<string, fc.Arbitrary<unknown>> = {};
      for (const [key, property] of Object.entries(properties))
        record[key] = validValue(property, components, known, key, depth + 1);
      return fc.record(record, { requiredKeys: (s.required as string[] | undefined) ?? [] });
    }
    default:
      return fc.jsonValue({ maxDepth: 2 });
  }
}

function validString(s: Schema, known: Known, name: string): fc.Arbitrary<string> {
  const id = known.ids[name];
  if (s.format === "uuid")
    return id ? fc.constantFrom(id, id, "00000000-0000-4000-8000-000000000000") : fc.uuid();
  if (id) return fc.constant(id);
  if (s.format === "date") return fc.constantFrom("2026-11-23", "2027-01-01", "2026-01-31");
  if (s.format === "date-time") return fc.constantFrom("2026-11-23T10:00:00Z", "2027-01-05T07:00:00+01:00");
  if (s.format === "email") return fc.constantFrom("someone@example.fr", known.ids.email ?? "x@example.fr");
  if (typeof s.pattern === "string") {
    try {
      return fc.stringMatching(new RegExp(s.pattern)).filter((text) => text.length <= 300);
    } catch {
      // a pattern JavaScript cannot compile: any text
    }
  }
  const minLength = typeof s.minLength === "number" ? s.minLength : 0;
  const maxLength = Math.max(minLength, Math.min(typeof s.maxLength === "number" ? s.maxLength : 40, 40));
  return fc.string({ minLength, maxLength });
}

/** Replaces the leaf at `index` (modulo the leaves) of a JSON value by `replacement`. */
function replaceLeaf(value: unknown, index: number, replacement: unknown): unknown {
  const leaves: { parent: Record<string, unknown> | unknown[]; key: string | number }[] = [];
  const walk = (node: unknown) => {
    if (Array.isArray(node))
      node.forEach((item, key) => {
        leaves.push({ parent: node, key });
        walk(item);
      });
    else if (node !== null && typeof node === "object")
      for (const [key, item] of Object.entries(node)) {
        leaves.push({ parent: node as Record<string, unknown>, key });
        walk(item);
      }
  };
  const copy = structuredClone(value);
  walk(copy);
  const leaf = leaves[index % Math.max(leaves.length, 1)];
  if (!leaf) return replacement;
  (leaf.parent as Record<string | number, unknown>)[leaf.key] = replacement;
  return copy;
}

function deepJson(depth: number, kind: "array" | "object"): string {
  return kind === "array"
    ? `${"[".repeat(depth)}${"]".repeat(depth)}`
    : `${'{"a":'.repeat(depth)}1${"}".repeat(depth)}`;
}

/** JSON text that keeps a lone surrogate as its escape (JSON.stringify does) and a key mutated too. */
const jsonBody = (value: unknown) => JSON.stringify(value);

function multipart(
  fileName: string,
  contentType: string,
  content: string,
  text: string,
): { body: Buffer; type: string } {
  const boundary = "----guichetfuzz";
  const body = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="body"\r\n\r\n${text}\r\n`),
    Buffer.from(
      `--${boundary}\r\nContent-Disposition: form-data; name="files"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
    ),
    Buffer.from(content),
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { body, type: `multipart/form-data; boundary=${boundary}` };
}

function encodeText(text: string): string {
  try {
    return encodeURIComponent(text);
  } catch {
    // A lone surrogate: sent as the bytes a broken client would write.
    return text.replace(/[\ud800-\udfff]/g, "%ED%A0%80").replace(/[^%\w]/g, (c) => encodeURIComponent(c));
  }
}

/** A text for a query or a path made hostile: as text, as raw escapes, or a parameter given twice. */
function hostileParameter(name: string): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: hostileText.map(encodeText) },
    { weight: 2, arbitrary: fc.constantFrom(...RAW_ESCAPES) },
    // The same parameter twice: an array where a text is expected.
    { weight: 1, arbitrary: fc.constant(`a&${name}=b`) },
  );
}

/** A body meant to pass, then a body made hostile: one leaf, the whole of it, or its text. */
function bodies(operation: Operation, components: Record<string, Schema>, known: Known) {
  type Sent = { payload?: string | Buffer; type?: string; shown?: string };
  const schema = operation.bodies["application/json"];
  if (operation.method === "GET") return { valid: fc.constant<Sent>({}), hostile: fc.constant<Sent>({}) };
  if (!schema) {
    const file = fc
      .tuple(
        fc.constantFrom(
          "a\u0000.txt",
          "\ud800.log",
          "../../x.pdf",
          "x".repeat(600),
          "",
          "ok.txt",
          "w.exe",
          "r.docx",
        ),
        fc.constantFrom("text/plain", "application/pdf", "\u0000", "x/y; charset=\ud800"),
        fc.constantFrom("hello", "\u0000\u0001", "%PDF-1.4"),
        fc.constantFrom("Bonjour", "", "a\u0000b", "\u001b[2J"),
      )
      .map(([name, type, content, text]): Sent => {
        const sent = multipart(name, type, content, text);
        const shown = `file ${JSON.stringify(name)} (${type}), body ${JSON.stringify(text)}`;
        return { payload: sent.body, type: sent.type, shown };
      });
    return {
      valid: fc.oneof(fc.constant<Sent>({}), file),
      hostile: fc.oneof(
        file,
        hostileValue.map((v): Sent => ({ payload: jsonBody(v) })),
      ),
    };
  }
  const valid = validValue(schema, components, known);
  return {
    valid: valid.map((v): Sent => ({ payload: jsonBody(v) })),
    hostile: fc.oneof(
      {
        weight: 6,
        arbitrary: fc
          .tuple(valid, fc.nat(), hostileValue)
          .map(
            ([value, index, hostile]): Sent => ({ payload: jsonBody(replaceLeaf(value, index, hostile)) }),
          ),
      },
      { weight: 1, arbitrary: hostileValue.map((v): Sent => ({ payload: jsonBody(v) })) },
      {
        weight: 1,
        arbitrary: fc
          .tuple(fc.constantFrom(5_000, 100_000), fc.constantFrom("array" as const, "object" as const))
          .map(([depth, kind]): Sent => ({ payload: deepJson(depth, kind) })),
      },
      {
        weight: 1,
        arbitrary: fc
          .constantFrom('{"title": "a\\u0000"', '{"\\u0000": 1}', "\ud800", "{}", "null", "[]")
          .map((payload): Sent => ({ payload })),
      },
    ),
  };
}

/**
 * Requests for one operation: a request meant to pass its schemas (real ids where the document
 * names them), then exactly one part of it made hostile (a path parameter, a query parameter,
 * the body or a header), or none, so that each hostile part reaches as far as it can.
 */
export function hostileRequests(
  operation: Operation,
  components: Record<string, Schema>,
  known: Known,
): fc.Arbitrary<HostileRequest> {
  const pathParameters = operation.parameters.filter((p) => p.in === "path");
  const queryParameters = operation.parameters.filter((p) => p.in === "query");
  const headerParameters = operation.parameters.filter((p) => p.in === "header");
  const asText = (p: Operation["parameters"][number]) =>
    validValue(p.schema, components, known, p.name).map((v) => encodeText(String(v)));
  const body = bodies(operation, components, known);
  // Where the hostile part goes: 0..n-1 a path parameter, then the query's, the body, a header, nowhere.
  const places = pathParameters.length + queryParameters.length + 3;

  const request = fc.tuple(
    fc.tuple(...pathParameters.map(asText)),
    fc.tuple(...queryParameters.map((p) => fc.option(asText(p), { freq: 2 }))),
    fc.nat({ max: places - 1 }),
  );
  return request.chain(([paths, queries, place]) => {
    const inPath = place < pathParameters.length;
    const queryIndex = place - pathParameters.length;
    const inQuery = queryIndex >= 0 && queryIndex < queryParameters.length;
    const inBody = place === pathParameters.length + queryParameters.length;
    const inHeader = place === places - 2;
    const hostile = inPath
      ? hostileParameter(pathParameters[place]?.name ?? "")
      : inQuery
        ? hostileParameter(queryParameters[queryIndex]?.name ?? "")
        : fc.constant("");
    return fc
      .tuple(
        hostile,
        inBody ? body.hostile : body.valid,
        fc.tuple(
          ...headerParameters.map(() =>
            inHeader
              ? fc.constantFrom("x".repeat(300), "é\u00ff", "a\tb", "")
              : fc.option(fc.uuid(), { freq: 2 }),
          ),
        ),
      )
      .map(([bad, sent, headers]) => {
        const pathValues = [...paths];
        const queryValues = [...queries];
        if (inPath) pathValues[place] = bad;
        if (inQuery) queryValues[queryIndex] = bad;
        let index = 0;
        const path = operation.path.replace(/\{(\w+)\}/g, () => pathValues[index++] ?? "x");
        const query = queryParameters
          .map((p, i) => (queryValues[i] === null ? null : `${p.name}=${queryValues[i]}`))
          .filter((q): q is string => q !== null)
          .join("&");
        const url = query ? `${path}?${query}` : path;
        const requestHeaders: Record<string, string> = {};
        if (sent.payload !== undefined) requestHeaders["content-type"] = sent.type ?? "application/json";
        headerParameters.forEach((p, i) => {
          const value = headers[i];
          if (value !== null && value !== undefined)
            requestHeaders[p.name] = Buffer.from(value).toString("latin1");
        });
        const shown = typeof sent.payload === "string" ? sent.payload.slice(0, 300) : (sent.shown ?? "");
        return {
          method: operation.method,
          url,
          headers: requestHeaders,
          ...(sent.payload === undefined ? {} : { payload: sent.payload }),
          described: `${operation.method} ${url.slice(0, 300)} ${shown}`,
        };
      });
  });
}
