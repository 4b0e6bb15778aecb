export {
  type Database,
  type DatabaseKind,
  type DatabaseTarget,
  type Db,
  openDatabase,
  rowsOf,
} from "./client.js";
export { copyCsvInto } from "./copy-from.js";
export { DataDirInUseError } from "./data-dir-lock.js";
export { MIGRATIONS_FOLDER, migrateDatabase, migrationsApplied } from "./migrate.js";
export { migratedTemplate, migratedTemplateDir } from "./migrated-template.js";
export { postgresBinDir } from "./postgres-binaries.js";
export {
  type CompiledStatement,
  compiledByShape,
  compileStatement,
  executeCompiled,
  insertFromJson,
  rowsJson,
} from "./prepared.js";
export * as schema from "./schema/index.js";
export * from "./schema/index.js";
export { atomically, runInTenant, scopedDatabase, type TenantScope } from "./tenant-scope.js";
