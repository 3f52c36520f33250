/**
 * The ingestion API over HTTP: the job app sends its records (PUT one, DELETE one, POST a batch) and
 * each change becomes an Export wizard item (server/store/ingest.ts). Needs the `ingest` scope
 * (checked with every other route's scope in routes.ts).
 *
 * Request payloads are defined here; records are validated with the shape of their entity type
 * (lib/api/job-records.ts). Error paths name the field as a person reads it: `items[3].record.lines[0].amount`.
 */
import type { Context, Hono } from 'hono';
import * as v from 'valibot';
import { JOB_RECORD_SCHEMAS, SYNCED_ENTITY_TYPES, isSyncedEntityType, type SyncedEntityType as EntityTypeName } from '../../lib/api/job-records.ts';
import { Count, HttpUrl, Id, WizardItem } from '../../lib/api/schema.ts';
import {
  INGEST_STATUSES, applyBatch, deleteRecord, putRecord, type IngestOperation, type PutRecordInput,
} from '../store/ingest.ts';
import type { Store } from '../store/store.ts';
import { ProblemError, type HttpReply } from './problem.ts';

export const MAX_BATCH_ITEMS = 1000;
/** 1,000 invoices with a few lines each pass 2 MB (the limit elsewhere): the batch route alone allows more. */
export const BATCH_MAX_BODY_BYTES = 8 * 1024 * 1024;
/** At most this many field errors are listed in one reply; the detail says how many more there were. */
const MAX_LISTED_ERRORS = 50;

const BATCH_PATH = /^\/api\/v1\/companies\/[^/]+\/records\/batch$/;
export const isBatchRequest = (method: string, path: string) => method === 'POST' && BATCH_PATH.test(path);

// ---------------------------------------------------------------- payloads

export const LocalId = v.pipe(v.string(), v.regex(/^[A-Za-z0-9._:-]{1,64}$/, 'must be 1 to 64 letters, digits, or . _ : -'));
export const SyncedEntityType = v.picklist(SYNCED_ENTITY_TYPES, `must be one of ${SYNCED_ENTITY_TYPES.join(', ')}`);
const LocalUrl = v.optional(v.nullable(HttpUrl));

/** PUT body; `record` has the shape of the entity type named in the path. */
export const putBody = <S extends v.GenericSchema>(record: S) => v.strictObject({ record, localUrl: LocalUrl });

const batchBody = <S extends v.GenericSchema>(record: S) => v.strictObject({
  items: v.pipe(
    v.array(v.variant('op', [
      v.strictObject({ op: v.literal('put'), entityType: SyncedEntityType, localId: LocalId, record, localUrl: LocalUrl }),
      v.strictObject({ op: v.literal('delete'), entityType: SyncedEntityType, localId: LocalId }),
    ])),
    v.minLength(1, 'must hold at least one item'),
    v.maxLength(MAX_BATCH_ITEMS, `must hold at most ${MAX_BATCH_ITEMS} items; split larger sets into several batches`),
  ),
});

/** For the docs: any record shape. At run time each record is checked against its own entity type. */
const AnyRecord = v.union(SYNCED_ENTITY_TYPES.map((t) => JOB_RECORD_SCHEMAS[t]));
export const IngestPutRequest = putBody(AnyRecord);
export const IngestBatchRequest = batchBody(AnyRecord);
/** Checked first: the envelope of every item. */
const BatchEnvelope = batchBody(v.unknown());

const IngestStatus = v.picklist(INGEST_STATUSES);
export const IngestResult = v.object({ status: IngestStatus, wizardItem: v.nullable(WizardItem) });
export const IngestBatchResult = v.object({
  results: v.array(v.object({ status: IngestStatus, wizardItemId: v.nullable(Id) })),
  ...Object.fromEntries(INGEST_STATUSES.map((s) => [s, Count])) as Record<(typeof INGEST_STATUSES)[number], typeof Count>,
});

// ---------------------------------------------------------------- routes

export interface IngestRouteDeps {
  store: Store;
  /** routes.ts's runMutation: Idempotency-Key handling around the action, the body read once. */
  mutation: (c: Context, action: (bodyText: string) => Promise<HttpReply>) => Promise<Response>;
}

