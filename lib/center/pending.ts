/**
 * Pending entries that the connector has already passed by: they were waiting before its last run
 * and are still Pending, so they are not moving. For QuickBooks Desktop that usually means the Web
 * Connector must be reconnected.
 */
import type { Connector, LogEntry } from '../api/schema';

export function isStuckPending(entry: Pick<LogEntry, 'status' | 'at'>, connector: Pick<Connector, 'lastRunAt'> | null | undefined): boolean {
  if (entry.status !== 'pending' || !connector?.lastRunAt) return false;
  const at = Date.parse(entry.at);
  const ran = Date.parse(connector.lastRunAt);
  return Number.isFinite(at) && Number.isFinite(ran) && at < ran;
}

/** What to do on the QuickBooks computer, in order, when Desktop Pending items do not move. */
export const WEB_CONNECTOR_STEPS = [
  'On the QuickBooks computer, open the QuickBooks Web Connector.',
  'Check the sync app is listed there (add it again from its .qwc file if it is missing).',
  'If it asks for a password, enter the sync password again.',
  'Tick the app and press "Update Selected".',
  'Keep QuickBooks Desktop open with the company file while it runs.',
] as const;

export const QBO_PENDING_STEPS = [
  'Check the QuickBooks Online connection on the Connector tab.',
  'If it is connected, ask the sync service provider why the queue is not moving.',
] as const;
