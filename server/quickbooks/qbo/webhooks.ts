/**
 * QuickBooks Online webhooks: the signature check and the two payload formats.
 *
 * Intuit signs the raw body: `intuit-signature` is base64(HMAC-SHA256(verifier token, body bytes)).
 * Check it before parsing anything. Payloads come either in the legacy `eventNotifications` form or
 * as a CloudEvents array (`type` = `qbo.<entity>.<past-tense operation>.v1`); both become the same
 * list of events. A malformed payload is refused whole; events of an operation we do not know are
 * skipped, so a new kind of event from Intuit never blocks the ones we understand.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export type WebhookOperation = 'create' | 'update' | 'delete' | 'void' | 'merge' | 'emailed';

export interface WebhookEvent {
  realmId: string;
  /** QuickBooks' entity name in PascalCase, e.g. 'PurchaseOrder'. */
  entityType: string;
  qbId: string;
  operation: WebhookOperation;
  occurredAt: string | null;
  /** For merges: the id of the record merged away. */
  deletedId?: string;
}

export const MAX_WEBHOOK_EVENTS = 1000;
const REALM = /^[A-Za-z0-9]{1,64}$/;
const ENTITY_ID = /^[A-Za-z0-9._:-]{1,64}$/;
const ENTITY_NAME = /^[A-Za-z][A-Za-z0-9]{0,63}$/;
const MAX_TIME_LENGTH = 64;

/** True when `header` is the base64 HMAC-SHA256 of `rawBody` with `verifier`. */
export function verifyIntuitSignature(rawBody: Buffer | string, header: string | undefined, verifier: string): boolean {
  if (typeof header !== 'string' || !verifier) return false;
  const given = header.trim();
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(given) || given.length > 128) return false;
  const expected = createHmac('sha256', verifier).update(typeof rawBody === 'string' ? Buffer.from(rawBody, 'utf8') : rawBody).digest();
  const received = Buffer.from(given, 'base64');
  if (received.length !== expected.length) return false;
  return timingSafeEqual(received, expected);
}

/** QuickBooks entity names as Intuit spells them, for CloudEvents types (which are lower case). */
const KNOWN_ENTITIES = [
  'Account', 'Bill', 'BillPayment', 'Budget', 'Class', 'CreditMemo', 'Currency', 'Customer', 'Department', 'Deposit', 'Employee',
  'Estimate', 'Invoice', 'Item', 'JournalCode', 'JournalEntry', 'Payment', 'PaymentMethod', 'Preferences', 'Purchase',
  'PurchaseOrder', 'RefundReceipt', 'SalesReceipt', 'TaxAgency', 'Term', 'TimeActivity', 'Transfer', 'Vendor', 'VendorCredit',
  'RecurringTransaction', 'CompanyCurrency', 'ExchangeRate', 'Attachable', 'TaxCode', 'TaxRate',
];
const ENTITY_BY_LOWER = new Map(KNOWN_ENTITIES.map((name) => [name.toLowerCase(), name]));

const LEGACY_OPERATIONS: Record<string, WebhookOperation> = {
  create: 'create', update: 'update', delete: 'delete', void: 'void', merge: 'merge', emailed: 'emailed',
};
const CLOUD_OPERATIONS: Record<string, WebhookOperation> = {
  created: 'create', updated: 'update', deleted: 'delete', voided: 'void', merged: 'merge', emailed: 'emailed',
};

type Parsed = { events: WebhookEvent[] } | { error: string };

const isObj = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The events in a webhook body (already JSON-parsed), or why it is not a QuickBooks Online notification. */
export function parseWebhookPayload(json: unknown): Parsed {
  if (Array.isArray(json)) return parseCloudEvents(json);
  if (isObj(json) && Object.hasOwn(json, 'eventNotifications')) return parseLegacy(json.eventNotifications);
  return { error: 'expected an eventNotifications object or an array of CloudEvents.' };
}

function occurredAt(value: unknown, where: string): string | null | { error: string } {
  if (value === undefined || value === null) return null;
  if (typeof value !== 'string' || value.length > MAX_TIME_LENGTH || Number.isNaN(Date.parse(value))) {
    return { error: `${where} is not a date-time.` };
  }
  return value;
}

