/**
 * The user's actions still in the outbox, as a page lists them (popup: the selected company's;
 * Sync Center: the companies in scope), with Try again and Discard. Shared by both stores.
 */
import { signal } from '@preact/signals';
import type { ActionState } from '@/lib/messaging/action-commands';
import type { SendCommand } from './client';

export function createWaitingActions(send: SendCommand, companyIds: () => readonly string[]) {
  const actions = signal<ActionState[]>([]);

  async function load(): Promise<void> {
    const wanted = companyIds();
    if (wanted.length === 0) {
      actions.value = [];
      return;
    }
    const reply = await send('actions.list', wanted.length === 1 ? { companyId: wanted[0]! } : {});
    if (!reply.ok) return;
    const now = new Set(companyIds());
    actions.value = reply.data.actions.filter((a) => a.companyId !== null && now.has(a.companyId));
  }

  return {
    actions,
    load,
    async retry(key: string): Promise<void> {
      await send('actions.retry', { key });
      await load();
    },
    async discard(key: string): Promise<void> {
      await send('actions.discard', { key });
      await load();
    },
  };
}
