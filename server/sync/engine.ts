/**
 * The sync engine: one run per company at a time. A run takes QuickBooks' changes first (queued
 * webhooks, then the change sweep), then sends every pending approved entry through the company's
 * QuickBooks boundary, writing each answer as it comes (a crash loses at most the entries in flight,
 * whose requestids make their retry safe). Companies without a QuickBooks connection over the wire
 * (fixtures) use the in-process emulator run; QuickBooks Desktop companies with a Web Connector login
 * are synced inside Web Connector sessions (server/quickbooks/qbd/session.ts), which write their
 * results through writeEntryResult.
 */
import type { ConnectorRunResult } from '../../lib/api/schema.ts';
import { isSyncedEntityType } from '../../lib/api/job-records.ts';
import { runConnector } from '../emulator/connector.ts';
import type { QuickBooksCompany } from '../quickbooks/boundary.ts';
import { hasCredentials } from '../quickbooks/qbd/credentials.ts';
import { toConnector, type LogRow } from '../store/rows.ts';
import { CompanyLeases, type HeldLease } from './company-leases.ts';
import { chunksOf, placeholders } from '../db/sql-database.ts';
import type { Store } from '../store/store.ts';
import { recordSyncFailure } from '../store/unsynced.ts';
import { returnKeptItems } from '../store/wizard.ts';
import { EXPORT_LEVELS, exportSingle, linkCreated, prepareExport, type EntryResult, type PreparedCreate } from './export-entries.ts';
import { importEntry, sweepChanges } from './quickbooks-changes.ts';
import { processWebhookEvents } from './webhook-events.ts';

/** Finds the QuickBooks boundary of a company; null = no connection over the wire. */
export interface QuickBooksDirectory {
  forCompany(companyId: string): Promise<QuickBooksCompany | null>;
  /** Drops what is cached for the company (it was reconnected). */
  forget(companyId: string): void;
}

/** How many single (non-batch) calls run at once per company; the QuickBooks client enforces its own limits beneath. */
const SINGLE_CONCURRENCY = 5;

export interface RunOptions {
  /**
   * When another instance holds the company (several instances on one database): wait for it
   * (default), or give up at once with CompanyBusyError (the schedule: that instance is on it).
   */
  waitForOtherInstance?: boolean;
}

export class SyncEngine {
  private readonly running = new Map<string, Promise<ConnectorRunResult>>();
  readonly leases: CompanyLeases;

  constructor(readonly store: Store, readonly directory: QuickBooksDirectory, leases?: CompanyLeases) {
    this.leases = leases ?? new CompanyLeases(store);
  }

  private readonly chains = new Map<string, Promise<void>>();

  /** Runs the company's sync; a run already under way here is joined, not doubled. */
  run(companyId: string, options: RunOptions = {}): Promise<ConnectorRunResult> {
    const current = this.running.get(companyId);
    if (current) return current;
    const run = this.exclusive(companyId, options.waitForOtherInstance ?? true, async (lease) => {
      const qb = await this.directory.forCompany(companyId);
      if (qb) return this.runOverTheWire(companyId, qb, lease);
      // A Desktop company with a Web Connector login is synced by the Web Connector's sessions only:
      // a run on request or on schedule reports where things stand and leaves the entries waiting.
      if (await hasCredentials(this.store, companyId)) return this.summaryAfter(companyId, 0, 0, 0);
      return runConnector(this.store, companyId);
    });
    const tracked = run.finally(() => this.running.delete(companyId));
    this.running.set(companyId, tracked);
    return tracked;
  }

  /** Changes reported by webhooks, read under the company's turn so they never race a run's own writes. */
  drainWebhooks(companyId: string): Promise<number> {
    return this.exclusive(companyId, true, async () => {
      const qb = await this.directory.forCompany(companyId);
      return qb ? processWebhookEvents(this.store, companyId, qb) : 0;
    });
  }

  forget(companyId: string): void {
    this.directory.forget(companyId);
  }

  /** Resolves when nothing is running or queued for any company. */
  async idle(): Promise<void> {
    while (this.chains.size) await Promise.all([...this.chains.values()]);
  }

