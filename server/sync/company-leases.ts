/**
 * Leases on a company's work, so that with several server instances on one database only one runs
 * a company at a time (a QuickBooks Online run, its webhooks, the schedule). A lease names its
 * holder and expires unless renewed; the holder renews it while the work lasts, so the lease of an
 * instance that died runs out and another instance takes the company over. Taking a lease is one
 * atomic upsert on both engines. Leases do not count as data changes: taking one leaves the
 * summary's ETag alone, so idle polls still get 304.
 */
import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import { runWithWriteGuard } from '../quickbooks/write-guard.ts';
import type { Store } from '../store/store.ts';

export interface LeaseOptions {
  /** How long a lease lasts without renewal (default 30 s). */
  ttlMs?: number;
  /** Who this instance is, as stored (default host:pid:random). */
  holder?: string;
}

export interface HoldOptions {
  /** Wait for another holder to finish (polling) instead of giving up at once; default true. */
  wait?: boolean;
  /** How long to wait at most before throwing CompanyBusyError (default: two lease lifetimes). */
  maxWaitMs?: number;
}

/** Another instance holds the company's lease. */
export class CompanyBusyError extends Error {
  constructor(readonly companyId: string, readonly holder: string | null) {
    super(`Company ${companyId} is being synced by another server instance${holder ? ` (${holder})` : ''}; try again shortly.`);
  }
}

/**
 * This instance's lease ran out and another instance took the company over while the work was
 * under way (a long pause, a database that did not answer renewals). The work stops before sending
 * anything more to QuickBooks; the new holder finishes it.
 */
export class LeaseLostError extends CompanyBusyError {
  constructor(companyId: string, holder: string | null) {
    super(companyId, holder);
    this.message = `Company ${companyId} was taken over by another server instance${holder ? ` (${holder})` : ''} while this one ` +
      'was syncing it; nothing more was sent from here. Try again shortly.';
  }
}

/** The lease `hold` runs its work under. */
export interface HeldLease {
  /**
   * Renews the lease now, or throws LeaseLostError when another instance has taken it. Work calls
   * this right before sending anything to QuickBooks, so an instance that lost its lease stops.
   */
  confirm(): Promise<void>;
  /**
   * Throws LeaseLostError unless the lease is still ours by this instance's own reckoning (its last
   * renewal is recent enough). No database call, so it can sit right before a request leaves.
   */
  assertHeld(): void;
}

const POLL_MS = 200;

export class CompanyLeases {
  readonly holder: string;
  readonly ttlMs: number;

  constructor(private readonly store: Store, options: LeaseOptions = {}) {
    this.ttlMs = options.ttlMs ?? 30_000;
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  }

  private expiry(): string {
    return new Date(this.store.now().getTime() + this.ttlMs).toISOString();
  }

  /** Takes the lease if it is free, expired or already ours; true when this instance holds it now. */
  async acquire(companyId: string): Promise<boolean> {
    const now = this.store.nowIso();
    const { changes } = await this.store.db.prepare(`INSERT INTO company_leases (company_id, holder, acquired_at, expires_at)
      VALUES (?, ?, ?, ?)
      ON CONFLICT (company_id) DO UPDATE SET holder = excluded.holder, acquired_at = excluded.acquired_at, expires_at = excluded.expires_at
      WHERE company_leases.expires_at <= ? OR company_leases.holder = ?`).run(companyId, this.holder, now, this.expiry(), now, this.holder);
    return changes === 1;
  }

  /** Extends our lease; false when it was lost (expired and taken by another instance). */
  async renew(companyId: string): Promise<boolean> {
    const { changes } = await this.store.db.prepare('UPDATE company_leases SET expires_at = ? WHERE company_id = ? AND holder = ?')
      .run(this.expiry(), companyId, this.holder);
    return changes === 1;
  }

  async release(companyId: string): Promise<void> {
    await this.store.db.prepare('DELETE FROM company_leases WHERE company_id = ? AND holder = ?').run(companyId, this.holder);
  }

  /** Who holds the company's lease now (null when nobody or expired). */
  async holderOf(companyId: string): Promise<string | null> {
    const row = (await this.store.db.prepare('SELECT holder, expires_at FROM company_leases WHERE company_id = ?').get(companyId)) as
      { holder: string; expires_at: string } | undefined;
    return row && row.expires_at > this.store.nowIso() ? row.holder : null;
  }

  /**
   * Runs `fn` holding the company's lease, renewing it every third of its lifetime, and releases
   * it afterwards. Waits for another holder unless told not to (then throws CompanyBusyError).
   */
  async hold<T>(companyId: string, fn: (lease: HeldLease) => Promise<T>, options: HoldOptions = {}): Promise<T> {
    const wait = options.wait ?? true;
    const deadline = Date.now() + (options.maxWaitMs ?? this.ttlMs * 2);
    while (!(await this.acquire(companyId))) {
      if (!wait || Date.now() >= deadline) throw new CompanyBusyError(companyId, await this.holderOf(companyId));
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
    }
    let lost = false;
    // Until when the lease is surely ours: its expiry less a tenth, for clocks that differ between hosts.
    const margin = this.ttlMs / 10;
    let heldUntil = this.store.now().getTime() + this.ttlMs - margin;
    const renew = async () => {
      if (lost) return;
      const asked = this.store.now().getTime();
      if (await this.renew(companyId)) heldUntil = asked + this.ttlMs - margin;
      else lost = true;
    };
    const lease: HeldLease = {
      confirm: async () => {
        await renew();
        if (lost) throw new LeaseLostError(companyId, await this.holderOf(companyId));
      },
      assertHeld: () => {
        if (lost || this.store.now().getTime() >= heldUntil) throw new LeaseLostError(companyId, null);
      },
    };
    // A renewal that fails to reach the database is retried at the next tick; one that finds the
    // lease taken marks it lost for good.
    const renewal = setInterval(() => void renew().catch(() => {}), Math.max(50, Math.floor(this.ttlMs / 3)));
    renewal.unref();
    try {
      // The QuickBooks clients check the lease right before each write (server/quickbooks/write-guard.ts).
      return await runWithWriteGuard(lease, () => fn(lease));
    } finally {
      clearInterval(renewal);
      // release only deletes a lease that is still ours, so a lost one stays with its new holder.
      await this.release(companyId).catch(() => {});
    }
  }
}