function parseLegacy(notifications: unknown): Parsed {
  if (!Array.isArray(notifications)) return { error: 'eventNotifications must be an array.' };
  const events: WebhookEvent[] = [];
  for (const [n, notification] of notifications.entries()) {
    const at = `eventNotifications[${n}]`;
    if (!isObj(notification)) return { error: `${at} must be an object.` };
    const realmId = notification.realmId;
    if (typeof realmId !== 'string' || !REALM.test(realmId)) return { error: `${at}.realmId must be a QuickBooks company id.` };
    const change = notification.dataChangeEvent;
    if (!isObj(change) || !Array.isArray(change.entities)) return { error: `${at}.dataChangeEvent.entities must be an array.` };
    for (const [e, entity] of change.entities.entries()) {
      const where = `${at}.dataChangeEvent.entities[${e}]`;
      if (!isObj(entity)) return { error: `${where} must be an object.` };
      const { name, id, operation } = entity;
      if (typeof name !== 'string' || !ENTITY_NAME.test(name)) return { error: `${where}.name must be an entity name.` };
      if (typeof id !== 'string' || !ENTITY_ID.test(id)) return { error: `${where}.id must be an entity id.` };
      if (typeof operation !== 'string' || operation.length > 32) return { error: `${where}.operation must be a string.` };
      const time = occurredAt(entity.lastUpdated, `${where}.lastUpdated`);
      if (isObj(time)) return time;
      let deletedId: string | undefined;
      if (entity.deletedId !== undefined && entity.deletedId !== null) {
        if (typeof entity.deletedId !== 'string' || !ENTITY_ID.test(entity.deletedId)) return { error: `${where}.deletedId must be an entity id.` };
        deletedId = entity.deletedId;
      }
      const op = LEGACY_OPERATIONS[operation.toLowerCase()];
      if (!op) continue;
      events.push({
        realmId, entityType: ENTITY_BY_LOWER.get(name.toLowerCase()) ?? name, qbId: id, operation: op, occurredAt: time,
        ...(deletedId ? { deletedId } : {}),
      });
      if (events.length > MAX_WEBHOOK_EVENTS) return { error: `more than ${MAX_WEBHOOK_EVENTS} events in one delivery.` };
    }
  }
  return { events };
}

function parseCloudEvents(list: unknown[]): Parsed {
  if (list.length > MAX_WEBHOOK_EVENTS) return { error: `more than ${MAX_WEBHOOK_EVENTS} events in one delivery.` };
  const events: WebhookEvent[] = [];
  for (const [i, event] of list.entries()) {
    const where = `[${i}]`;
    if (!isObj(event)) return { error: `${where} must be an object.` };
    const { type, intuitaccountid: realmId, intuitentityid: id } = event;
    if (typeof type !== 'string' || type.length > 128) return { error: `${where}.type must be a string.` };
    const m = /^qbo\.([a-z][a-z0-9]{0,63})\.([a-z]{1,32})\.v\d{1,3}$/i.exec(type);
    if (!m) return { error: `${where}.type must look like qbo.<entity>.<operation>.v1.` };
    if (typeof realmId !== 'string' || !REALM.test(realmId)) return { error: `${where}.intuitaccountid must be a QuickBooks company id.` };
    if (typeof id !== 'string' || !ENTITY_ID.test(id)) return { error: `${where}.intuitentityid must be an entity id.` };
    const time = occurredAt(event.time, `${where}.time`);
    if (isObj(time)) return time;
    let deletedId: string | undefined;
    if (isObj(event.data)) {
      const raw = event.data.deletedid ?? event.data.deletedId;
      if (raw !== undefined && raw !== null) {
        if (typeof raw !== 'string' || !ENTITY_ID.test(raw)) return { error: `${where}.data.deletedid must be an entity id.` };
        deletedId = raw;
      }
    }
    const op = CLOUD_OPERATIONS[m[2]!.toLowerCase()];
    if (!op) continue;
    const lower = m[1]!.toLowerCase();
    events.push({
      realmId, entityType: ENTITY_BY_LOWER.get(lower) ?? lower.charAt(0).toUpperCase() + lower.slice(1), qbId: id, operation: op,
      occurredAt: time, ...(deletedId ? { deletedId } : {}),
    });
  }
  return { events };
}
