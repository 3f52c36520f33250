/**
 * Decides whether a poll may go out now, and records the outcome of each poll. The gate is kept in
 * storage.local so a restarted service worker still honours a back-off or a Retry-After.
 *
 * Two limits:
 * - `notBefore`: the server's Retry-After. Nothing polls before it, not even a user refresh.
 * - `nextAutoAt`: back-off after failures, and the server's X-Poll-Interval when it is slower than
 *   the alarm. Only automatic (alarm) polls wait for it; a user who opens the popup gets a poll.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { backoffDelayMs } from './backoff';

export const GATE_KEY = 'pollGate';
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

export async function loadGate(): Promise<PollGate> {
  const parsed = v.safeParse(Gate, (await browser.storage.local.get(GATE_KEY))[GATE_KEY]);
  return parsed.success ? parsed.output : { ...OPEN_GATE };
}

export async function saveGate(gate: PollGate): Promise<void> {
  await browser.storage.local.set({ [GATE_KEY]: gate });
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
