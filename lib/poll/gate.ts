/**
 * Decides whether a poll may go out now, and records the outcome of each poll. Each sync service
 * has its own gate, kept in storage.local so a restarted service worker still honours a back-off
 * or a Retry-After.
 *
 * Two limits:
 * - `notBefore`: the server's Retry-After. Nothing polls before it, not even a user refresh.
 * - `nextAutoAt`: back-off after failures, and the server's X-Poll-Interval when it is slower than
 *   the alarm. Only automatic (alarm) polls wait for it; a user who opens the popup gets a poll.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { loadPerConnection } from '../connections/per-connection-storage';
import { backoffDelayMs } from './backoff';

/** Each sync service's gate, by connection id. */
export const GATES_KEY = 'pollGates';
/** Where the single gate lived before several services existed (read as the primary service's). */
export const LEGACY_GATE_KEY = 'pollGate';
/** Alarms fire a little early or late; a tick this close to the limit counts as on time. */
export const TICK_GRACE_MS = 1_000;

const Gate = v.object({
  failures: v.number(),
  notBefore: v.number(),
  nextAutoAt: v.number(),
  pollIntervalSeconds: v.nullable(v.number()),
});
export type PollGate = v.InferOutput<typeof Gate>;

export const OPEN_GATE: PollGate = { failures: 0, notBefore: 0, nextAutoAt: 0, pollIntervalSeconds: null };

/** Every connection's gate (a connection without one may poll at once). */
export function loadGates(): Promise<Record<string, PollGate>> {
  return loadPerConnection(Gate, GATES_KEY, LEGACY_GATE_KEY);
}

export function gateOf(gates: Record<string, PollGate>, connectionId: string): PollGate {
  return gates[connectionId] ?? { ...OPEN_GATE };
}

/** Stores all gates in one write (connections left out lose theirs: removed, or reset). */
export async function saveGates(gates: Record<string, PollGate>): Promise<void> {
  await browser.storage.local.set({ [GATES_KEY]: gates });
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
  const interval = pollIntervalSeconds ?? null;
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
  const delay = backoffDelayMs(failures, { random, retryAfterSeconds });
  return {
    failures,
    notBefore: retryAfterSeconds ? startedAt + retryAfterSeconds * 1000 : 0,
    nextAutoAt: startedAt + delay,
    pollIntervalSeconds: gate.pollIntervalSeconds,
  };
}

/** When the next automatic poll can happen, given the alarm period. */
export function nextPollAt(gate: PollGate, lastTickAt: number, periodMinutes: number): number {
  return Math.max(lastTickAt + periodMinutes * 60_000, gate.nextAutoAt, gate.notBefore);
}
