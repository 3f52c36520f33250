/**
 * The sync service's state, in SQLite or PostgreSQL (server/db/). Every change goes through
 * `write`, which runs it in one transaction and bumps the change counter first; the counter's row
 * is the write lock, so writes from every instance run one at a time, as on SQLite. The summary's
 * generatedAt (and so its ETag) follows that counter, so an idle poll sees the same body and gets 304.
 * The summary is cached per counter value, so nothing that changes what it counts may bypass `write`.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import type { CompanySummary, Counts, Summary } from '../../lib/api/schema.ts';
import type { SqlDatabase } from '../db/sql-database.ts';
import { type CompanyRow, toCompany, toConnector } from './rows.ts';

export interface ChangeState { seq: number; changedAt: string }

export type SeqTable = 'wizard_items' | 'log_entries' | 'unsynced' | 'webhook_events';

function emptyCounts(): Counts {
  return { pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0, unsynced: 0 };
}

/** What the summary is built from, as of one committed change (`seq`). */
interface SummarySource { seq: number; changedAt: string; rows: CompanyRow[]; counts: Map<string, Counts> }

export class Store {
  readonly db: SqlDatabase;
  readonly now: () => Date;
  private readonly stmts;
  /**
   * The last summary and its source. Every change bumps the change counter, so while it stands
   * still an idle poll costs one query; the connector states, which move with the clock, are
   * recomputed each time and a new summary is made only when one of them changed.
   */
  private summaryCache: { source: SummarySource; connectorsKey: string; summary: Summary } | null = null;
  /** Set while a write's function runs: the change counter is already bumped in its transaction. */
  private readonly bumped = new AsyncLocalStorage<{ open: boolean }>();

  constructor(db: SqlDatabase, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
    this.stmts = {
      bump: db.prepare('UPDATE change_state SET seq = seq + 1, changed_at = ? WHERE id = 1'),
      changeState: db.prepare('SELECT seq, changed_at AS "changedAt" FROM change_state WHERE id = 1'),
      company: db.prepare('SELECT * FROM companies WHERE id = ?'),
      companies: db.prepare('SELECT * FROM companies ORDER BY sort, id'),
      wizardCounts: db.prepare(
        "SELECT company_id, direction, COUNT(*) AS n FROM wizard_items WHERE company_id = ? AND state = 'waiting' GROUP BY company_id, direction",
      ),
      pendingCount: db.prepare("SELECT company_id, COUNT(*) AS n FROM log_entries WHERE company_id = ? AND status = 'pending' GROUP BY company_id"),
      unsyncedCounts: db.prepare('SELECT company_id, state, COUNT(*) AS n FROM unsynced WHERE company_id = ? GROUP BY company_id, state'),
      // The same counts for every company at once: a service hosting a thousand companies answers
      // its summary with five queries, not three per company.
      allWizardCounts: db.prepare(
        "SELECT company_id, direction, COUNT(*) AS n FROM wizard_items WHERE state = 'waiting' GROUP BY company_id, direction",
      ),
      allPendingCounts: db.prepare("SELECT company_id, COUNT(*) AS n FROM log_entries WHERE status = 'pending' GROUP BY company_id"),
      allUnsyncedCounts: db.prepare('SELECT company_id, state, COUNT(*) AS n FROM unsynced GROUP BY company_id, state'),
    };
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /**
   * Runs `fn` in one transaction and records that the data changed (nested calls join the outer
   * one). `fn` must only do database work: no network calls, no waiting on other requests.
   */
  write<T>(fn: () => Promise<T>): Promise<T> {
    // Inside another write the counter is bumped already. Inside a plain transaction (one that may
    // turn out to change nothing) it is bumped now, so no change ever escapes the summary's ETag.
    if (this.bumped.getStore()?.open && this.db.inTransaction) return fn();
    const bumpThenRun = async () => {
      // First statement of a write: takes the write lock before anything is read (see the file comment).
      await this.stmts.bump.run(this.nowIso());
      const mark = { open: true };
      try {
        return await this.bumped.run(mark, fn);
      } finally {
        mark.open = false;
      }
    };
    return this.db.inTransaction ? bumpThenRun() : this.db.transaction(bumpThenRun);
  }

  /** Runs `fn` on one consistent snapshot (several reads that must agree, e.g. the summary). */
  read<T>(fn: () => Promise<T>): Promise<T> {
    if (this.db.inTransaction) return fn();
    return this.db.transaction(fn, { readOnly: true });
  }

  async changeState(): Promise<ChangeState> {
    return (await this.stmts.changeState.get()) as ChangeState;
  }

  async companyRow(id: string): Promise<CompanyRow | undefined> {
    return (await this.stmts.company.get(id)) as CompanyRow | undefined;
  }

  async companyRows(): Promise<CompanyRow[]> {
    return (await this.stmts.companies.all()) as CompanyRow[];
  }

  async listCompanies() {
    const now = this.now();
    return (await this.companyRows()).map((row) => toCompany(row, now));
  }

  async counts(companyId: string): Promise<Counts> {
    const byCompany = foldCounts(
      (await this.stmts.wizardCounts.all(companyId)) as WizardCountRow[],
      (await this.stmts.pendingCount.all(companyId)) as PendingCountRow[],
      (await this.stmts.unsyncedCounts.all(companyId)) as UnsyncedCountRow[],
    );
    return byCompany.get(companyId) ?? emptyCounts();
  }

  async companySummary(row: CompanyRow): Promise<CompanySummary> {
    return this.read(async () => companyEntry(row, await this.counts(row.id), toConnector(row, this.now()), (await this.changeState()).changedAt));
  }

  /** Every company's counts, from one aggregate query per table. */
  private async allCounts(): Promise<Map<string, Counts>> {
    return foldCounts(
      (await this.stmts.allWizardCounts.all()) as WizardCountRow[],
      (await this.stmts.allPendingCounts.all()) as PendingCountRow[],
      (await this.stmts.allUnsyncedCounts.all()) as UnsyncedCountRow[],
    );
  }

  private summarySource(): Promise<SummarySource> {
    return this.read(async () => {
      const state = await this.changeState();
      return { seq: state.seq, changedAt: state.changedAt, rows: await this.companyRows(), counts: await this.allCounts() };
    });
  }

  /** The summary; the same object again (so callers may reuse its serialized form) while nothing changed. */
  async summary(): Promise<Summary> {
    // Inside a transaction the counter may hold a change that is not committed yet: no caching there.
    const cacheable = !this.db.inTransaction;
    const cached = cacheable ? this.summaryCache : null;
    const source = cached && cached.source.seq === (await this.changeState()).seq ? cached.source : await this.summarySource();
    const now = this.now();
    const connectors = source.rows.map((row) => toConnector(row, now));
    const connectorsKey = JSON.stringify(connectors);
    if (cached && cached.source === source && cached.connectorsKey === connectorsKey) return cached.summary;
    const summary = buildSummary(source, connectors);
    if (cacheable) this.summaryCache = { source, connectorsKey, summary };
    return summary;
  }

  /**
   * Reserves `count` consecutive ids of a table's `seq` key and returns the first, so ids never
   * repeat even after rows are deleted. Call inside `write` (its lock keeps the block to itself)
   * and insert the rows with exactly these ids.
   */
  async nextSeq(table: SeqTable, count = 1): Promise<number> {
    if (!Number.isInteger(count) || count < 1) throw new RangeError(`nextSeq reserves at least one id, not ${count}`);
    if (this.db.dialect === 'postgres') {
      // The identity column's sequence: advance it past the whole block in one call.
      const last = Number(await this.db.prepare("SELECT setval(pg_get_serial_sequence(?, 'seq'), nextval(pg_get_serial_sequence(?, 'seq')) + ? - 1)")
        .pluck().get(table, table, count));
      return last - count + 1;
    }
    const row = (await this.db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table)) as { seq: number } | undefined;
    return (row?.seq ?? 0) + 1;
  }
}

