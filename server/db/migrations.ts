/**
 * Versioned schema migrations, one list for both engines. Each migration is SQL in the subset
 * SQLite and PostgreSQL share; `forPostgres` maps SQLite's column types to PostgreSQL's. SQLite
 * counts the migrations run in PRAGMA user_version, PostgreSQL in schema_migrations. Each runs in
 * its own transaction together with that count, so a crash never leaves a half-migrated database.
 * Append new migrations; never edit one that has shipped.
 */
import type Database from 'better-sqlite3';
import type { PostgresDatabase } from './postgres-database.ts';

/** SQL both engines run (PostgreSQL after `forPostgres`), or each engine's own where they differ (triggers). */
export type Migration = string | { sqlite: string; postgres: string };

export const MIGRATIONS: readonly Migration[] = [
  // 1: core tables for companies, the emulated QuickBooks side, local records, wizard, log, unsynced.
  `
      CREATE TABLE change_state (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        seq INTEGER NOT NULL,
        changed_at TEXT NOT NULL
      );
      CREATE TABLE companies (
        id TEXT PRIMARY KEY,
        sort INTEGER NOT NULL,
        name TEXT NOT NULL,
        system TEXT NOT NULL CHECK (system IN ('qbo','qbd')),
        realm_id TEXT,
        company_file TEXT,
        connector_kind TEXT NOT NULL,
        interval_minutes INTEGER,
        last_contact_at TEXT,
        last_run_at TEXT,
        connector_override TEXT,
        connector_message TEXT,
        closed_books_date TEXT,
        next_qb_seq INTEGER NOT NULL DEFAULT 1000
      );
      -- The emulated QuickBooks company: what QuickBooks holds, keyed by its own ids.
      CREATE TABLE qb_records (
        company_id TEXT NOT NULL REFERENCES companies(id),
        entity_type TEXT NOT NULL,
        qb_id TEXT NOT NULL,
        display_name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        doc_number TEXT,
        sync_token INTEGER NOT NULL DEFAULT 0,
        txn_date TEXT,
        amount REAL,
        active INTEGER NOT NULL DEFAULT 1,
        deleted INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (company_id, entity_type, qb_id)
      );
      CREATE INDEX qb_records_name ON qb_records(company_id, name_lower);
      CREATE INDEX qb_records_doc ON qb_records(company_id, entity_type, doc_number);
      -- Records in the job-management app; qb_id set = linked to a QuickBooks record.
      CREATE TABLE records (
        company_id TEXT NOT NULL REFERENCES companies(id),
        entity_type TEXT NOT NULL,
        local_id TEXT NOT NULL,
        local_url TEXT,
        name TEXT NOT NULL,
        doc_number TEXT,
        txn_date TEXT,
        amount REAL,
        refs TEXT NOT NULL DEFAULT '[]',
        qb_id TEXT,
        known_sync_token INTEGER,
        last_synced_at TEXT,
        PRIMARY KEY (company_id, entity_type, local_id)
      );
      CREATE INDEX records_qb ON records(company_id, entity_type, qb_id);
      CREATE TABLE wizard_items (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        company_id TEXT NOT NULL REFERENCES companies(id),
        direction TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        local_id TEXT,
        qb_id TEXT,
        name TEXT NOT NULL,
        doc_number TEXT,
        change TEXT NOT NULL,
        changed_fields TEXT,
        amount REAL,
        detected_at TEXT NOT NULL,
        -- waiting = listed; kept = hidden until the next connector run; cleared / approved = done.
        state TEXT NOT NULL CHECK (state IN ('waiting','kept','cleared','approved'))
      );
      CREATE INDEX wizard_company_state ON wizard_items(company_id, state, direction, seq);
      CREATE INDEX wizard_local ON wizard_items(company_id, entity_type, local_id, state);
      CREATE INDEX wizard_qb ON wizard_items(company_id, entity_type, qb_id, state);
      CREATE TABLE log_entries (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        company_id TEXT NOT NULL REFERENCES companies(id),
        direction TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        local_id TEXT NOT NULL,
        qb_id TEXT,
        name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        doc_number TEXT,
        doc_lower TEXT,
        change TEXT NOT NULL DEFAULT 'update',
        status TEXT NOT NULL CHECK (status IN ('pending','success','failed')),
        at TEXT NOT NULL,
        error_code TEXT,
        error_message TEXT,
        attempt INTEGER NOT NULL
      );
      CREATE INDEX log_company ON log_entries(company_id, seq);
      CREATE INDEX log_company_status ON log_entries(company_id, status, seq);
      CREATE INDEX log_company_type ON log_entries(company_id, entity_type, seq);
      CREATE INDEX log_pending_qb ON log_entries(company_id, entity_type, qb_id, status);
      CREATE TABLE unsynced (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        id TEXT NOT NULL UNIQUE,
        company_id TEXT NOT NULL REFERENCES companies(id),
        entity_type TEXT NOT NULL,
        local_id TEXT NOT NULL,
        local_url TEXT,
        qb_id TEXT,
        name TEXT NOT NULL,
        name_lower TEXT NOT NULL,
        doc_number TEXT,
        doc_lower TEXT,
        error_code TEXT NOT NULL,
        error_message TEXT NOT NULL,
        error_detail TEXT,
        first_failed_at TEXT NOT NULL,
        last_attempt_at TEXT NOT NULL,
        attempts INTEGER NOT NULL,
        state TEXT NOT NULL CHECK (state IN ('failed','resync-queued')),
        pending_log_id TEXT,
        UNIQUE (company_id, entity_type, local_id)
      );
      CREATE INDEX unsynced_company ON unsynced(company_id, seq);
      CREATE INDEX unsynced_company_state ON unsynced(company_id, state);
      CREATE INDEX unsynced_company_type ON unsynced(company_id, entity_type, seq);
      CREATE INDEX unsynced_company_code ON unsynced(company_id, error_code, seq);
      CREATE INDEX unsynced_qb ON unsynced(company_id, entity_type, qb_id);
      INSERT INTO change_state (id, seq, changed_at) VALUES (1, 0, '1970-01-01T00:00:00.000Z');
    `,
  // 2: stored replies for Idempotency-Key, written in the same transaction as the change.
  `
      CREATE TABLE idempotency_keys (
        key TEXT NOT NULL,
        route TEXT NOT NULL,
        body_hash TEXT NOT NULL,
        status INTEGER NOT NULL,
        response TEXT NOT NULL,
        created_at TEXT NOT NULL,
        PRIMARY KEY (key, route)
      );
    `,
  // 3: the log's direction and date filters (GET /log?direction=&from=&to=) stay index scans.
  `
      CREATE INDEX log_company_direction ON log_entries(company_id, direction, seq);
      CREATE INDEX log_company_at ON log_entries(company_id, at);
    `,
  // 4: idempotency keys are pruned by age and count, oldest first.
  `CREATE INDEX idempotency_keys_created ON idempotency_keys(created_at)`,
  // 5: QuickBooks over the wire and the job app's records coming in. Records keep the job app's
  // copy (data), the copy last synced (synced_copy) and their link; QuickBooks' own data lives in
  // QuickBooks. API tokens get scopes (stored hashed); QuickBooks Online connections keep their
  // OAuth tokens encrypted; webhooks are queued and processed after the reply.
  `
      ALTER TABLE records ADD COLUMN data TEXT;
      ALTER TABLE records ADD COLUMN synced_copy TEXT;
      ALTER TABLE records ADD COLUMN deleted_at TEXT;
      ALTER TABLE records ADD COLUMN updated_at TEXT;
      -- QuickBooks' own copy as last seen (in the job app's shape) and its last-updated time there:
      -- changes coming back are judged against what QuickBooks held, and our own writes echoing
      -- back as webhooks are recognised without reading them.
      ALTER TABLE records ADD COLUMN qb_copy TEXT;
      ALTER TABLE records ADD COLUMN qb_updated_at TEXT;
      ALTER TABLE log_entries ADD COLUMN intuit_tid TEXT;
      ALTER TABLE log_entries ADD COLUMN error_detail TEXT;
      -- A throttled or briefly unavailable entry stays pending until this time.
      ALTER TABLE log_entries ADD COLUMN retry_at TEXT;
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        token_hash TEXT NOT NULL UNIQUE,
        scopes TEXT NOT NULL,
        label TEXT,
        created_at TEXT NOT NULL,
        last_used_at TEXT,
        revoked_at TEXT
      );
      CREATE TABLE qbo_connections (
        company_id TEXT PRIMARY KEY REFERENCES companies(id),
        realm_id TEXT NOT NULL,
        access_token_enc TEXT NOT NULL,
        access_expires_at TEXT NOT NULL,
        refresh_token_enc TEXT NOT NULL,
        refresh_expires_at TEXT,
        -- Bumped by every refresh: a refresh whose generation moved on meanwhile is not stored.
        generation INTEGER NOT NULL DEFAULT 1,
        connected_at TEXT NOT NULL,
        updated_at TEXT NOT NULL,
        cdc_since TEXT
      );
      CREATE UNIQUE INDEX qbo_connections_realm ON qbo_connections(realm_id);
      CREATE TABLE oauth_states (
        state_hash TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        used_at TEXT
      );
      CREATE TABLE webhook_events (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        received_at TEXT NOT NULL,
        realm_id TEXT NOT NULL,
        entity_type TEXT NOT NULL,
        qb_id TEXT NOT NULL,
        operation TEXT NOT NULL,
        event_time TEXT,
        -- The CloudEvents id, or the legacy event's fields: a redelivered event is stored once.
        event_key TEXT NOT NULL UNIQUE,
        processed_at TEXT
      );
      CREATE INDEX webhook_events_open ON webhook_events(processed_at, seq);
    `,
  // 6: QuickBooks Desktop through the Web Connector. Each Desktop company has its Web Connector
  // login (password scrypt-hashed), the FileID of its .qwc and the modified-date cursor of its
  // imports; sessions (tickets stored hashed) outlive one server process; every qbXML request sent
  // is kept until answered, so a request whose answer never came is looked up before it is resent.
  `
      CREATE TABLE qbwc_companies (
        company_id TEXT PRIMARY KEY REFERENCES companies(id),
        user_name TEXT UNIQUE,
        password_hash TEXT,
        file_id TEXT NOT NULL,
        changes_since TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE qbwc_sessions (
        ticket_hash TEXT PRIMARY KEY,
        company_id TEXT NOT NULL REFERENCES companies(id),
        started_at TEXT NOT NULL,
        expires_at TEXT NOT NULL,
        ended_at TEXT,
        rounds INTEGER NOT NULL DEFAULT 0,
        sent INTEGER NOT NULL DEFAULT 0,
        succeeded INTEGER NOT NULL DEFAULT 0,
        failed INTEGER NOT NULL DEFAULT 0,
        -- Import queries still to send (iterator continuations), as JSON.
        import_queue TEXT,
        last_error TEXT
      );
      CREATE INDEX qbwc_sessions_company ON qbwc_sessions(company_id, started_at);
      CREATE TABLE qbwc_requests (
        ticket_hash TEXT NOT NULL,
        request_id TEXT NOT NULL,
        company_id TEXT NOT NULL,
        log_seq INTEGER,
        purpose TEXT NOT NULL,
        sent_at TEXT NOT NULL,
        answered_at TEXT,
        PRIMARY KEY (ticket_hash, request_id)
      );
      CREATE INDEX qbwc_requests_entry ON qbwc_requests(company_id, log_seq);
    `,
  // 7: several server instances on one database. A company's work (a QuickBooks Online run, its
  // webhooks, the scheduled run) is leased by one instance at a time; a lease that is not renewed
  // expires, so work held by an instance that died is taken over by another.
  `
      CREATE TABLE company_leases (
        company_id TEXT PRIMARY KEY REFERENCES companies(id),
        holder TEXT NOT NULL,
        acquired_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
    `,
  // 8: when an export was last handed to QuickBooks without its answer written yet. A run that
  // dies in between (a killed instance) leaves it set, and the next run looks the record up in
  // QuickBooks before creating it again.
  `ALTER TABLE log_entries ADD COLUMN sent_at TEXT`,
  // 9: the summary counts every company at once; these partial indexes hold only the rows it
  // counts (a million log entries, a handful pending), so it never reads the whole log.
  `
      CREATE INDEX log_pending_by_company ON log_entries(company_id) WHERE status = 'pending';
      CREATE INDEX wizard_waiting_by_company ON wizard_items(company_id, direction) WHERE state = 'waiting';
    `,
  // 10: each company's summary counts, kept by triggers as the rows they count change, and the
  // change (change_state.seq) that last touched them. A summary after a change re-reads only the
  // companies that change touched instead of counting every company again.
  companyCountsMigration(),
];

