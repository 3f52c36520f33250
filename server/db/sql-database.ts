/**
 * The one database interface the server speaks, implemented for SQLite (the embedded default) and
 * PostgreSQL (hosted, several instances). SQL is written once with `?` placeholders in the subset
 * both engines share; camelCase aliases are double-quoted (PostgreSQL folds bare names).
 *
 * Transactions follow the async call chain (AsyncLocalStorage): any query made while a
 * transaction's function runs joins that transaction, so helpers need no connection passed in.
 */
export type Dialect = 'sqlite' | 'postgres';

export interface RunResult {
  /** Rows inserted, updated or deleted. */
  changes: number;
}

export interface Statement {
  get(...params: unknown[]): Promise<unknown>;
  all(...params: unknown[]): Promise<unknown[]>;
  run(...params: unknown[]): Promise<RunResult>;
  /** The same statement answering only each row's first column. */
  pluck(): Statement;
}

export interface TransactionOptions {
  /**
   * A write transaction first takes the database's write lock (the change counter's row), so
   * writes from every instance run one after another and each sees all earlier ones, as SQLite's
   * single writer does. Read-only transactions see one consistent snapshot and take no lock.
   */
  readOnly?: boolean;
}

export interface SqlDatabase {
  readonly dialect: Dialect;
  /** Where the data lives, without any password (for logs and /health). */
  readonly description: string;
  prepare(sql: string): Statement;
  /** Several statements separated by semicolons, no parameters (schema changes). */
  exec(sql: string): Promise<void>;
  /** Runs `fn` in one transaction; a call made inside another transaction joins it. */
  transaction<T>(fn: () => Promise<T>, options?: TransactionOptions): Promise<T>;
  /** True when called from inside a transaction's function. */
  readonly inTransaction: boolean;
  /** Whether the database answers (a trivial query), for GET /health. */
  ping(): Promise<boolean>;
  close(): Promise<void>;
}

/** `?, ?, …` for an `IN (…)` list of `count` values. */
export function placeholders(count: number): string {
  return Array.from({ length: count }, () => '?').join(',');
}

/** Rows for an `IN (…)` list, at most this many at a time: far below either engine's parameter limit. */
export const IN_LIST_CHUNK = 500;

/** `items` in runs of `size` (the last may be shorter), for statements with a bounded list. */
export function* chunksOf<T>(items: readonly T[], size = IN_LIST_CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/** Thrown for an ill-formed `--db` value. */
export class DatabaseConfigError extends Error {}

/** True when `target` names a PostgreSQL database rather than a SQLite file. */
export function isPostgresUrl(target: string): boolean {
  return /^postgres(ql)?:\/\//i.test(target);
}

/** The URL without its password, for anything printed. */
export function redactDatabaseUrl(target: string): string {
  if (!isPostgresUrl(target)) return target;
  try {
    const url = new URL(target);
    if (url.password) url.password = '***';
    return url.toString();
  } catch {
    return 'postgres://(unreadable URL)';
  }
}