  /**
   * One thing at a time per company: runs and webhook reads queue behind each other in this
   * instance, and each holds the company's lease so no other instance works on it meanwhile.
   */
  private exclusive<T>(companyId: string, waitForOtherInstance: boolean, fn: (lease: HeldLease) => Promise<T>): Promise<T> {
    const previous = this.chains.get(companyId) ?? Promise.resolve();
    const next = previous.then(() => this.leases.hold(companyId, fn, { wait: waitForOtherInstance }));
    const tail = next.then(() => undefined, () => undefined);
    this.chains.set(companyId, tail);
    void tail.then(() => {
      if (this.chains.get(companyId) === tail) this.chains.delete(companyId);
    });
    return next;
  }

  private async runOverTheWire(companyId: string, qb: QuickBooksCompany, lease: HeldLease): Promise<ConnectorRunResult> {
    const store = this.store;
    if (!(await store.companyRow(companyId))) throw new Error(`Unknown company ${companyId}`);
    const at = () => store.nowIso();
    let succeeded = 0;
    let failed = 0;
    let stopped: string | null = null;

    await processWebhookEvents(store, companyId, qb);
    const swept = await sweepChanges(store, companyId, qb);
    if ('kind' in swept && swept.kind === 'stop') stopped = swept.message;

    const write = async (entry: LogRow, result: EntryResult) => {
      const outcome = await writeEntryResult(store, entry, result);
      if (outcome === 'success') succeeded++;
      else if (outcome === 'failed') failed++;
      else if (outcome === 'stop' && result.kind === 'stop') stopped = result.message;
    };

    const pending = (await store.db.prepare(`SELECT * FROM log_entries WHERE company_id = ? AND status = 'pending'
      AND (retry_at IS NULL OR retry_at <= ?) ORDER BY seq`).all(companyId, at())) as (LogRow & { retry_at: string | null })[];
    const exports = pending.filter((e) => e.direction === 'export');
    const imports = pending.filter((e) => e.direction === 'import');
    const levels = EXPORT_LEVELS.map((types) => exports.filter((e) => (types as readonly string[]).includes(e.entity_type)));
    levels[0]!.push(...exports.filter((e) => !isSyncedEntityType(e.entity_type)));

    for (const level of levels) {
      if (stopped || (await this.throttled(companyId))) break;
      const creates: PreparedCreate[] = [];
      const singles: LogRow[] = [];
      for (const entry of level) {
        const prepared = await prepareExport(store, entry);
        if (prepared === 'single') singles.push(entry);
        else if ('request' in prepared) creates.push(prepared);
        else await store.write(() => write(entry, prepared));
      }
      if (creates.length) {
        // The QuickBooks calls first, then one write for all their answers.
        await markSent(store, lease, creates.map((c) => c.entry), at());
        const outcomes = await qb.createMany(creates.map((c) => c.request));
        await store.write(async () => {
          for (const [i, c] of creates.entries()) await write(c.entry, await linkCreated(store, c, outcomes[i]!, at()));
        });
      }
      await eachLimited(singles, SINGLE_CONCURRENCY, async (entry) => {
        if (stopped) return;
        await markSent(store, lease, [entry], at());
        const result = await exportSingle(store, qb, entry, at);
        await store.write(() => write(entry, result));
      });
    }
    await eachLimited(stopped ? [] : imports, SINGLE_CONCURRENCY, async (entry) => {
      if (stopped) return;
      const result = await importEntry(store, qb, entry, at);
      await store.write(() => write(entry, result));
    });

    return store.write(async () => {
      const returned = await returnKeptItems(store, companyId);
      const ranAt = at();
      if (stopped) {
        // The connection needs a person: the connector says so (the badge shows a sign-in problem).
        await store.db.prepare("UPDATE companies SET connector_override = 'auth-expired', connector_message = ? WHERE id = ?").run(stopped, companyId);
      } else {
        await store.db.prepare(`UPDATE companies SET last_run_at = ?, last_contact_at = ?, connector_override = NULL, connector_message = NULL
          WHERE id = ?`).run(ranAt, ranAt, companyId);
      }
      return this.summaryAfter(companyId, succeeded, failed, returned);
    });
  }

