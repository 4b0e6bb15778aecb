import type { z } from "zod";
import { describeValue } from "./describe-value.js";

/**
 * Turns validation issues into lines an operator can act on: the key's path, then what was
 * expected and what was found. The error map below is passed to each parse, so it words
 * every issue a schema did not word itself; a schema's own message always wins.
 */

type RawIssue = z.core.$ZodRawIssue;

const EXPECTED: Record<string, string> = {
  string: "a string",
  number: "a number",
  int: "a whole number",
  boolean: "true or false",
  object: "a mapping (key: value)",
  record: "a mapping (key: value)",
  array: "a list",
  tuple: "a list",
};

function quoteAll(values: readonly unknown[]): string {
  return values.map((v) => JSON.stringify(v)).join(", ");
}

/** Keys an object schema accepts, read from the schema that refused the unknown ones. */
function allowedKeys(issue: RawIssue): string {
  const def = (issue.inst as { _zod?: { def?: { shape?: Record<string, unknown> } } } | undefined)?._zod?.def;
  return def?.shape ? Object.keys(def.shape).join(", ") : "";
}

/**
 * Marker between the allowed keys and the rest: an unrecognized_keys issue covers several keys
 * at once, and formatIssue writes one line per key.
 */
const ALLOWED = "allowed: ";

export function contractErrorMap(issue: RawIssue): string | undefined {
  const input = issue.input;
  switch (issue.code) {
    case "invalid_type":
      if (input === undefined) return "required";
      return `expected ${EXPECTED[issue.expected] ?? issue.expected}, got ${describeValue(input)}`;
    case "unrecognized_keys":
      return `${ALLOWED}${allowedKeys(issue)}`;
    case "invalid_value":
      if (issue.values.length === 1) return `expected ${quoteAll(issue.values)}, got ${describeValue(input)}`;
      return `expected one of ${quoteAll(issue.values)}, got ${describeValue(input)}`;
    case "invalid_union": {
      const discriminator = (issue as { discriminator?: string }).discriminator;
      const options = (issue as { options?: unknown[] }).options;
      if (discriminator && options) {
        const value =
          input && typeof input === "object" ? (input as Record<string, unknown>)[discriminator] : input;
        if (value === undefined) return "required";
        return `expected one of ${quoteAll(options)}, got ${describeValue(value)}`;
      }
      if (input === undefined) return "required";
      return `got ${describeValue(input)}, which matches none of the accepted forms`;
    }
    case "too_small":
      if (issue.origin === "string" && Number(issue.minimum) === 1) return "expected a non-empty string";
      if (issue.origin === "array") return `expected at least ${issue.minimum} item(s)`;
      return `expected ${issue.inclusive === false ? "more than" : "at least"} ${issue.minimum}, got ${describeValue(input)}`;
    case "too_big":
      if (issue.origin === "array") return `expected at most ${issue.maximum} item(s)`;
      return `expected ${issue.inclusive === false ? "less than" : "at most"} ${issue.maximum}, got ${describeValue(input)}`;
    case "invalid_format":
      if (issue.format === "regex")
        return `expected text matching ${issue.pattern}, got ${describeValue(input)}`;
      return `expected ${issue.format === "email" ? "an e-mail address" : `a valid ${issue.format}`}, got ${describeValue(input)}`;
    case "invalid_key":
      return `invalid key ${describeValue(input)}`;
    default:
      return undefined;
  }
}

/** A key path as a reader writes it: `supportPlans.premium.sla`, `catalogue.items[3].id`. */
export function formatPath(path: readonly PropertyKey[]): string {
  if (path.length === 0) return "(top level)";
  let out = "";
  for (const segment of path) {
    if (typeof segment === "number") out += `[${segment}]`;
    else {
      const key = String(segment);
      out += /^[A-Za-z0-9_-]+$/.test(key) ? `${out ? "." : ""}${key}` : `[${JSON.stringify(key)}]`;
    }
  }
  return out;
}

export interface PathIssue {
  /** The key's path, as segments. */
  path: PropertyKey[];
  message: string;
}

/** One zod issue as one or more (path, message) pairs: one per unknown key. */
export function splitIssue(issue: z.core.$ZodIssue): PathIssue[] {
  if (issue.code === "unrecognized_keys") {
    const allowed = issue.message.startsWith(ALLOWED) ? issue.message.slice(ALLOWED.length) : "";
    return issue.keys.map((key) => ({
      path: [...issue.path, key],
      message: allowed ? `unknown key "${key}" (allowed: ${allowed})` : `unknown key "${key}"`,
    }));
  }
  if (issue.code === "invalid_key") {
    const inner = issue.issues[0]?.message;
    return [{ path: [...issue.path], message: inner ? `invalid key: ${inner}` : "invalid key" }];
  }
  return [{ path: [...issue.path], message: issue.message }];
}
