import type { DuckDBConnection } from "@duckdb/node-api";

/**
 * A DuckDB of its own for one piece of work (an import, a query of the detailed lines), closed
 * after it. Extensions are never fetched: Parquet, JSON and ICU are built into @duckdb/node-api,
 * and nothing else is needed, so a deployment never reaches out to extensions.duckdb.org.
 * Timestamps without a zone are UTC (FOCUS requires UTC). The memory limit bounds an import of
 * any size: what does not fit spills under `spillDir`.
 */
export async function withDuckDb<T>(
  spillDir: string,
  work: (connection: DuckDBConnection) => Promise<T>,
  options: { memoryLimit?: string; threads?: number } = {},
): Promise<T> {
  // Loaded on first use, like every library only some requests need: a server's start stays short.
  const { DuckDBInstance } = await import("@duckdb/node-api");
  const instance = await DuckDBInstance.create(":memory:", {
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    memory_limit: options.memoryLimit ?? "512MB",
    temp_directory: spillDir,
    ...(options.threads ? { threads: String(options.threads) } : {}),
  });
  const connection = await instance.connect();
  try {
    await connection.run("SET TimeZone = 'UTC'");
    return await work(connection);
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** A literal for DuckDB statements that take no parameters (COPY … TO 'path'). */
export function sqlString(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

/** A quoted identifier: FOCUS column names come from the file. */
export function sqlIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}