  private async summaryAfter(companyId: string, succeeded: number, failed: number, returned: number): Promise<ConnectorRunResult> {
    const row = (await this.store.companyRow(companyId))!;
    return {
      ranAt: row.last_run_at ?? this.store.nowIso(), processed: succeeded + failed, succeeded, failed, returnedToWizard: returned,
      connector: toConnector(row, this.store.now()),
    };
  }

  /** True while QuickBooks has asked this company's run to wait (an entry carries a future retry time). */
  private async throttled(companyId: string): Promise<boolean> {
    return (await this.store.db.prepare("SELECT 1 FROM log_entries WHERE company_id = ? AND status = 'pending' AND retry_at > ? LIMIT 1")
      .get(companyId, this.store.nowIso())) !== undefined;
  }
}

/**
 * Writes one entry's result (inside a write): success clears its unsynced entity, a failure records
 * QuickBooks' code and message as one. Shared by engine runs and Web Connector sessions.
 */
export async function writeEntryResult(store: Store, entry: LogRow, result: EntryResult): Promise<'success' | 'failed' | 'pending' | 'stop'> {
  const db = store.db;
  const at = store.nowIso();
  switch (result.kind) {
    case 'success':
      await db.prepare(`UPDATE log_entries SET status = 'success', at = ?, qb_id = COALESCE(NULLIF(?, ''), qb_id), error_code = NULL,
        error_message = NULL, error_detail = NULL, intuit_tid = ?, retry_at = NULL, sent_at = NULL WHERE seq = ?`).run(at, result.qbId, result.tid, entry.seq);
      await db.prepare('DELETE FROM unsynced WHERE company_id = ? AND entity_type = ? AND local_id = ?').run(entry.company_id, entry.entity_type, entry.local_id);
      return 'success';
    case 'failed': {
      await db.prepare(`UPDATE log_entries SET status = 'failed', at = ?, error_code = ?, error_message = ?, error_detail = ?, intuit_tid = ?,
        retry_at = NULL, sent_at = NULL WHERE seq = ?`).run(at, result.code, result.message, result.detail, result.tid, entry.seq);
      const record = (await db.prepare('SELECT name, doc_number, qb_id, local_url FROM records WHERE company_id = ? AND entity_type = ? AND local_id = ?')
        .get(entry.company_id, entry.entity_type, entry.local_id)) as { name: string; doc_number: string | null; qb_id: string | null; local_url: string | null } | undefined;
      await recordSyncFailure(store, entry, record && { name: record.name, docNumber: record.doc_number, qbId: record.qb_id, localUrl: record.local_url },
        { code: result.code, message: result.message, detail: result.detail }, at);
      return 'failed';
    }
    case 'wait':
      await db.prepare('UPDATE log_entries SET retry_at = ?, sent_at = NULL WHERE seq = ?')
        .run(new Date(store.now().getTime() + result.retryAfterMs).toISOString(), entry.seq);
      return 'pending';
    case 'stop':
      return 'stop';
  }
}

/**
 * Notes that these entries are about to reach QuickBooks. It stays set only if the run dies before
 * writing their answers; bookkeeping, not a change anyone sees, so the change counter stays put.
 * First it confirms the company's lease: an instance that lost it stops here, before sending.
 */
async function markSent(store: Store, lease: HeldLease, entries: readonly LogRow[], at: string): Promise<void> {
  await lease.confirm();
  for (const chunk of chunksOf(entries)) {
    await store.db.prepare(`UPDATE log_entries SET sent_at = ? WHERE seq IN (${placeholders(chunk.length)})`).run(at, ...chunk.map((e) => e.seq));
  }
}

/** Runs `fn` over `items` with at most `limit` at once. */
async function eachLimited<T>(items: readonly T[], limit: number, fn: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) await fn(items[next++]!);
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
}
