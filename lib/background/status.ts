/**
 * The persisted connection status of each sync service, so a popup opened while a service is
 * down can say "offline, data from 9:02" even after the service worker restarted.
 *
 * Each connection's status is kept under CONNECTION_STATUSES_KEY; the combination of all of them
 * (lib/connections/combine-status) under STATUS_KEY, which pages watch to follow every poll.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ApiError } from '../api/errors';
import { loadPerConnection } from '../connections/per-connection-storage';
import { combineStatuses } from '../connections/combine-status';
import { ConnectionStatus } from '../messaging/protocol';

export const STATUS_KEY = 'connectionStatus';
export const CONNECTION_STATUSES_KEY = 'connectionStatuses';

export const INITIAL_STATUS: ConnectionStatus = { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };

/** The combined status of all connections. */
export async function loadStatus(): Promise<ConnectionStatus> {
  const parsed = v.safeParse(ConnectionStatus, (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY]);
  return parsed.success ? parsed.output : { ...INITIAL_STATUS };
}

/**
 * Every connection's status. Before several services existed only the combined status was kept:
 * it was the primary service's own, and is read as such.
 */
export function loadConnectionStatuses(): Promise<Record<string, ConnectionStatus>> {
  return loadPerConnection(ConnectionStatus, CONNECTION_STATUSES_KEY, STATUS_KEY);
}

export function statusOf(statuses: Record<string, ConnectionStatus>, connectionId: string): ConnectionStatus {
  return statuses[connectionId] ?? { ...INITIAL_STATUS };
}

/**
 * Stores the statuses of the given connections (others are dropped: removed services) and their
 * combination, in one write so a watching page never sees the two disagree.
 */
export async function saveConnectionStatuses(statuses: Record<string, ConnectionStatus>): Promise<ConnectionStatus> {
  const combined = combineStatuses(Object.values(statuses));
  await browser.storage.local.set({ [CONNECTION_STATUSES_KEY]: statuses, [STATUS_KEY]: combined });
  return combined;
}

/** Pure: the status with the pause its service asked for, while that pause lasts. */
export function withPause(status: ConnectionStatus, pausedUntilMs: number, now: number): ConnectionStatus {
  return { ...status, pausedUntil: pausedUntilMs > now ? new Date(pausedUntilMs).toISOString() : null };
}

/** Pure: the latest pause among several statuses (null when none is paused). */
export function latestPause(statuses: readonly ConnectionStatus[]): string | null {
  return statuses.reduce<string | null>((a, s) => (s.pausedUntil && (!a || s.pausedUntil > a) ? s.pausedUntil : a), null);
}

/** Pure: the status after a successful poll. */
export function statusAfterSuccess(prev: ConnectionStatus, at: Date): ConnectionStatus {
  return { ...prev, state: 'ok', lastSuccessAt: at.toISOString(), failingSince: null, message: null };
}

/** Pure: the status after a failed poll; `failingSince` keeps the start of an ongoing outage. */
export function statusAfterFailure(prev: ConnectionStatus, error: ApiError, at: Date): ConnectionStatus {
  const state = error.code === 'signed-out' ? 'signed-out' : error.code === 'unreachable' ? 'unreachable' : 'error';
  const stillFailing = prev.state !== 'ok' && prev.state !== 'unconfigured' && prev.failingSince !== null;
  return { ...prev, state, failingSince: stillFailing ? prev.failingSince : at.toISOString(), message: error.message };
}
