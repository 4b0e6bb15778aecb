import { type Db, deployment } from "@guichet/db";
import { eq } from "drizzle-orm";

export class DeploymentMismatchError extends Error {}

/**
 * One database serves one deployment: the first start records the contract id, and a later
 * start with another contract is refused rather than mixing two providers' data.
 * Returns true when the database was new to this deployment.
 */
export async function bindDeployment(db: Db, contractId: string): Promise<boolean> {
  const inserted = await db
    .insert(deployment)
    .values({ id: "this", contractId })
    .onConflictDoNothing()
    .returning({ id: deployment.id });
  if (inserted.length > 0) return true;
  await checkDeployment(db, contractId);
  return false;
}

/** Refuses a database recorded for another contract, changing nothing (backups read this way). */
export async function checkDeployment(db: Db, contractId: string): Promise<void> {
  const [row] = await db.select().from(deployment).where(eq(deployment.id, "this"));
  if (!row) {
    throw new DeploymentMismatchError(
      `This database holds no Guichet deployment yet: start Guichet on it first, or point DATABASE_URL / GUICHET_DATA_DIR at another database.`,
    );
  }
  if (row.contractId !== contractId) {
    throw new DeploymentMismatchError(
      `This database belongs to the contract "${row.contractId}", not "${contractId}": set GUICHET_CONTRACT=${row.contractId}, or point DATABASE_URL / GUICHET_DATA_DIR at another database.`,
    );
  }
}
