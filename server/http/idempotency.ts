/**
 * Idempotency-Key handling: the first successful reply is stored in the same transaction as the
 * change it reports, so a replay returns it unchanged and a crash can never separate the two.
 *
 * A request is "the same" when its body is the same JSON value: whitespace and key order do not
 * count (the hash is over a canonical form with sorted keys); a body that is not JSON is compared
 * by its raw text. Stored keys are pruned by age and by count, oldest first, at start-up and every
 * `pruneEvery` stored keys.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { ProblemError, type HttpReply } from './problem.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export interface IdempotencyRetention {
  /** Keys older than this are pruned (default 7 days). */
  maxAgeMs: number;
  /** At most this many keys are kept, the newest (default 10,000). */
  maxKeys: number;
  /** Prune after this many stored keys (default 100). */
  pruneEvery: number;
}

export const DEFAULT_RETENTION: IdempotencyRetention = { maxAgeMs: 7 * 24 * 60 * 60 * 1000, maxKeys: 10_000, pruneEvery: 100 };

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** JSON text with object keys sorted and no whitespace; null when `text` is not JSON. */
export function canonicalJson(text: string): string | null {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return null;
  }
  try {
    return canonical(value);
  } catch {
    return null; // nested too deep to walk: compare the raw text
  }
}

function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const obj = value as Record<string, unknown>;
    return `{${Object.keys(obj).sort().map((k) => `${JSON.stringify(k)}:${canonical(obj[k])}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

/** The hash that identifies a request body: of its canonical JSON, or of its raw text when it is not JSON. */
export function bodyHash(text: string): string {
  return sha256(canonicalJson(text) ?? text);
}

function checkKey(key: string): void {
  if (!KEY_PATTERN.test(key)) {
    throw new ProblemError(400, 'bad-request', 'Idempotency-Key must be 1 to 200 visible ASCII characters.', [{ path: 'Idempotency-Key', message: 'invalid header value' }]);
  }
}

export class IdempotencyKeys {
  private readonly retention: IdempotencyRetention;
  private storedSincePrune = 0;
  /** The prune at start-up; requests wait for it, so none is answered from a key already expired. */
  private readonly started: Promise<void>;

  constructor(private readonly store: Store, retention: Partial<IdempotencyRetention> = {}) {
    this.retention = { ...DEFAULT_RETENTION, ...retention };
    this.started = this.prune().then(
      () => undefined,
      (err: Error) => console.error(`synclens server: pruning idempotency keys failed (${err.message}); will try again`),
    );
  }

  /**
   * Runs `action` (database work only: it runs inside a write) and stores its reply with the change
   * it reports. A replay only reads, so it neither takes the write lock nor moves the summary's ETag.
   */
  async run(key: string | undefined, route: string, bodyText: string, action: () => Promise<HttpReply>): Promise<HttpReply> {
    if (key === undefined) return action();
    checkKey(key);
    await this.started;
    const hash = bodyHash(bodyText);
    const prior = await this.replay(key, route, hash, bodyText);
    if (prior) return prior;
    let stored = false;
    const reply = await this.store.write(async (): Promise<HttpReply> => {
      // Checked again under the write lock: the same request may have been stored meanwhile.
      const storedMeanwhile = await this.replay(key, route, hash, bodyText);
      if (storedMeanwhile) return storedMeanwhile;
      const result = await action();
      if (result.status < 300) {
        await this.store.db.prepare('INSERT INTO idempotency_keys (key, route, body_hash, status, response, created_at) VALUES (?,?,?,?,?,?)')
          .run(key, route, hash, result.status, JSON.stringify(result.body), this.store.nowIso());
        stored = true;
      }
      return result;
    });
    if (stored) await this.noteStored();
    return reply;
  }

  /** The stored reply for this key, or null; 422 when the key was used for another body. */
  private async replay(key: string, route: string, hash: string, bodyText: string): Promise<HttpReply | null> {
    const prior = (await this.store.db.prepare('SELECT body_hash, status, response FROM idempotency_keys WHERE key = ? AND route = ?').get(key, route)) as
      { body_hash: string; status: number; response: string } | undefined;
    if (!prior) return null;
    // Keys stored before bodies were compared as JSON hold the hash of the raw text.
    if (prior.body_hash !== hash && prior.body_hash !== sha256(bodyText)) {
      throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request body on this route; use a new key.');
    }
    return { status: prior.status, body: JSON.parse(prior.response), headers: { 'idempotent-replayed': 'true' } };
  }

  private async noteStored(): Promise<void> {
    if (++this.storedSincePrune < this.retention.pruneEvery) return;
    // The change is committed and acknowledged whatever happens here; a failed prune is retried
    // after the next stored key.
    try {
      await this.prune();
    } catch (err) {
      console.error(`synclens server: pruning idempotency keys failed (${(err as Error).message}); will try again`);
    }
  }

  /**
   * For actions that wait on QuickBooks (a connector run): the reply cannot share a transaction with
   * changes made over the wire, so it is stored after the action. A replay still gets the stored
   * reply; two copies sent at the same moment may both run, which a run tolerates (the second finds
   * nothing left to do).
   */
  async runAsync(key: string | undefined, route: string, bodyText: string, action: () => Promise<HttpReply>): Promise<HttpReply> {
    if (key === undefined) return action();
    checkKey(key);
    await this.started;
    const hash = bodyHash(bodyText);
    const prior = await this.replay(key, route, hash, bodyText);
    if (prior) return prior;
    const result = await action();
    if (result.status < 300) {
      const inserted = await this.store.db.prepare(`INSERT INTO idempotency_keys (key, route, body_hash, status, response, created_at)
        VALUES (?,?,?,?,?,?) ON CONFLICT DO NOTHING`)
        .run(key, route, hash, result.status, JSON.stringify(result.body), this.store.nowIso());
      if (inserted.changes) await this.noteStored();
    }
    return result;
  }

  /**
   * Deletes keys older than maxAgeMs, then all but the newest maxKeys (by created_at; keys stored in
   * the same millisecond are ordered by key and route). Returns how many went.
   */
  async prune(): Promise<number> {
    const db = this.store.db;
    const cutoff = new Date(this.store.now().getTime() - this.retention.maxAgeMs).toISOString();
    // Not store.write: the keys are not part of the summary, so pruning must not move its ETag.
    const removed = await db.transaction(async () => {
      const expired = (await db.prepare('DELETE FROM idempotency_keys WHERE created_at < ?').run(cutoff)).changes;
      // The newest key past the limit: it and every older one go.
      const first = (await db.prepare(`SELECT created_at, key, route FROM idempotency_keys
        ORDER BY created_at DESC, key DESC, route DESC LIMIT 1 OFFSET ?`).get(this.retention.maxKeys)) as
        { created_at: string; key: string; route: string } | undefined;
      if (!first) return expired;
      const excess = (await db.prepare(`DELETE FROM idempotency_keys WHERE created_at < ?
        OR (created_at = ? AND (key < ? OR (key = ? AND route <= ?)))`)
        .run(first.created_at, first.created_at, first.key, first.key, first.route)).changes;
      return expired + excess;
    });
    this.storedSincePrune = 0;
    return removed;
  }
}