/**
 * Migration 10, generated for both engines from one table of what is counted. Frozen once shipped:
 * a different count is a new migration.
 */
function companyCountsMigration(): { sqlite: string; postgres: string } {
  /** Per counted table: the columns its counts depend on, and each count's condition on a row (`r`). */
  const counted: { table: string; columns: string[]; counts: Record<string, (r: string) => string> }[] = [
    {
      table: 'wizard_items', columns: ['state', 'direction'], counts: {
        waiting_export: (r) => `${r}.state = 'waiting' AND ${r}.direction = 'export'`,
        waiting_import: (r) => `${r}.state = 'waiting' AND ${r}.direction = 'import'`,
      },
    },
    { table: 'log_entries', columns: ['status'], counts: { pending_syncs: (r) => `${r}.status = 'pending'` } },
    { table: 'unsynced', columns: ['state'], counts: { failed_syncs: (r) => `${r}.state = 'failed'`, unsynced: () => 'TRUE' } },
  ];
  const seq = '(SELECT seq FROM change_state WHERE id = 1)';
  const one = (condition: string) => `CASE WHEN ${condition} THEN 1 ELSE 0 END`;
  // Every company has its counts row (backfilled here, then made by the companies trigger), so a
  // counted row only updates it: cheaper than an upsert, and these run for every row a bulk
  // approval touches.
  const update = (t: (typeof counted)[number], company: string, delta: (n: string) => string) =>
    `UPDATE company_counts SET ${Object.keys(t.counts).map((n) => `${n} = ${n}${delta(n)}`).join(', ')}, changed_seq = ${seq}
        WHERE company_id = ${company}.company_id;`;
  const add = (t: (typeof counted)[number]) => update(t, 'NEW', (n) => ` + ${one(t.counts[n]!('NEW'))}`);
  const remove = (t: (typeof counted)[number]) => update(t, 'OLD', (n) => ` - ${one(t.counts[n]!('OLD'))}`);
  const move = (t: (typeof counted)[number]) => update(t, 'NEW', (n) => ` - ${one(t.counts[n]!('OLD'))} + ${one(t.counts[n]!('NEW'))}`);
  // A trigger fires only when a row's counts can move: an inserted or deleted row that counts
  // somewhere, an update that changes a counted column or the company.
  const counts = (t: (typeof counted)[number], r: string) => {
    const conditions = Object.values(t.counts).map((c) => c(r));
    return conditions.includes('TRUE') ? null : conditions.map((c) => `(${c})`).join(' OR ');
  };
  const triggers = counted.flatMap((t) => [
    { name: `${t.table}_counts_insert`, table: t.table, event: 'INSERT', when: counts(t, 'NEW'), body: add(t) },
    { name: `${t.table}_counts_delete`, table: t.table, event: 'DELETE', when: counts(t, 'OLD'), body: remove(t) },
    // Within one company (the usual case: an item approved, an entry settled), one update of its counts.
    {
      name: `${t.table}_counts_update`, table: t.table, event: `UPDATE OF ${t.columns.join(', ')}`,
      when: `OLD.company_id = NEW.company_id AND (${t.columns.map((c) => `OLD.${c} IS DISTINCT FROM NEW.${c}`).join(' OR ')})`, body: move(t),
    },
    {
      name: `${t.table}_counts_move`, table: t.table, event: 'UPDATE OF company_id',
      when: 'OLD.company_id IS DISTINCT FROM NEW.company_id', body: `${remove(t)}\n${add(t)}`,
    },
  ]);
  // The company's own summary fields (name, connector) live in companies: any change to them counts too.
  const touch = (r: string) => `INSERT INTO company_counts AS cc (company_id, changed_seq) VALUES (${r}.id, ${seq})
        ON CONFLICT (company_id) DO UPDATE SET changed_seq = excluded.changed_seq;`;
  triggers.push(
    { name: 'companies_counts_insert', table: 'companies', event: 'INSERT', when: null, body: touch('NEW') },
    { name: 'companies_counts_update', table: 'companies', event: 'UPDATE', when: null, body: touch('NEW') },
    { name: 'companies_counts_delete', table: 'companies', event: 'DELETE', when: null, body: touch('OLD') },
  );
  const table = `
      CREATE TABLE company_counts (
        company_id TEXT PRIMARY KEY,
        waiting_export INTEGER NOT NULL DEFAULT 0,
        waiting_import INTEGER NOT NULL DEFAULT 0,
        pending_syncs INTEGER NOT NULL DEFAULT 0,
        failed_syncs INTEGER NOT NULL DEFAULT 0,
        unsynced INTEGER NOT NULL DEFAULT 0,
        changed_seq INTEGER NOT NULL DEFAULT 0
      );
      INSERT INTO company_counts (company_id, waiting_export, waiting_import, pending_syncs, failed_syncs, unsynced, changed_seq)
      SELECT c.id,
        (SELECT COUNT(*) FROM wizard_items w WHERE w.company_id = c.id AND w.state = 'waiting' AND w.direction = 'export'),
        (SELECT COUNT(*) FROM wizard_items w WHERE w.company_id = c.id AND w.state = 'waiting' AND w.direction = 'import'),
        (SELECT COUNT(*) FROM log_entries l WHERE l.company_id = c.id AND l.status = 'pending'),
        (SELECT COUNT(*) FROM unsynced u WHERE u.company_id = c.id AND u.state = 'failed'),
        (SELECT COUNT(*) FROM unsynced u WHERE u.company_id = c.id),
        ${seq}
      FROM companies c;
    `;
  const sqlite = table + triggers.map((t) => `
      CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table}${t.when ? ` WHEN ${t.when.replaceAll('IS DISTINCT FROM', 'IS NOT')}` : ''}
      BEGIN
        ${t.body}
      END;`).join('\n');
  const postgres = forPostgres(table) + triggers.map((t) => `
      CREATE FUNCTION ${t.name}() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN
        ${t.body}
        RETURN NULL;
      END $$;
      CREATE TRIGGER ${t.name} AFTER ${t.event} ON ${t.table} FOR EACH ROW${t.when ? ` WHEN (${t.when})` : ''}
        EXECUTE FUNCTION ${t.name}();`).join('\n');
  return { sqlite, postgres };
}

