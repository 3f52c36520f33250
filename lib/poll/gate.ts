/**
 * Decides whether a poll may go out now, and records the outcome of each poll. Each sync service
 * has its own gate, kept in storage.local so a restarted service worker still honours a back-off
 * or a Retry-After.
 *
 * Two limits:
 * - `notBefore`: the server's Retry-After. Nothing polls before it, not even a user refresh.
 * - `nextAutoAt`: back-off after failures, and the server's X-Poll-Interval when it is slower than
 *   the alarm. Only automatic (alarm) polls wait for it; a user who opens the popup gets a poll.
 *
 * A server's word is capped: a pause (Retry-After) at one hour and a poll interval at the longest
 * period the options offer, so a misconfigured or hostile server can never stop polling, pages
 * and waiting actions for longer than that, even across restarts.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import type { RequestGate } from '../api/client';
import { loadPerConnection } from '../connections/per-connection-storage';
import { backoffDelayMs } from './backoff';

/** Each sync service's gate, by connection id. */
export const GATES_KEY = 'pollGates';
/** Where the single gate lived before several services existed (read as the primary service's). */
export const LEGACY_GATE_KEY = 'pollGate';
/** Alarms fire a little early or late; a tick this close to the limit counts as on time. */
export const TICK_GRACE_MS = 1_000;
/** The longest pause a server's Retry-After can impose. */
export const MAX_RETRY_AFTER_SECONDS = 60 * 60;
/** The slowest a server's X-Poll-Interval can make polling: the longest period the options offer. */
export const MAX_POLL_INTERVAL_SECONDS = 60 * 60;

/** Pure: a server's Retry-After within bounds (undefined stays undefined). */
export function cappedRetryAfter(seconds: number | undefined): number | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds < 0) return undefined;
  return Math.min(seconds, MAX_RETRY_AFTER_SECONDS);
}

/** Pure: a server's X-Poll-Interval within bounds. */
export function cappedPollInterval(seconds: number | undefined): number | undefined {
  if (seconds === undefined || !Number.isFinite(seconds) || seconds <= 0) return undefined;
  return Math.min(seconds, MAX_POLL_INTERVAL_SECONDS);
}

const Gate = v.object({
  failures: v.number(),
  notBefore: v.number(),
  nextAutoAt: v.number(),
  pollIntervalSeconds: v.nullable(v.number()),
});
export type PollGate = v.InferOutput<typeof Gate>;

export const OPEN_GATE: PollGate = { failures: 0, notBefore: 0, nextAutoAt: 0, pollIntervalSeconds: null };

/**
 * Pure: a stored gate within today's caps. Gates written before the caps existed (or by a clock
 * that jumped) may reach far into the future; they are brought back within the caps from `now`.
 */
export function clampGate(gate: PollGate, now: number): PollGate {
  const notBefore = Math.min(gate.notBefore, now + MAX_RETRY_AFTER_SECONDS * 1000);
  const interval = cappedPollInterval(gate.pollIntervalSeconds ?? undefined) ?? null;
  const longestWait = Math.max(MAX_POLL_INTERVAL_SECONDS, MAX_RETRY_AFTER_SECONDS) * 1000;
  return { ...gate, notBefore, nextAutoAt: Math.min(gate.nextAutoAt, now + longestWait), pollIntervalSeconds: interval };
}

/** Every connection's gate (a connection without one may poll at once), within the caps. */
export async function loadGates(now: number = Date.now()): Promise<Record<string, PollGate>> {
  const gates = await loadPerConnection(Gate, GATES_KEY, LEGACY_GATE_KEY);
  return Object.fromEntries(Object.entries(gates).map(([id, gate]) => [id, clampGate(gate, now)]));
}

export function gateOf(gates: Record<string, PollGate>, connectionId: string): PollGate {
  return gates[connectionId] ?? { ...OPEN_GATE };
}

/**
 * Gate writes of this worker, one after the other: a poll's results and a page's request that
 * was told to pause must not overwrite each other.
 */
let writes: Promise<unknown> = Promise.resolve();

