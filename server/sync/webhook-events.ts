/**
 * QuickBooks Online webhooks, after their signature was checked: events are queued in one quick
 * transaction (the reply to Intuit must be fast), then each changed object is read from QuickBooks
 * and judged like a change found by the sweep. A redelivered event is stored once.
 */
import { isSyncedEntityType, type SyncedEntityType } from '../../lib/api/job-records.ts';
import type { QbObject, QuickBooksCompany } from '../quickbooks/boundary.ts';
import type { Store } from '../store/store.ts';
import { noteQuickBooksChange } from './quickbooks-changes.ts';

export interface IncomingEvent {
  realmId: string;
  entityType: string;
  qbId: string;
  operation: string;
  occurredAt: string | null;
}

export interface QueuedEvents {
  stored: number;
  repeated: number;
  /** Events for companies this service does not follow, or entity types it does not move. */
  ignored: number;
  companyIds: string[];
}

export async function queueWebhookEvents(store: Store, events: readonly IncomingEvent[]): Promise<QueuedEvents> {
  const result: QueuedEvents = { stored: 0, repeated: 0, ignored: 0, companyIds: [] };
  const companyFor = store.db.prepare('SELECT company_id FROM qbo_connections WHERE realm_id = ?').pluck();
  const insert = store.db.prepare(`INSERT INTO webhook_events (received_at, realm_id, entity_type, qb_id, operation, event_time, event_key)
    VALUES (?,?,?,?,?,?,?) ON CONFLICT (event_key) DO NOTHING`);
  const companies = new Set<string>();
  const at = store.nowIso();
  await store.db.transaction(async () => {
    for (const e of events) {
      const companyId = (await companyFor.get(e.realmId)) as string | undefined;
      if (!companyId || !isSyncedEntityType(e.entityType)) {
        result.ignored++;
        continue;
      }
      const key = [e.realmId, e.entityType, e.qbId, e.operation, e.occurredAt ?? ''].join('|');
      if ((await insert.run(at, e.realmId, e.entityType, e.qbId, e.operation, e.occurredAt, key)).changes) {
        result.stored++;
        companies.add(companyId);
      } else {
        result.repeated++;
      }
    }
  });
  result.companyIds = [...companies];
  return result;
}

interface EventRow { seq: number; entity_type: string; qb_id: string; operation: string; event_time: string | null; qb_updated_at: string | null }

/**
 * Reads every object the company's queued events name (once each, however many events) and lists
 * the real changes in the wizard. An object QuickBooks cannot give right now stays queued for the
 * next run. Returns how many wizard items were listed or refreshed.
 */
export async function processWebhookEvents(store: Store, companyId: string, qb: QuickBooksCompany): Promise<number> {
  const rows = (await store.db.prepare(`SELECT e.seq, e.entity_type, e.qb_id, e.operation, e.event_time, r.qb_updated_at FROM webhook_events e
    JOIN qbo_connections c ON c.realm_id = e.realm_id
    LEFT JOIN records r ON r.company_id = c.company_id AND r.entity_type = e.entity_type AND r.qb_id = e.qb_id
    WHERE c.company_id = ? AND e.processed_at IS NULL ORDER BY e.seq`).all(companyId)) as EventRow[];
  const byObject = new Map<string, EventRow[]>();
  for (const row of rows) {
    const key = `${row.entity_type}|${row.qb_id}`;
    byObject.set(key, [...(byObject.get(key) ?? []), row]);
  }
  let listed = 0;
  for (const events of byObject.values()) {
    const { entity_type: entityType, qb_id: qbId } = events[0]!;
    if (events.every(isOwnEcho)) {
      await markProcessed(store, events); // our own write coming back: nothing to read
      continue;
    }
    const outcome = await qb.read(entityType as SyncedEntityType, qbId);
    if (!outcome.ok) {
      if (outcome.failure.kind === 'fault') {
        await markProcessed(store, events); // QuickBooks will never give it: nothing to list
        continue;
      }
      break; // throttled, unavailable or signed out: the rest waits for the next run
    }
    const obj: QbObject = outcome.value ?? {
      entityType: entityType as SyncedEntityType, qbId, syncToken: '', deleted: true, active: false, record: null, updatedAt: null,
    };
    await store.write(async () => {
      if ((await noteQuickBooksChange(store, companyId, obj)) === 'listed') listed++;
      await markProcessed(store, events);
    });
  }
  return listed;
}

/**
 * An event no newer than the QuickBooks version we last wrote or saw. Both times are QuickBooks'
 * own (the event's lastUpdated and the object's MetaData), so the servers' clocks do not matter.
 */
function isOwnEcho(e: EventRow): boolean {
  if (!e.event_time || !e.qb_updated_at || e.operation === 'delete') return false;
  const event = Date.parse(e.event_time);
  const known = Date.parse(e.qb_updated_at);
  return Number.isFinite(event) && Number.isFinite(known) && event <= known;
}

async function markProcessed(store: Store, events: EventRow[]): Promise<void> {
  const at = store.nowIso();
  const mark = store.db.prepare('UPDATE webhook_events SET processed_at = ? WHERE seq = ?');
  await store.db.transaction(async () => {
    for (const e of events) await mark.run(at, e.seq);
  });
}

/** Processed events older than a week are dropped. */
export async function pruneWebhookEvents(store: Store): Promise<number> {
  const cutoff = new Date(store.now().getTime() - 7 * 86_400_000).toISOString();
  return (await store.db.prepare('DELETE FROM webhook_events WHERE processed_at IS NOT NULL AND processed_at < ?').run(cutoff)).changes;
}
