import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { DatabaseKind } from "@guichet/db";
import { FOCUS_SAMPLE } from "../../src/modules/billing/focus-files.test-helper.js";
import { createOrganisation, createUser, type TestUser } from "./factories.js";
import { signInAs } from "./session.js";
import { createTestApp, type TestApp } from "./test-app.js";

/**
 * A MultiCloud Ready app whose cost files live in a fresh data directory, with a provider and its
 * billing staff member (who imports FOCUS files): the start of every billing HTTP test.
 */
export async function billingTestApp(
  kind: DatabaseKind,
  postgresUrl: string,
  now: Date,
): Promise<{ t: TestApp; dataDir: string; billing: TestUser; providerId: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "guichet-billing-http-"));
  const t = await createTestApp(kind, postgresUrl, "multicloud-ready", {
    clock: () => now,
    env: { GUICHET_DATA_DIR: dataDir },
  });
  const provider = await createOrganisation(t.database.db, "provider");
  const billing = await createUser(t.database.db, provider.id, ["billing"], { totp: true });
  return { t, dataDir, billing, providerId: provider.id };
}

/** Imports the FinOps FOCUS sample by API as `billing` staff; returns the response. */
export async function importSample(t: TestApp, billing: TestUser, now: Date) {
  const form = new FormData();
  form.append("files", new Blob([readFileSync(FOCUS_SAMPLE)]), "focus_sample_1.0.csv");
  return t.app.inject({
    method: "POST",
    url: "/api/billing/cost-imports",
    headers: (await signInAs(t.app, billing, now)).headers,
    payload: form,
  });
}
