/**
 * SqlDatabase over PostgreSQL (node-postgres pool), for a hosted service with several instances.
 * Statements are written with `?` placeholders and numbered here; BIGINT and NUMERIC come back as
 * JavaScript numbers, as SQLite gives them. A transaction holds one pooled client; queries made
 * inside its function (AsyncLocalStorage) go to that client.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import { redactDatabaseUrl, type RunResult, type SqlDatabase, type Statement, type TransactionOptions } from './sql-database.ts';

/** `open` turns false at commit or rollback: work the transaction scheduled for later runs outside it. */
interface TransactionContext { owner: PostgresDatabase; client: pg.PoolClient; open: boolean }

const INT8_OID = 20;
const NUMERIC_OID = 1700;
/** Serialization failure and deadlock: the whole transaction may simply run again. */
const RETRYABLE = new Set(['40001', '40P01']);
const MAX_ATTEMPTS = 5;
/** Named (prepared once per connection) statements kept; the server has a few hundred distinct ones. */
const MAX_NAMED_STATEMENTS = 2_000;

export interface PostgresOptions {
  /** Pool size per server process (default 10). */
  maxConnections?: number;
}

export class PostgresDatabase implements SqlDatabase {
  readonly dialect = 'postgres' as const;
  readonly description: string;
  readonly pool: pg.Pool;
  private readonly context = new AsyncLocalStorage<TransactionContext>();
  private readonly texts = new Map<string, { text: string; name: string }>();

  constructor(url: string, options: PostgresOptions = {}) {
    this.description = redactDatabaseUrl(url);
    this.pool = new pg.Pool({
      connectionString: url,
      max: options.maxConnections ?? 10,
      types: {
        getTypeParser: ((oid: number, format?: string) =>
          oid === INT8_OID || oid === NUMERIC_OID
            ? (value: string) => Number(value)
            : pg.types.getTypeParser(oid, format as 'text')) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client losing its connection must not take the process down; the next query reconnects.
    this.pool.on('error', () => {});
  }

  get inTransaction(): boolean {
    return this.current() !== null;
  }

  /** The client of the transaction this call runs in, or null. */
  private current(): pg.PoolClient | null {
    const ctx = this.context.getStore();
    return ctx?.owner === this && ctx.open ? ctx.client : null;
  }

  /**
   * `?` → `$1, $2, …` (skipping quoted text and comments), cached per SQL text with a statement
   * name: each connection parses and plans a statement once, not on every call. Statements built
   * per call (IN lists of varying length) stay unnamed, so connections do not collect thousands.
   */
  private compiled(sql: string): { text: string; name: string | undefined } {
    let out = this.texts.get(sql);
    if (out === undefined) {
      out = { text: numberPlaceholders(sql), name: `s${this.texts.size + 1}` };
      if (this.texts.size < MAX_NAMED_STATEMENTS) this.texts.set(sql, out);
      else return { text: out.text, name: undefined };
    }
    return out;
  }

  async query(sql: string, params: unknown[]): Promise<pg.QueryResult> {
    const values = params.map((p) => (p === undefined ? null : p));
    const client = this.current() ?? this.pool;
    const { text, name } = this.compiled(sql);
    return client.query(name ? { name, text, values } : { text, values });
  }

  prepare(sql: string): Statement {
    return new PostgresStatement(this, sql, false);
  }

  async exec(sql: string): Promise<void> {
    await (this.current() ?? this.pool).query(sql);
  }

  async transaction<T>(fn: () => Promise<T>, options: TransactionOptions = {}): Promise<T> {
    if (this.inTransaction) return fn();
    for (let attempt = 1; ; attempt++) {
      const client = await this.pool.connect();
      let broken = false;
      try {
        // Read-only work sees one snapshot; writes serialize on the change counter's row (see Store.write).
        await client.query(options.readOnly ? 'BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY' : 'BEGIN');
        const ctx: TransactionContext = { owner: this, client, open: true };
        let result: T;
        try {
          result = await this.context.run(ctx, fn);
        } finally {
          ctx.open = false;
        }
        await client.query('COMMIT');
        return result;
      } catch (err) {
        try {
          await client.query('ROLLBACK');
        } catch {
          broken = true;
        }
        const code = (err as { code?: unknown }).code;
        if (typeof code === 'string' && RETRYABLE.has(code) && attempt < MAX_ATTEMPTS) continue;
        throw err;
      } finally {
        client.release(broken);
      }
    }
  }

  async ping(): Promise<boolean> {
    try {
      await this.pool.query('SELECT 1');
      return true;
    } catch {
      return false;
    }
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}

class PostgresStatement implements Statement {
  constructor(private readonly db: PostgresDatabase, private readonly sql: string, private readonly plucked: boolean) {}

  async get(...params: unknown[]): Promise<unknown> {
    const row = (await this.db.query(this.sql, params)).rows[0] as Record<string, unknown> | undefined;
    return row && this.plucked ? firstColumn(row) : row;
  }

  async all(...params: unknown[]): Promise<unknown[]> {
    const rows = (await this.db.query(this.sql, params)).rows as Record<string, unknown>[];
    return this.plucked ? rows.map(firstColumn) : rows;
  }

  async run(...params: unknown[]): Promise<RunResult> {
    return { changes: (await this.db.query(this.sql, params)).rowCount ?? 0 };
  }

  pluck(): Statement {
    return new PostgresStatement(this.db, this.sql, true);
  }
}

function firstColumn(row: Record<string, unknown>): unknown {
  for (const key in row) return row[key];
  return undefined;
}

export function numberPlaceholders(sql: string): string {
  let out = '';
  let n = 0;
  for (let i = 0; i < sql.length; i++) {
    const c = sql[i]!;
    if (c === "'" || c === '"') {
      const end = sql.indexOf(c, i + 1);
      const stop = end === -1 ? sql.length : end + 1;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '-' && sql[i + 1] === '-') {
      const end = sql.indexOf('\n', i);
      const stop = end === -1 ? sql.length : end;
      out += sql.slice(i, stop);
      i = stop - 1;
    } else if (c === '?') {
      out += `$${++n}`;
    } else {
      out += c;
    }
  }
  return out;
}