export function schemaVersion(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function tooNew(current: number, known: number): Error {
  return new Error(`Database schema version ${current} is newer than this server (${known}); upgrade the server.`);
}

/** Runs every migration the SQLite database has not seen yet, in order. Returns the final version. */
export function migrate(db: Database.Database, migrations: readonly Migration[] = MIGRATIONS): number {
  const current = schemaVersion(db);
  if (current > migrations.length) throw tooNew(current, migrations.length);
  for (let version = current; version < migrations.length; version++) {
    const step = migrations[version]!;
    db.transaction(() => {
      db.exec(typeof step === 'string' ? step : step.sqlite);
      db.pragma(`user_version = ${version + 1}`);
    })();
  }
  return schemaVersion(db);
}

/**
 * SQLite's types as PostgreSQL spells them: integers are 64-bit (ids, counters, epoch times), REAL
 * is a double, and an AUTOINCREMENT key is an identity column that also accepts the ids we assign.
 */
export function forPostgres(sql: string): string {
  return sql
    .replace(/\bINTEGER PRIMARY KEY AUTOINCREMENT\b/g, 'BIGINT GENERATED BY DEFAULT AS IDENTITY PRIMARY KEY')
    .replace(/\bINTEGER\b/g, 'BIGINT')
    .replace(/\bREAL\b/g, 'DOUBLE PRECISION');
}

/** A fixed key for the advisory lock that lets one instance migrate while the others wait. */
const MIGRATION_LOCK_KEY = 7_201_004;

/** Runs the migrations PostgreSQL has not seen yet; instances starting together migrate once. */
export async function migratePostgres(db: PostgresDatabase, migrations: readonly Migration[] = MIGRATIONS): Promise<number> {
  return db.transaction(async () => {
    // The lock comes first: even creating the bookkeeping table races between instances.
    await db.prepare('SELECT pg_advisory_xact_lock(?)').get(MIGRATION_LOCK_KEY);
    await db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version BIGINT PRIMARY KEY, applied_at TEXT NOT NULL)');
    const current = Number(await db.prepare('SELECT COALESCE(MAX(version), 0) FROM schema_migrations').pluck().get());
    if (current > migrations.length) throw tooNew(current, migrations.length);
    for (let version = current; version < migrations.length; version++) {
      const step = migrations[version]!;
      await db.exec(typeof step === 'string' ? forPostgres(step) : step.postgres);
      await db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(version + 1, new Date().toISOString());
    }
    return migrations.length;
  });
}
