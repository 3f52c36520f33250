/**
 * Opens the server's database from `--db`: a postgres:// URL → PostgreSQL; a file path or
 * `:memory:` → SQLite with the pragmas the server relies on. Either way it is migrated first.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate, migratePostgres } from './migrations.ts';
import { PostgresDatabase, type PostgresOptions } from './postgres-database.ts';
import { isPostgresUrl, redactDatabaseUrl, type SqlDatabase } from './sql-database.ts';
import { SqliteDatabase } from './sqlite-database.ts';

export async function openDatabase(target: string, options: PostgresOptions = {}): Promise<SqlDatabase> {
  if (isPostgresUrl(target)) {
    const db = new PostgresDatabase(target, options);
    try {
      await migratePostgres(db);
    } catch (err) {
      await db.close();
      throw new Error(`Cannot open the PostgreSQL database ${redactDatabaseUrl(target)}: ${(err as Error).message}`);
    }
    return db;
  }
  return openSqlite(target);
}

export function openSqlite(path: string): SqliteDatabase {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const raw = new Database(inMemory ? ':memory:' : path);
  // WAL lets readers run beside the writer and survives a kill without losing committed work.
  if (!inMemory) raw.pragma('journal_mode = WAL');
  raw.pragma('foreign_keys = ON');
  // FULL syncs the WAL to disk at every commit, so a write the server acknowledged also survives a
  // power loss or an OS crash (NORMAL only survives a killed process). The cost is measured in
  // bench/server.ts (docs/benchmarks.md).
  raw.pragma('synchronous = FULL');
  raw.pragma('busy_timeout = 5000');
  migrate(raw);
  return new SqliteDatabase(raw, inMemory ? 'SQLite in memory' : `SQLite file ${path}`);
}