export function registerIngestRoutes(app: Hono, { store, mutation }: IngestRouteDeps): void {
  app.put('/api/v1/companies/:id/records/:entityType/:localId', (c) => mutation(c, async (text) => {
    const key = recordKey(c.req.param('entityType')!, c.req.param('localId')!);
    const body = validate(putBody(JOB_RECORD_SCHEMAS[key.entityType]), parseJson(text), 'Invalid request body');
    const result = await putRecord(store, c.req.param('id')!, { ...key, record: body.record, localUrl: body.localUrl } as PutRecordInput);
    return { status: result.status === 'created' ? 201 : 200, body: result };
  }));

  app.delete('/api/v1/companies/:id/records/:entityType/:localId', (c) => mutation(c, async (text) => {
    const key = recordKey(c.req.param('entityType')!, c.req.param('localId')!);
    // DELETE carries no payload: nothing, {} or null.
    if (text.trim() !== '') validate(v.nullable(v.strictObject({})), parseJson(text), 'A DELETE takes no body');
    return { status: 200, body: await deleteRecord(store, c.req.param('id')!, key) };
  }));

  app.post('/api/v1/companies/:id/records/batch', (c) => mutation(c, async (text) => {
    const operations = parseBatch(parseJson(text));
    return { status: 200, body: await applyBatch(store, c.req.param('id')!, operations) };
  }));
}

function recordKey(entityType: string, localId: string): { entityType: EntityTypeName; localId: string } {
  if (!isSyncedEntityType(entityType)) {
    throw new ProblemError(404, 'unknown-entity-type',
      `"${entityType.slice(0, 64)}" is not an entity type this server syncs; use one of ${SYNCED_ENTITY_TYPES.join(', ')}.`);
  }
  if (!v.is(LocalId, localId)) {
    throw new ProblemError(400, 'bad-request', 'The record id in the path must be 1 to 64 letters, digits, or . _ : -',
      [{ path: 'localId', message: 'must be 1 to 64 letters, digits, or . _ : -' }]);
  }
  return { entityType, localId };
}

/** The whole batch is checked before anything is written: one bad item refuses the batch. */
function parseBatch(raw: unknown): IngestOperation[] {
  const envelope = validate(BatchEnvelope, raw, 'Invalid batch');
  const errors: FieldError[] = [];
  const operations = envelope.items.map((item, i): IngestOperation => {
    if (item.op === 'delete') return item;
    const parsed = v.safeParse(JOB_RECORD_SCHEMAS[item.entityType], item.record);
    if (!parsed.success) errors.push(...parsed.issues.map((issue) => fieldError(issue, `items[${i}].record`)));
    return { ...item, record: parsed.output } as IngestOperation;
  });
  if (errors.length) throw validationFailed('Invalid batch (nothing was written)', errors);
  return operations;
}

// ---------------------------------------------------------------- validation helpers

interface FieldError { path: string; message: string }

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new ProblemError(400, 'invalid-json', `The request body is not valid JSON: ${(err as Error).message}`);
  }
}

function validate<S extends v.GenericSchema>(schema: S, raw: unknown, what: string): v.InferOutput<S> {
  const result = v.safeParse(schema, raw);
  if (!result.success) throw validationFailed(what, result.issues.map((issue) => fieldError(issue, '')));
  return result.output;
}

/** `lines[0].amount` rather than valibot's `lines.0.amount`: the path as the job app's developer writes it. */
function fieldError(issue: v.BaseIssue<unknown>, prefix: string): FieldError {
  let path = prefix;
  for (const step of issue.path ?? []) {
    const key = step.key;
    path += typeof key === 'number' ? `[${key}]` : `${path ? '.' : ''}${String(key)}`;
  }
  return { path: path || '(root)', message: issue.message };
}

function validationFailed(what: string, errors: FieldError[]): ProblemError {
  const listed = errors.slice(0, MAX_LISTED_ERRORS);
  const more = errors.length - listed.length;
  const detail = `${what}: ${listed.slice(0, 5).map((e) => `${e.path}: ${e.message}`).join('; ')}`
    + (errors.length > 5 ? ` (and ${errors.length - 5} more)` : '');
  return new ProblemError(422, 'validation-failed', more > 0 ? `${detail}; only the first ${MAX_LISTED_ERRORS} are listed` : detail, listed);
}
