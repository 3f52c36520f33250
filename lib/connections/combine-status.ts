/**
 * Pure: one status for all connections together, so the badge and the pages keep a single
 * "where do we stand" while each service is polled on its own.
 * - nothing configured: unconfigured;
 * - at least one service answered on its last poll: ok (the others' problems are listed apart);
 * - every service failing: the most pressing failure (signed out, then error, then unreachable).
 * `lastSuccessAt` is the latest success of any service, so "data from" names the newest data and
 * a page watching it sees every successful poll.
 */
import type { ConnectionStatus } from '../messaging/protocol';

const FAILURE_ORDER: ConnectionStatus['state'][] = ['signed-out', 'error', 'unreachable'];

const latest = (values: (string | null)[]): string | null => values.reduce<string | null>((a, b) => (b && (!a || b > a) ? b : a), null);
const earliest = (values: (string | null)[]): string | null => values.reduce<string | null>((a, b) => (b && (!a || b < a) ? b : a), null);

export function combineStatuses(statuses: readonly ConnectionStatus[]): ConnectionStatus {
  const active = statuses.filter((s) => s.state !== 'unconfigured');
  if (active.length === 0) return { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };
  const lastSuccessAt = latest(active.map((s) => s.lastSuccessAt));
  const nextPollAt = earliest(active.map((s) => s.nextPollAt));
  if (active.some((s) => s.state === 'ok')) return { state: 'ok', lastSuccessAt, failingSince: null, message: null, nextPollAt };
  const worst = FAILURE_ORDER.map((state) => active.find((s) => s.state === state)).find(Boolean) ?? active[0]!;
  return { state: worst.state, lastSuccessAt, failingSince: earliest(active.map((s) => s.failingSince)), message: worst.message, nextPollAt };
}

/** The services that are not ok while others are (a partial outage), for the badge's tooltip. */
export function failingWhileOthersWork<T extends { status: ConnectionStatus }>(connections: readonly T[]): T[] {
  const active = connections.filter((c) => c.status.state !== 'unconfigured');
  if (!active.some((c) => c.status.state === 'ok')) return [];
  return active.filter((c) => c.status.state !== 'ok');
}
