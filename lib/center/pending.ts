/**
 * Pending entries that the connector has already passed by: they were waiting before its last run
 * and are still Pending, so they are not moving. For QuickBooks Desktop that usually means the Web
 * Connector must be reconnected.
 */
import type { Connector, LogEntry } from '../api/schema';
import type { MessageKey } from '../i18n/t';

export function isStuckPending(entry: Pick<LogEntry, 'status' | 'at'>, connector: Pick<Connector, 'lastRunAt'> | null | undefined): boolean {
  if (entry.status !== 'pending' || !connector?.lastRunAt) return false;
  const at = Date.parse(entry.at);
  const ran = Date.parse(connector.lastRunAt);
  return Number.isFinite(at) && Number.isFinite(ran) && at < ran;
}

/** What to do on the QuickBooks computer, in order, when Desktop Pending items do not move (message keys). */
export const WEB_CONNECTOR_STEPS: readonly MessageKey[] = [
  'centerStuckQbdStep1',
  'centerStuckQbdStep2',
  'centerStuckQbdStep3',
  'centerStuckQbdStep4',
  'centerStuckQbdStep5',
];

export const QBO_PENDING_STEPS: readonly MessageKey[] = ['centerStuckQboStep1', 'centerStuckQboStep2'];
