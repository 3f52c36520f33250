/**
 * Generates docs/openapi.json (OpenAPI 3.1) from the Sync API schemas in lib/api/schema.ts.
 * Run: npx tsx scripts/openapi.ts   (a server test fails when the committed file is out of date)
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as api from '../lib/api/schema.ts';

const SCHEMAS = {
  Connector: api.Connector, Company: api.Company, WizardItem: api.WizardItem, LogEntry: api.LogEntry, UnsyncedEntity: api.UnsyncedEntity,
  Link: api.Link, CompanySummary: api.CompanySummary, Summary: api.Summary, Health: api.Health, CompanyList: api.CompanyList,
  WizardPage: api.WizardPage, LogPage: api.LogPage, UnsyncedPage: api.UnsyncedPage, LinkList: api.LinkList,
  ApproveRequest: api.ApproveRequest, ApproveResult: api.ApproveResult, ResyncResult: api.ResyncResult,
  BulkResyncRequest: api.BulkResyncRequest, BulkResyncResult: api.BulkResyncResult, ClearIdResult: api.ClearIdResult,
  ConnectorRunResult: api.ConnectorRunResult, Problem: api.Problem,
};
type SchemaName = keyof typeof SCHEMAS;

interface Param { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description: string; schema?: object }
interface Route {
  method: 'get' | 'post'; path: string; summary: string; response: SchemaName; request?: SchemaName;
  params?: Param[]; etag?: boolean; auth?: false; idempotent?: boolean; errors: number[];
}

const companyId: Param = { name: 'id', in: 'path', required: true, description: 'Company id.' };
const unsyncedId: Param = { name: 'uid', in: 'path', required: true, description: 'Unsynced entity id.' };
const paging: Param[] = [
  { name: 'cursor', in: 'query', description: 'Opaque cursor from the previous page (nextCursor).' },
  { name: 'limit', in: 'query', description: `Page size, 1 to ${api.MAX_PAGE_LIMIT} (default ${api.DEFAULT_PAGE_LIMIT}).`,
    schema: { type: 'integer', minimum: 1, maximum: api.MAX_PAGE_LIMIT, default: api.DEFAULT_PAGE_LIMIT } },
];
const q = (name: string, description: string, schema: object = { type: 'string' }): Param => ({ name, in: 'query', description, schema });

export const ROUTES: Route[] = [
  { method: 'get', path: '/api/v1/health', summary: 'Liveness check (no token needed).', response: 'Health', auth: false, errors: [] },
  { method: 'get', path: '/api/v1/companies', summary: 'Companies and their connector state.', response: 'CompanyList', errors: [401] },
  { method: 'get', path: '/api/v1/summary', summary: 'Counts for every company plus totals; strong ETag, 304 on If-None-Match.', response: 'Summary', etag: true, errors: [401] },
  { method: 'get', path: '/api/v1/companies/{id}/summary', summary: 'Counts for one company; strong ETag.', response: 'CompanySummary', params: [companyId], etag: true, errors: [401, 404] },
  { method: 'get', path: '/api/v1/companies/{id}/connector', summary: 'Connector state (QBO API or Web Connector).', response: 'Connector', params: [companyId], errors: [401, 404] },
  { method: 'get', path: '/api/v1/companies/{id}/wizard', summary: 'Items waiting for approval in the Sync Wizard.', response: 'WizardPage',
    params: [companyId, q('direction', 'export or import.', { enum: api.DIRECTIONS }), ...paging], errors: [400, 401, 404] },
  { method: 'post', path: '/api/v1/companies/{id}/wizard/approve', summary: 'Approve checked items; keep or clear the unchecked ones.', request: 'ApproveRequest', response: 'ApproveResult',
    params: [companyId], idempotent: true, errors: [400, 401, 404, 413, 422] },
  { method: 'get', path: '/api/v1/companies/{id}/log', summary: 'Sync log, newest first; `counts` per status for the same filters, status aside.', response: 'LogPage',
    params: [companyId, q('status', 'pending, success or failed.', { enum: api.LOG_STATUSES }), q('direction', 'export or import.', { enum: api.DIRECTIONS }),
      q('from', 'Entries at or after: a date YYYY-MM-DD (a whole UTC day) or an ISO-8601 instant with a zone.'),
      q('to', 'Entries at or before: a date YYYY-MM-DD (through the end of that UTC day) or an ISO-8601 instant with a zone.'),
      q('entityType', 'QuickBooks entity name, e.g. Invoice.'),
      q('q', 'Text contained in the name or document number (case-insensitive).'), ...paging], errors: [400, 401, 404] },
  { method: 'get', path: '/api/v1/companies/{id}/unsynced', summary: 'Unsynced entities (last sync failed), newest first.', response: 'UnsyncedPage',
    params: [companyId, q('entityType', 'QuickBooks entity name.'), q('code', 'QuickBooks error code, e.g. 6240.'),
      q('q', 'Text contained in the name or document number.'), ...paging], errors: [400, 401, 404] },
  { method: 'post', path: '/api/v1/companies/{id}/unsynced/resync', summary: 'Resync many unsynced entities in one request; a result per id.', request: 'BulkResyncRequest', response: 'BulkResyncResult',
    params: [companyId], idempotent: true, errors: [400, 401, 404, 413, 422] },
  { method: 'post', path: '/api/v1/companies/{id}/unsynced/{uid}/resync', summary: 'Queue a new attempt for one unsynced entity (no-op when already queued).', response: 'ResyncResult',
    params: [companyId, unsyncedId], idempotent: true, errors: [400, 401, 404, 422] },
  { method: 'post', path: '/api/v1/companies/{id}/unsynced/{uid}/clear-id', summary: 'Remove the stored QuickBooks id so the next sync creates a new record.', response: 'ClearIdResult',
    params: [companyId, unsyncedId], idempotent: true, errors: [400, 401, 404, 422] },
  { method: 'get', path: '/api/v1/companies/{id}/links', summary: `Link status for up to ${api.MAX_LINK_IDS} QuickBooks ids (one Link per id).`, response: 'LinkList',
    params: [companyId, { ...q('entityType', 'QuickBooks entity name.'), required: true }, { ...q('qbIds', 'Comma-separated QuickBooks ids.'), required: true }], errors: [400, 401, 404] },
  { method: 'post', path: '/api/v1/companies/{id}/connector/run', summary: 'Run the connector now: process every pending sync.', response: 'ConnectorRunResult',
    params: [companyId], idempotent: true, errors: [400, 401, 404, 422] },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: malformed JSON (invalid-json), bad query parameter or cursor (bad-request).',
  401: 'Missing or wrong token (unauthorized).',
  404: 'Unknown company or unsynced entity (not-found).',
  413: 'Body over 2 MB (payload-too-large).',
  422: 'Body failed validation (validation-failed) or Idempotency-Key reused with another body (idempotency-key-reused).',
};

export function buildOpenApi(): object {
  const defs = toJsonSchemaDefs(SCHEMAS, { target: 'draft-2020-12', errorMode: 'ignore' });
  const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
  const paths: Record<string, Record<string, object>> = {};
  for (const r of ROUTES) {
    const parameters: object[] = (r.params ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, description: p.description, schema: p.schema ?? { type: 'string' } }));
    if (r.etag) parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'ETag of a previous reply; 304 when unchanged.', schema: { type: 'string' } });
    if (r.idempotent) parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Replaying the same key returns the first reply and changes nothing.', schema: { type: 'string', maxLength: 200 } });
    const responses: Record<string, object> = {
      200: { description: 'OK', content: { 'application/json': { schema: ref(r.response) } }, ...(r.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}) },
    };
    if (r.etag) responses[304] = { description: 'Not modified (If-None-Match matched); empty body.' };
    for (const code of r.errors) responses[code] = problem(ERROR_TEXT[code]!);
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary, operationId: `${r.method}${r.path.replace('/api/v1', '').replace(/[{}]/g, '').split(/[/-]/).map((s) => s && s[0]!.toUpperCase() + s.slice(1)).join('')}`,
      ...(r.auth === false ? { security: [] } : {}),
      ...(parameters.length ? { parameters } : {}),
      ...(r.request ? { requestBody: { required: true, content: { 'application/json': { schema: ref(r.request) } } } } : {}),
      responses,
    };
  }
  const doc = {
    openapi: '3.1.0',
    info: { title: 'SyncLens Sync API', version: '1.0.0', description: 'Reference sync server for SyncLens. Prose contract: docs/sync-api.md. Generated by scripts/openapi.ts from lib/api/schema.ts; do not edit by hand.' },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    security: [{ bearer: [] }],
    paths,
    components: { securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } }, schemas: defs },
  };
  // The converter points at its own $defs; in OpenAPI the shared schemas live under components.
  return JSON.parse(JSON.stringify(doc).replaceAll('"#/$defs/', '"#/components/schemas/'));
}

export function renderOpenApi(): string {
  return `${JSON.stringify(buildOpenApi(), null, 2)}\n`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const out = fileURLToPath(new URL('../docs/openapi.json', import.meta.url));
  writeFileSync(out, renderOpenApi());
  console.log(`wrote ${out}`);
}