interface WizardCountRow { company_id: string; direction: 'export' | 'import'; n: number }
interface PendingCountRow { company_id: string; n: number }
interface UnsyncedCountRow { company_id: string; state: string; n: number }

/** The counting queries' rows, as each company's Counts. */
function foldCounts(wizard: WizardCountRow[], pending: PendingCountRow[], unsynced: UnsyncedCountRow[]): Map<string, Counts> {
  const byCompany = new Map<string, Counts>();
  const of = (id: string) => {
    let c = byCompany.get(id);
    if (!c) byCompany.set(id, (c = emptyCounts()));
    return c;
  };
  for (const r of wizard) of(r.company_id).pendingApprovals[r.direction] = r.n;
  for (const r of pending) of(r.company_id).pendingSyncs = r.n;
  for (const r of unsynced) {
    const c = of(r.company_id);
    c.unsynced += r.n;
    if (r.state === 'failed') c.failedSyncs = r.n;
  }
  return byCompany;
}

function companyEntry(row: CompanyRow, counts: Counts, connector: CompanySummary['connector'], generatedAt: string): CompanySummary {
  return { ...counts, companyId: row.id, companyName: row.name, system: row.system, connector, generatedAt };
}

function buildSummary(source: SummarySource, connectors: CompanySummary['connector'][]): Summary {
  const generatedAt = source.changedAt;
  const companies = source.rows.map((row, i) => companyEntry(row, source.counts.get(row.id) ?? emptyCounts(), connectors[i]!, generatedAt));
  const total: Summary = {
    pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0, unsynced: 0, companies, generatedAt,
  };
  for (const c of companies) {
    total.pendingApprovals.export += c.pendingApprovals.export;
    total.pendingApprovals.import += c.pendingApprovals.import;
    total.pendingSyncs += c.pendingSyncs;
    total.failedSyncs += c.failedSyncs;
    total.unsynced += c.unsynced;
  }
  return total;
}
