/**
 * A page that started actions whose outcome it does not know yet (no answer from the service, or
 * the background stopped mid-way) asks the background what became of them by their keys: at once,
 * after every outbox change, and every few seconds (a stopped background wakes up when asked).
 * It stops once every action is settled.
 */
import type { ActionState } from '@/lib/messaging/action-commands';
import type { OutboxSubscribe } from '@/lib/outbox/outbox-subscribe';
import type { SendCommand } from './client';

export const ACTION_CHECK_MS = 2_000;

/** Settled: nothing will change without the user (not-done waits for a retry or a discard). */
export function isSettled(state: ActionState['state']): boolean {
  return state === 'done' || state === 'refused' || state === 'discarded' || state === 'unknown';
}

/** A random key for an action a page is about to send (its Idempotency-Key). */
export function newActionKey(): string {
  return crypto.randomUUID();
}

export function watchActions(
  send: SendCommand,
  keys: readonly string[],
  onUpdate: (states: ActionState[]) => void,
  options: { subscribe?: OutboxSubscribe; intervalMs?: number } = {},
): () => void {
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | null = null;
  let checking = false;
  let again = false;
  const stop = () => {
    stopped = true;
    if (timer) clearTimeout(timer);
    unsubscribe?.();
  };
  const check = async (): Promise<void> => {
    if (stopped) return;
    if (checking) {
      again = true;
      return;
    }
    checking = true;
    if (timer) clearTimeout(timer);
    const reply = await send('actions.status', { keys: [...keys] });
    checking = false;
    if (stopped) return;
    if (reply.ok) {
      onUpdate(reply.data.actions);
      if (reply.data.actions.every((a) => isSettled(a.state))) return stop();
    }
    if (again) {
      again = false;
      return check();
    }
    timer = setTimeout(() => void check(), options.intervalMs ?? ACTION_CHECK_MS);
  };
  const unsubscribe = options.subscribe?.(() => void check());
  void check();
  return stop;
}
