/** The History tab's data: daily counts for the last 30 days, every followed company. */
import { batch, signal } from '@preact/signals';
import type { HistoryDay } from '@/lib/messaging/center-commands';
import { HISTORY_SPAN_DAYS } from '@/lib/center/history';
import type { ReplyError, SendCommand } from '../common/client';

export const HISTORY_DAYS = HISTORY_SPAN_DAYS;

export function createHistoryStore(deps: { send: SendCommand }) {
  const days = signal<HistoryDay[]>([]);
  const loading = signal(false);
  const loaded = signal(false);
  const error = signal<ReplyError | null>(null);
  const showTable = signal(false);

  async function load(): Promise<void> {
    batch(() => {
      loading.value = true;
      error.value = null;
    });
    const reply = await deps.send('center.history', { days: HISTORY_DAYS });
    batch(() => {
      loading.value = false;
      loaded.value = true;
      if (reply.ok) days.value = reply.data.days;
      else error.value = reply.error;
    });
  }

  return { days, loading, loaded, error, showTable, load, toggleTable: () => (showTable.value = !showTable.value) };
}

export type HistoryStore = ReturnType<typeof createHistoryStore>;
