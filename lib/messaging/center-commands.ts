/**
 * Commands of the Sync Center (side panel, or the same page in a tab) and of the notification
 * settings. Extension pages only. The Sync Center also uses `state.get` / `state.refresh`
 * (companies, connectors, summary), `unsynced.resync`, `unsynced.clearId` and `error.explain`.
 */
import * as v from 'valibot';
import * as api from '../api/schema';
import { ActionKey } from './action-commands';

const command = <P extends v.GenericSchema, R extends v.GenericSchema>(payload: P, reply: R) =>
  ({ from: ['page'] as const, payload, reply });

export const UnsyncedSnapshot = v.object({
  companyId: api.Id,
  items: v.array(api.UnsyncedEntity),
  /** When these were fetched from the service (ISO). */
  fetchedAt: v.string(),
  /** Entities the service sent that had to be shortened or left out (see lib/api/tolerant-list). */
  damaged: v.optional(v.object({ repaired: v.number(), dropped: v.number() })),
});
export type UnsyncedSnapshot = v.InferOutput<typeof UnsyncedSnapshot>;

export const LogQuery = v.strictObject({
  companyId: api.Id,
  status: api.LogStatus,
  direction: v.optional(api.Direction),
  entityType: v.optional(api.EntityType),
  q: v.optional(v.pipe(v.string(), v.maxLength(200))),
  /** Inclusive day range, YYYY-MM-DD, in the user's time zone. */
  from: v.optional(v.pipe(v.string(), v.isoDate())),
  to: v.optional(v.pipe(v.string(), v.isoDate())),
  cursor: v.optional(v.pipe(v.string(), v.maxLength(500))),
  limit: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(api.MAX_PAGE_LIMIT))),
});
export type LogQuery = v.InferOutput<typeof LogQuery>;

export const LogSlice = v.object({
  items: v.array(api.LogEntry),
  nextCursor: v.nullable(v.string()),
  /** Entries per status for the same filters (status aside), for the tab labels; null if unknown. */
  counts: v.nullable(v.object({ pending: api.Count, success: api.Count, failed: api.Count })),
});
export type LogSlice = v.InferOutput<typeof LogSlice>;

/** One day of history for one company (local calendar day, YYYY-MM-DD). */
export const HistoryDay = v.object({
  day: v.string(),
  companyId: api.Id,
  waiting: api.Count,
  failed: api.Count,
  unsynced: api.Count,
});
export type HistoryDay = v.InferOutput<typeof HistoryDay>;

const Clock = v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be a time like 07:30'));

export const NotificationSettings = v.strictObject({
  /** Master switch; turning it on requests the optional `notifications` permission. */
  enabled: v.boolean(),
  /** Morning digest time (local), or null for no digest. */
  digestAt: v.nullable(Clock),
  newFailures: v.boolean(),
  connectorAlerts: v.boolean(),
  /** Quiet hours (local); nothing is shown in between (the digest waits until they end). */
  quietFrom: v.nullable(Clock),
  quietTo: v.nullable(Clock),
});
export type NotificationSettings = v.InferOutput<typeof NotificationSettings>;

export const WebConnectorFile = v.object({ text: v.pipe(v.string(), v.maxLength(api.MAX_QWC_CHARS)) });
export type WebConnectorFile = v.InferOutput<typeof WebConnectorFile>;

export const centerCommands = {
  /** The cached unsynced entities of one company, instantly (null when nothing is cached yet). */
  'center.unsyncedCached': command(v.strictObject({ companyId: api.Id }), v.nullable(UnsyncedSnapshot)),
  /** Every unsynced entity of one company (all pages), fetched and cached. */
  'center.unsynced': command(v.strictObject({ companyId: api.Id }), UnsyncedSnapshot),
  /** One page of the sync log. */
  'center.log': command(LogQuery, LogSlice),
  /** Resync many unsynced entities in one request, through the outbox. */
  'center.bulkResync': command(
    v.strictObject({
      companyId: api.Id,
      ids: v.pipe(v.array(api.Id), v.minLength(1), v.maxLength(api.MAX_BULK_IDS)),
      /** Chosen by the page, so it can ask what became of it if the reply is lost. */
      actionKey: v.optional(ActionKey),
    }),
    api.BulkResyncResult,
  ),
  /** Daily counts over the last `days` days (default 30), every followed company. */
  'center.history': command(
    v.strictObject({ days: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(90))) }),
    v.object({ days: v.array(HistoryDay) }),
  ),
  /**
   * The Web Connector file (.qwc) of a QuickBooks Desktop company, as text: the background fetches
   * it with the token, and the page saves it.
   */
  'connector.qwcFile': command(v.strictObject({ companyId: api.Id }), WebConnectorFile),
  'notifications.get': command(v.strictObject({}), NotificationSettings),
  /** Saves the settings (the page requests the permission in the click before sending this). */
  'notifications.save': command(NotificationSettings, NotificationSettings),
} as const;
