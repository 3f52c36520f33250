/**
 * Idempotency-Key handling: the first successful reply is stored in the same transaction as the
 * change it reports, so a replay returns it unchanged and a crash can never separate the two.
 */
import { createHash } from 'node:crypto';
import type { Store } from '../store/store.ts';
import { ProblemError, type HttpReply } from './problem.ts';

const KEY_PATTERN = /^[\x21-\x7e]{1,200}$/;

export function runIdempotent(store: Store, key: string | undefined, route: string, bodyText: string, action: () => HttpReply): HttpReply {
  if (key === undefined) return action();
  if (!KEY_PATTERN.test(key)) {
    throw new ProblemError(400, 'bad-request', 'Idempotency-Key must be 1 to 200 visible ASCII characters.', [{ path: 'Idempotency-Key', message: 'invalid header value' }]);
  }
  const bodyHash = createHash('sha256').update(bodyText).digest('hex');
  return store.db.transaction((): HttpReply => {
    const prior = store.db.prepare('SELECT body_hash, status, response FROM idempotency_keys WHERE key = ? AND route = ?').get(key, route) as
      { body_hash: string; status: number; response: string } | undefined;
    if (prior) {
      if (prior.body_hash !== bodyHash) {
        throw new ProblemError(422, 'idempotency-key-reused', 'This Idempotency-Key was already used for a different request body on this route; use a new key.');
      }
      return { status: prior.status, body: JSON.parse(prior.response), headers: { 'idempotent-replayed': 'true' } };
    }
    const reply = action();
    if (reply.status < 300) {
      store.db.prepare('INSERT INTO idempotency_keys (key, route, body_hash, status, response, created_at) VALUES (?,?,?,?,?,?)')
        .run(key, route, bodyHash, reply.status, JSON.stringify(reply.body), store.nowIso());
    }
    return reply;
  })();
}
