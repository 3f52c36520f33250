/**
 * Fixture files: a JSON description of companies, the emulated QuickBooks records and the sync
 * service's state. The whole file is validated before anything is written, and loaded in one
 * transaction, so a bad fixture loads nothing. Format: docs/sync-api.md ("Fixture format").
 */
import * as v from 'valibot';
import {
  Company, ConnectorKind, ConnectorState, EntityType, HttpUrl, Id, LogEntry, QbId, Text, Timestamp, UnsyncedEntity, WizardItem,
} from '../../lib/api/schema.ts';
import { putQbRecord, getQbRecord } from '../emulator/quickbooks.ts';
import { getRecord, upsertRecord } from '../store/records.ts';
import type { Store } from '../store/store.ts';
import { insertLogEntry } from '../store/syncLog.ts';
import { registerChange } from '../store/wizard.ts';

const IsoDate = v.pipe(v.string(), v.isoDate('must be a date like 2026-01-31'));
const Ref = v.strictObject({ entityType: EntityType, qbId: QbId });

export const FixtureCompany = v.strictObject({
  ...v.omit(Company, ['connector']).entries,
  connector: v.optional(v.strictObject({
    kind: v.optional(ConnectorKind),
    /** Forces a state (offline, auth-expired); stale is worked out from lastContactAt. */
    state: v.optional(ConnectorState),
    lastContactAt: v.optional(v.nullable(Timestamp)),
    lastRunAt: v.optional(v.nullable(Timestamp)),
    intervalMinutes: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1))),
    message: v.optional(v.nullable(Text(1000))),
  })),
  closedBooksDate: v.optional(v.nullable(IsoDate)),
});
export const FixtureQbRecord = v.strictObject({
  companyId: Id, entityType: EntityType, qbId: QbId, name: Text(300), docNumber: v.optional(v.nullable(Text(40))),
  syncToken: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0))), txnDate: v.optional(v.nullable(IsoDate)),
  amount: v.optional(v.nullable(v.number())), active: v.optional(v.boolean()), deleted: v.optional(v.boolean()),
});
export const FixtureRecord = v.strictObject({
  companyId: Id, entityType: EntityType, localId: Id, localUrl: v.optional(v.nullable(HttpUrl)), name: Text(300),
  docNumber: v.optional(v.nullable(Text(40))), txnDate: v.optional(v.nullable(IsoDate)), amount: v.optional(v.nullable(v.number())),
  refs: v.optional(v.array(Ref)), qbId: v.optional(v.nullable(QbId)),
  knownSyncToken: v.optional(v.nullable(v.pipe(v.number(), v.integer(), v.minValue(0)))), lastSyncedAt: v.optional(v.nullable(Timestamp)),
});
export const FixtureLink = v.strictObject({
  companyId: Id, entityType: EntityType, qbId: QbId, localId: Id, localUrl: v.optional(v.nullable(HttpUrl)), name: Text(300),
  docNumber: v.optional(v.nullable(Text(40))), lastSyncedAt: v.optional(v.nullable(Timestamp)),
});
export const FixtureWizardItem = v.strictObject({ ...WizardItem.entries, id: v.optional(Id), detectedAt: v.optional(Timestamp) });
export const FixtureLogEntry = v.strictObject({ ...LogEntry.entries, id: v.optional(Id) });
export const FixtureUnsynced = v.strictObject({
  ...UnsyncedEntity.entries,
  id: v.optional(Id),
  state: v.optional(v.literal('failed')),
  attempts: v.optional(UnsyncedEntity.entries.attempts),
  lastAttemptAt: v.optional(Timestamp),
});

export const Fixture = v.strictObject({
  companies: v.pipe(v.array(FixtureCompany), v.minLength(1, 'must list at least one company')),
  qbRecords: v.optional(v.array(FixtureQbRecord), []),
  records: v.optional(v.array(FixtureRecord), []),
  links: v.optional(v.array(FixtureLink), []),
  wizard: v.optional(v.array(FixtureWizardItem), []),
  log: v.optional(v.array(FixtureLogEntry), []),
  unsynced: v.optional(v.array(FixtureUnsynced), []),
});
export type FixtureInput = v.InferInput<typeof Fixture>;
export type FixtureData = v.InferOutput<typeof Fixture>;

export class FixtureError extends Error {}

/** "wizard[3].direction" style paths, as people write them. */
function issuePath(issue: v.BaseIssue<unknown>): string {
  let out = '';
  for (const item of issue.path ?? []) {
    const key = item.key as string | number;
    out += typeof key === 'number' ? `[${key}]` : out ? `.${key}` : String(key);
  }
  return out || '(root)';
}

export function validateFixture(raw: unknown): FixtureData {
  const result = v.safeParse(Fixture, raw);
  if (!result.success) {
    const lines = result.issues.slice(0, 10).map((i) => `${issuePath(i)}: ${i.message}`);
    throw new FixtureError(`Fixture refused, nothing loaded. ${lines.join('; ')}`);
  }
  const data = result.output;
  const companyIds = new Set<string>();
  data.companies.forEach((c, i) => {
    if (companyIds.has(c.id)) throw new FixtureError(`Fixture refused, nothing loaded. companies[${i}].id: duplicate company id "${c.id}"`);
    companyIds.add(c.id);
  });
  for (const list of ['qbRecords', 'records', 'links', 'wizard', 'log', 'unsynced'] as const) {
    (data[list] as { companyId: string }[]).forEach((row, i) => {
      if (!companyIds.has(row.companyId)) {
        throw new FixtureError(`Fixture refused, nothing loaded. ${list}[${i}].companyId: no company "${row.companyId}" in companies`);
      }
    });
  }
  return data;
}

