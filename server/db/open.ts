/** Opens the SQLite database with the pragmas the server relies on, then migrates it. */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { migrate } from './migrations.ts';

export function openDatabase(path: string): Database.Database {
  const inMemory = path === ':memory:' || path === '';
  if (!inMemory) mkdirSync(dirname(path), { recursive: true });
  const db = new Database(inMemory ? ':memory:' : path);
  // WAL lets readers run beside the writer and survives a kill without losing committed work.
  if (!inMemory) db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  // FULL syncs the WAL to disk at every commit, so a write the server acknowledged also survives a
  // power loss or an OS crash (NORMAL only survives a killed process). The cost is measured in
  // bench/server.ts (docs/benchmarks.md).
  db.pragma('synchronous = FULL');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return db;
}