/** Changes the stored gates in one serialized read-modify-write. */
export function updateGates(change: (gates: Record<string, PollGate>) => Record<string, PollGate>): Promise<void> {
  const next = writes.then(async () => {
    const gates = await loadPerConnection(Gate, GATES_KEY, LEGACY_GATE_KEY);
    await browser.storage.local.set({ [GATES_KEY]: change(gates) });
  });
  writes = next.catch(() => undefined);
  return next;
}

/**
 * Stores the given gates as they are (connections left out lose theirs: removed, or reset), except
 * that a pause asked for meanwhile (by a page's own request) is kept.
 */
export function saveGates(gates: Record<string, PollGate>): Promise<void> {
  return updateGates((stored) =>
    Object.fromEntries(Object.entries(gates).map(([id, gate]) => [id, { ...gate, notBefore: Math.max(gate.notBefore, stored[id]?.notBefore ?? 0) }])),
  );
}

/** Drops the gates of the given connections (removed, or another service or account now). */
export function forgetGates(connectionIds: readonly string[]): Promise<void> {
  return updateGates((stored) => Object.fromEntries(Object.entries(stored).filter(([id]) => !connectionIds.includes(id))));
}

/** Records that a service asked for a pause (Retry-After) on any request, not only a poll. */
export function pauseConnection(connectionId: string, retryAfterSeconds: number, now: number): Promise<void> {
  const seconds = cappedRetryAfter(retryAfterSeconds) ?? 0;
  return updateGates((stored) => {
    const gate = gateOf(stored, connectionId);
    const notBefore = Math.max(gate.notBefore, now + seconds * 1000);
    return { ...stored, [connectionId]: { ...gate, notBefore, nextAutoAt: Math.max(gate.nextAutoAt, notBefore) } };
  });
}

export type PollTrigger = 'alarm' | 'user';

/** Pure: may a poll of this kind go out at `now`? */
export function mayPoll(gate: PollGate, now: number, trigger: PollTrigger): boolean {
  if (now < gate.notBefore) return false;
  if (trigger === 'alarm' && now + TICK_GRACE_MS < gate.nextAutoAt) return false;
  return true;
}

/** Pure: the gate after a successful poll that started at `startedAt`. */
export function afterSuccess(startedAt: number, pollIntervalSeconds: number | undefined): PollGate {
  const interval = cappedPollInterval(pollIntervalSeconds) ?? null;
  return {
    failures: 0,
    notBefore: 0,
    nextAutoAt: interval ? startedAt + interval * 1000 : 0,
    pollIntervalSeconds: interval,
  };
}

/** Pure: the gate after a failed poll. */
export function afterFailure(
  gate: PollGate,
  startedAt: number,
  retryAfterSeconds: number | undefined,
  random: () => number = Math.random,
): PollGate {
  const failures = gate.failures + 1;
  const retryAfter = cappedRetryAfter(retryAfterSeconds);
  const delay = backoffDelayMs(failures, { random, retryAfterSeconds: retryAfter });
  return {
    failures,
    notBefore: retryAfter ? startedAt + retryAfter * 1000 : 0,
    nextAutoAt: startedAt + delay,
    pollIntervalSeconds: gate.pollIntervalSeconds,
  };
}

/** When the next automatic poll can happen, given the alarm period. */
export function nextPollAt(gate: PollGate, lastTickAt: number, periodMinutes: number): number {
  return Math.max(lastTickAt + periodMinutes * 60_000, gate.nextAutoAt, gate.notBefore);
}

/**
 * The gate every request of one service's client goes through (see RequestGate). `preloaded`: the
 * stored gates as read a moment before the first request (a caller reading them alongside its own
 * checks); later requests read them again.
 */
export function requestGate(connectionId: string, now: () => number, preloaded?: Promise<Record<string, PollGate>>): RequestGate {
  let first = preloaded;
  return {
    pausedUntil: async () => {
      const gates = first ?? loadGates(now());
      first = undefined;
      return gateOf(await gates, connectionId).notBefore;
    },
    paused: (retryAfterSeconds) => pauseConnection(connectionId, retryAfterSeconds, now()),
  };
}
