/**
 * The persisted connection status, so a popup opened while the service is down can say
 * "offline, data from 9:02" even after the service worker restarted.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { ApiError } from '../api/errors';
import { ConnectionStatus } from '../messaging/protocol';

export const STATUS_KEY = 'connectionStatus';

export const INITIAL_STATUS: ConnectionStatus = { state: 'unconfigured', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };

export async function loadStatus(): Promise<ConnectionStatus> {
  const parsed = v.safeParse(ConnectionStatus, (await browser.storage.local.get(STATUS_KEY))[STATUS_KEY]);
  return parsed.success ? parsed.output : { ...INITIAL_STATUS };
}

export async function saveStatus(status: ConnectionStatus): Promise<void> {
  await browser.storage.local.set({ [STATUS_KEY]: status });
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
