/**
 * SqlDatabase over better-sqlite3 (the embedded default). better-sqlite3 is synchronous, so a
 * query outside a transaction runs at once; a transaction may await between its statements, so
 * it holds a lock that queries from other requests wait for, and they never land inside it.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type Database from 'better-sqlite3';
import { AsyncMutex } from './async-mutex.ts';
import type { RunResult, SqlDatabase, Statement, TransactionOptions } from './sql-database.ts';

/** `open` turns false at commit or rollback: work the transaction scheduled for later runs outside it. */
interface TransactionContext { owner: SqliteDatabase; open: boolean }

export class SqliteDatabase implements SqlDatabase {
  readonly dialect = 'sqlite' as const;
  readonly description: string;
  /** The better-sqlite3 handle, for SQLite-only work (the online backup API, pragmas in tests). */
  readonly raw: Database.Database;
  private readonly context = new AsyncLocalStorage<TransactionContext>();
  private readonly lock = new AsyncMutex();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly plucked = new Map<string, Database.Statement>();

  constructor(raw: Database.Database, description: string) {
    this.raw = raw;
    this.description = description;
  }

  get inTransaction(): boolean {
    const ctx = this.context.getStore();
    return ctx?.owner === this && ctx.open;
  }

  /** Prepared once per SQL text: preparing is most of a small query's cost. */
  compiled(sql: string, pluck: boolean): Database.Statement {
    const cache = pluck ? this.plucked : this.statements;
    let stmt = cache.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      if (pluck) stmt.pluck();
      cache.set(sql, stmt);
    }
    return stmt;
  }

  /** Runs `work` now when no other request's transaction is open, else after it. */
  async outside<T>(work: () => T): Promise<T> {
    if (this.inTransaction || !this.lock.locked) return work();
    const release = await this.lock.acquire();
    try {
      return work();
    } finally {
      release();
    }
  }

  /**
   * Starts a transaction that reads before it writes. Against another process holding the file (a
   * backup, a tool), a write then has to upgrade a snapshot, which WAL refuses at once with
   * SQLITE_BUSY (answered 503 + Retry-After) instead of blocking the whole server for busy_timeout.
   */
  private begin(): void {
    this.raw.exec('BEGIN');
    this.compiled('SELECT COUNT(*) FROM sqlite_master', true).get();
  }

  /** A single write outside any transaction, in its own short one (see `begin`). */
  writeAlone<T>(work: () => T): Promise<T> {
    return this.outside(() => {
      if (this.raw.inTransaction) return work();
      this.begin();
      try {
        const result = work();
        this.raw.exec('COMMIT');
        return result;
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    });
  }

  prepare(sql: string): Statement {
    return new SqliteStatement(this, sql, false);
  }

  exec(sql: string): Promise<void> {
    return this.outside(() => void this.raw.exec(sql));
  }

  async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.inTransaction) return fn();
    const release = await this.lock.acquire();
    try {
      // Inside this process the lock above already orders transactions.
      this.begin();
      try {
        const ctx: TransactionContext = { owner: this, open: true };
        try {
          const result = await this.context.run(ctx, fn);
          this.raw.exec('COMMIT');
          return result;
        } finally {
          ctx.open = false;
        }
      } catch (err) {
        if (this.raw.inTransaction) this.raw.exec('ROLLBACK');
        throw err;
      }
    } finally {
      release();
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.outside(() => this.raw.prepare('SELECT 1').get());
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    const release = await this.lock.acquire();
    try {
      if (this.raw.open) this.raw.close();
    } finally {
      release();
    }
  }
}

class SqliteStatement implements Statement {
  constructor(private readonly db: SqliteDatabase, private readonly sql: string, private readonly plucked: boolean) {}

  get(...params: unknown[]): Promise<unknown> {
    return this.db.outside(() => this.db.compiled(this.sql, this.plucked).get(...params));
  }

  all(...params: unknown[]): Promise<unknown[]> {
    return this.db.outside(() => this.db.compiled(this.sql, this.plucked).all(...params));
  }

  run(...params: unknown[]): Promise<RunResult> {
    return this.db.writeAlone(() => ({ changes: this.db.compiled(this.sql, false).run(...params).changes }));
  }

  pluck(): Statement {
    return new SqliteStatement(this.db, this.sql, true);
  }
}
