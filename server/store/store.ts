/**
 * The sync service's state in SQLite. Every change goes through `write`, which runs it in one
 * transaction and bumps the change counter; the summary's generatedAt (and so its ETag) follows
 * that counter, so an idle poll sees the same body and gets 304.
 */
import type Database from 'better-sqlite3';
import type { CompanySummary, Counts, Summary } from '../../lib/api/schema.ts';
import { type CompanyRow, toCompany, toConnector } from './rows.ts';

export interface ChangeState { seq: number; changedAt: string }

export class Store {
  readonly db: Database.Database;
  readonly now: () => Date;
  private readonly stmts;

  constructor(db: Database.Database, now: () => Date = () => new Date()) {
    this.db = db;
    this.now = now;
    this.stmts = {
      bump: db.prepare('UPDATE change_state SET seq = seq + 1, changed_at = ? WHERE id = 1'),
      changeState: db.prepare('SELECT seq, changed_at AS changedAt FROM change_state WHERE id = 1'),
      company: db.prepare('SELECT * FROM companies WHERE id = ?'),
      companies: db.prepare('SELECT * FROM companies ORDER BY sort, id'),
      wizardCounts: db.prepare(
        "SELECT direction, COUNT(*) AS n FROM wizard_items WHERE company_id = ? AND state = 'waiting' GROUP BY direction",
      ),
      pendingCount: db.prepare("SELECT COUNT(*) AS n FROM log_entries WHERE company_id = ? AND status = 'pending'"),
      unsyncedCounts: db.prepare('SELECT state, COUNT(*) AS n FROM unsynced WHERE company_id = ? GROUP BY state'),
    };
  }

  nowIso(): string {
    return this.now().toISOString();
  }

  /** Runs `fn` in one transaction and records that the data changed (nested calls join the outer one). */
  write<T>(fn: () => T): T {
    if (this.db.inTransaction) {
      const result = fn();
      this.stmts.bump.run(this.nowIso());
      return result;
    }
    return this.db.transaction(() => {
      const result = fn();
      this.stmts.bump.run(this.nowIso());
      return result;
    })();
  }

  changeState(): ChangeState {
    return this.stmts.changeState.get() as ChangeState;
  }

  companyRow(id: string): CompanyRow | undefined {
    return this.stmts.company.get(id) as CompanyRow | undefined;
  }

  companyRows(): CompanyRow[] {
    return this.stmts.companies.all() as CompanyRow[];
  }

  listCompanies() {
    const now = this.now();
    return this.companyRows().map((row) => toCompany(row, now));
  }

  counts(companyId: string): Counts {
    const counts: Counts = { pendingApprovals: { export: 0, import: 0 }, pendingSyncs: 0, failedSyncs: 0, unsynced: 0 };
    for (const r of this.stmts.wizardCounts.all(companyId) as { direction: 'export' | 'import'; n: number }[]) {
      counts.pendingApprovals[r.direction] = r.n;
    }
    counts.pendingSyncs = (this.stmts.pendingCount.get(companyId) as { n: number }).n;
    for (const r of this.stmts.unsyncedCounts.all(companyId) as { state: string; n: number }[]) {
      counts.unsynced += r.n;
      if (r.state === 'failed') counts.failedSyncs = r.n;
    }
    return counts;
  }

  companySummary(row: CompanyRow, generatedAt = this.changeState().changedAt): CompanySummary {
    return {
      ...this.counts(row.id),
      companyId: row.id,
      companyName: row.name,
      system: row.system,
      connector: toConnector(row, this.now()),
      generatedAt,
    };
  }

  summary(): Summary {
    const generatedAt = this.changeState().changedAt;
    const companies = this.companyRows().map((row) => this.companySummary(row, generatedAt));
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

  /** Next value of an AUTOINCREMENT key, so ids never repeat even after rows are deleted. */
  nextSeq(table: 'wizard_items' | 'log_entries' | 'unsynced'): number {
    const row = this.db.prepare('SELECT seq FROM sqlite_sequence WHERE name = ?').get(table) as { seq: number } | undefined;
    return (row?.seq ?? 0) + 1;
  }
}
