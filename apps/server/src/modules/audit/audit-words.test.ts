import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { TICKET_ACTIONS } from "@guichet/domain";
import { describe, expect, it } from "vitest";
import { describeAuditEntry, hasAuditWords } from "./describe-entry.js";

const SOURCE = join(import.meta.dirname, "../..");

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) => {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts") ? [path] : [];
  });
}

/** Every action the server records: its literals, and those it builds from a list. */
function recordedActions(): string[] {
  const literals = sourceFiles(SOURCE).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(/\baction: "([a-z_.]+)"/g)].map((match) => match[1] as string),
  );
  const built = [
    ...TICKET_ACTIONS.map((action) => `ticket.${action}`),
    ...["suspend", "resume", "terminate"].map((action) => `subscription.vendor_${action}`),
  ];
  return [...new Set([...literals, ...built])].filter((action) => !action.startsWith("test."));
}

describe("the audit trail in words (issue 13)", () => {
  it("has a sentence in both languages for every action the server records", () => {
    const actions = recordedActions();
    expect(actions.length).toBeGreaterThan(50);
    expect(actions.filter((action) => !hasAuditWords(action))).toEqual([]);
  });

  it("says what happened in the reader's language, with the facts labelled", () => {
    const entry = {
      action: "staff.change_roles",
      data: { roles: ["admin", "billing"], clause: "DSN-ID-01" },
    };
    expect(describeAuditEntry("fr", entry)).toEqual({
      summary: "Rôles d'un membre de l'équipe changés",
      details: [
        { label: "Rôles", value: "admin, billing" },
        { label: "Clause", value: "DSN-ID-01" },
      ],
    });
    expect(describeAuditEntry("en", entry).summary).toBe("A team member's roles changed");
  });

  it("shows an action without words by its code and an unnamed fact by its name, never nothing", () => {
    expect(describeAuditEntry("fr", { action: "future.thing", data: { size: 3, empty: null } })).toEqual({
      summary: "future.thing",
      details: [{ label: "size", value: "3" }],
    });
  });
});