/** Loads a validated fixture in one transaction (the caller's, if any). */
export async function loadFixture(store: Store, data: FixtureData): Promise<void> {
  await store.write(async () => {
    const db = store.db;
    const sortBase = ((await db.prepare('SELECT COUNT(*) AS n FROM companies').get()) as { n: number }).n;
    for (const [i, c] of data.companies.entries()) {
      const kind = c.connector?.kind ?? (c.system === 'qbo' ? 'qbo-api' : 'web-connector');
      await db.prepare(`INSERT INTO companies (id, sort, name, system, realm_id, company_file, connector_kind, interval_minutes, last_contact_at,
        last_run_at, connector_override, connector_message, closed_books_date) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`).run(
        c.id, sortBase + i, c.name, c.system, c.realmId ?? null, c.companyFile ?? null, kind,
        c.connector?.intervalMinutes ?? (kind === 'web-connector' ? 60 : null), c.connector?.lastContactAt ?? null,
        c.connector?.lastRunAt ?? null, c.connector?.state && c.connector.state !== 'ok' && c.connector.state !== 'stale' ? c.connector.state : null,
        c.connector?.message ?? null, c.closedBooksDate ?? null);
    }
    const ensureQb = async (companyId: string, entityType: string, qbId: string, name: string, docNumber?: string | null) => {
      if (!(await getQbRecord(store, companyId, entityType, qbId))) await putQbRecord(store, { companyId, entityType, qbId, name, docNumber: docNumber ?? null });
    };
    for (const r of data.qbRecords) await putQbRecord(store, r);
    for (const r of data.records) await upsertRecord(store, r);
    for (const l of data.links) {
      await ensureQb(l.companyId, l.entityType, l.qbId, l.name, l.docNumber);
      const syncToken = (await getQbRecord(store, l.companyId, l.entityType, l.qbId))!.sync_token;
      await upsertRecord(store, { ...l, knownSyncToken: syncToken, lastSyncedAt: l.lastSyncedAt ?? store.nowIso() });
    }
    for (const w of data.wizard) {
      if (w.direction === 'export' && w.localId && !(await getRecord(store, w.companyId, w.entityType, w.localId))) {
        await upsertRecord(store, { companyId: w.companyId, entityType: w.entityType, localId: w.localId, name: w.name, docNumber: w.docNumber ?? null,
          amount: w.amount ?? null, qbId: w.qbId ?? null });
      }
      if (w.direction === 'import' && w.qbId) await ensureQb(w.companyId, w.entityType, w.qbId, w.name, w.docNumber);
      await registerChange(store, w);
    }
    for (const e of data.log) await insertLogEntry(store, e);
    for (const u of data.unsynced) await insertUnsynced(store, u);
  });
}

async function insertUnsynced(store: Store, u: v.InferOutput<typeof FixtureUnsynced>): Promise<void> {
  const record = await getRecord(store, u.companyId, u.entityType, u.localId);
  if (!record) {
    await upsertRecord(store, { companyId: u.companyId, entityType: u.entityType, localId: u.localId, localUrl: u.localUrl ?? null, name: u.name,
      docNumber: u.docNumber ?? null, qbId: u.qbId ?? null });
    // Unless the fixture says otherwise, QuickBooks still has the linked record, so a Resync can succeed.
    if (u.qbId) {
      if (!(await getQbRecord(store, u.companyId, u.entityType, u.qbId))) {
        await putQbRecord(store, { companyId: u.companyId, entityType: u.entityType, qbId: u.qbId, name: u.name, docNumber: u.docNumber ?? null });
      }
      const syncToken = (await getQbRecord(store, u.companyId, u.entityType, u.qbId))!.sync_token;
      await store.db.prepare('UPDATE records SET known_sync_token = ? WHERE company_id = ? AND entity_type = ? AND local_id = ?')
        .run(syncToken, u.companyId, u.entityType, u.localId);
    }
  }
  const seq = await store.nextSeq('unsynced');
  await store.db.prepare(`INSERT INTO unsynced (seq, id, company_id, entity_type, local_id, local_url, qb_id, name, name_lower, doc_number, doc_lower,
    error_code, error_message, error_detail, first_failed_at, last_attempt_at, attempts, state) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,'failed')`).run(
    seq, u.id ?? `us-${seq}`, u.companyId, u.entityType, u.localId, u.localUrl ?? record?.local_url ?? null, u.qbId ?? null, u.name,
    u.name.toLowerCase(), u.docNumber ?? null, u.docNumber?.toLowerCase() ?? null, u.errorCode, u.errorMessage, u.errorDetail ?? null,
    u.firstFailedAt, u.lastAttemptAt ?? u.firstFailedAt, u.attempts ?? 1);
}
