import { readFileSync } from "node:fs";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { contractJsonSchema } from "./json-schema.js";

/** The JSON Schema an editor validates a contract file with (issue 22), checked by a real validator. */
const ajv = new Ajv2020({ allErrors: true, strict: false });
addFormats.default(ajv);
const validate = ajv.compile(contractJsonSchema());

function shipped(name: string): Record<string, unknown> {
  return parse(readFileSync(new URL(`../../../../contracts/${name}.yaml`, import.meta.url), "utf8"));
}

/** The third provider of the test suite (test/contracts), unlike both shipped ones. */
const third = parse(
  readFileSync(new URL("../../../../test/contracts/boreal-cloud.yaml", import.meta.url), "utf8"),
);

describe("the contract file's JSON Schema (GEN-01)", () => {
  it.each(["multicloud-ready", "deux-sevres-eservices"])("validates the shipped %s file", (name) => {
    const valid = validate(shipped(name));
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it("validates the test suite's third provider", () => {
    expect(validate(third)).toBe(true);
  });

  it("validates the fourth: five priorities, next-business-day, best-effort and escalation-required targets, German, CHF (issue 23)", () => {
    const fourth = parse(
      readFileSync(new URL("../../../../test/contracts/alpen-cloud.yaml", import.meta.url), "utf8"),
    );
    const valid = validate(fourth);
    expect(validate.errors ?? []).toEqual([]);
    expect(valid).toBe(true);
  });

  it.each(["minimal-offer", "harbour-hosting"])(
    "validates %s, a contract written in one language only, German or English (issue 23)",
    (name) => {
      const file = readFileSync(new URL(`../../../../test/contracts/${name}.yaml`, import.meta.url), "utf8");
      const valid = validate(parse(file));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    },
  );

  it("refuses a broken file, at the key that is wrong", () => {
    const broken = shipped("multicloud-ready");
    const priorities = broken.priorities as Record<string, unknown>;
    priorities.default = "P 9";
    broken.supportPlan = {};
    expect(validate(broken)).toBe(false);
    const where = (validate.errors ?? []).map((error) => `${error.instancePath} ${error.keyword}`);
    expect(where).toEqual(expect.arrayContaining(["/priorities/default pattern", " additionalProperties"]));
  });

  it("is the one committed in docs/, which the shipped files name for editors", () => {
    const committed = readFileSync(
      new URL("../../../../docs/contract-file.schema.json", import.meta.url),
      "utf8",
    );
    // After a schema change: `npx guichet contract schema > docs/contract-file.schema.json`.
    expect(JSON.parse(committed)).toEqual(contractJsonSchema());
  });

  it("describes the file as written: durations and targets are text, ids follow the contract's form", () => {
    const schema = contractJsonSchema() as { properties: Record<string, { pattern?: string }> };
    expect(schema.properties.id?.pattern).toBe("^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$");
    const broken = shipped("deux-sevres-eservices");
    (broken.sla as { autoClose?: unknown }).autoClose = {
      after: 5,
      calendar: "working-hours",
      clause: "DSN-SUP-05",
    };
    expect(validate(broken)).toBe(false);
  });
});
