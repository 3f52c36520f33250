/**
 * Generates docs/openapi.json (OpenAPI 3.1) from the Sync API schemas in lib/api/schema.ts, the job
 * app's record shapes in lib/api/job-records.ts and the ingestion payloads in server/http/ingest-routes.ts.
 * Run: npm run openapi   (a server test fails when the committed file is out of date)
 */
import { toJsonSchemaDefs } from '@valibot/to-json-schema';
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import * as api from '../lib/api/schema.ts';
import { JOB_RECORD_SCHEMAS, SYNCED_ENTITY_TYPES, type JobRecordOf, type SyncedEntityType } from '../lib/api/job-records.ts';
import type { Scope } from '../server/auth/scopes.ts';
import {
  BATCH_MAX_BODY_BYTES, IngestBatchRequest, IngestBatchResult, IngestPutRequest, IngestResult, MAX_BATCH_ITEMS,
} from '../server/http/ingest-routes.ts';
import { routeScopes } from '../server/auth/route-scopes.ts';
import { MAX_BODY_BYTES } from '../server/http/routes.ts';

/** One realistic record per entity type: shown in the docs and checked by tests/server/ingest.test.ts. */
export const RECORD_EXAMPLES: { [T in SyncedEntityType]: JobRecordOf<T> } = {
  Customer: {
    displayName: 'Maple Street HOA', companyName: 'Maple Street Homeowners Association', givenName: 'Dana', familyName: 'Fox',
    email: 'board@maplestreet.example', phone: '555-0142',
    address: { line1: '12 Maple Street', city: 'Springfield', region: 'OR', postalCode: '97477', country: 'US' },
    notes: 'Gate code 4411', active: true,
  },
  Vendor: {
    displayName: 'Birch Supply', companyName: 'Birch Supply Co.', email: 'orders@birchsupply.example', phone: '555-0199',
    address: { line1: '400 Mill Road', city: 'Eugene', region: 'OR', postalCode: '97401', country: 'US' }, active: true,
  },
  Item: { name: 'Stump grinding', kind: 'Service', description: 'Grind one stump below grade and rake the chips', unitPrice: 275, active: true },
  Invoice: {
    customerId: 'cust-1', docNumber: '1043', txnDate: '2026-03-02', dueDate: '2026-04-01', memo: 'Spring cleanup',
    lines: [
      { itemId: 'item-stump', description: 'Stump grinding, back yard', quantity: 2, unitPrice: 275, amount: 550 },
      { itemId: 'item-haul', description: 'Haul away debris', quantity: 1, unitPrice: 120, amount: 120 },
    ],
  },
  Estimate: {
    customerId: 'cust-2', docNumber: 'E-208', txnDate: '2026-03-03', expirationDate: '2026-04-02',
    lines: [{ itemId: 'item-cabling', description: 'Cable and brace the red oak', quantity: 1, unitPrice: 640, amount: 640 }],
  },
  Payment: {
    customerId: 'cust-1', txnDate: '2026-03-10', totalAmount: 670, appliedTo: [{ invoiceId: 'inv-1043', amount: 670 }],
    referenceNumber: 'CHK 2210', memo: 'Paid by check',
  },
  PurchaseOrder: {
    vendorId: 'vend-birch', docNumber: 'PO-77', txnDate: '2026-03-04', memo: 'Mulch for the April jobs',
    lines: [{ itemId: 'item-mulch', description: 'Hardwood mulch, cubic yards', quantity: 12, unitCost: 32.5, amount: 390 }],
  },
  Bill: {
    vendorId: 'vend-birch', docNumber: 'B-5521', txnDate: '2026-03-06', dueDate: '2026-04-05',
    lines: [{ itemId: 'item-mulch', description: 'Hardwood mulch, cubic yards', quantity: 12, unitCost: 32.5, amount: 390 }],
  },
};
const recordSchemaName = (t: SyncedEntityType) => `${t}Record` as const;

const SCHEMAS = {
  Connector: api.Connector, Company: api.Company, WizardItem: api.WizardItem, LogEntry: api.LogEntry, UnsyncedEntity: api.UnsyncedEntity,
  Link: api.Link, CompanySummary: api.CompanySummary, Summary: api.Summary, Health: api.Health, CompanyList: api.CompanyList,
  WizardPage: api.WizardPage, LogPage: api.LogPage, UnsyncedPage: api.UnsyncedPage, LinkList: api.LinkList,
  ApproveRequest: api.ApproveRequest, ApproveResult: api.ApproveResult, ResyncResult: api.ResyncResult,
  BulkResyncRequest: api.BulkResyncRequest, BulkResyncResult: api.BulkResyncResult, ClearIdResult: api.ClearIdResult,
  ConnectorRunResult: api.ConnectorRunResult, Problem: api.Problem,
  ...Object.fromEntries(SYNCED_ENTITY_TYPES.map((t) => [recordSchemaName(t), JOB_RECORD_SCHEMAS[t]])) as
    { [T in SyncedEntityType as `${T}Record`]: (typeof JOB_RECORD_SCHEMAS)[T] },
  IngestPutRequest, IngestResult, IngestBatchRequest, IngestBatchResult,
};
type SchemaName = keyof typeof SCHEMAS;

interface Param { name: string; in: 'path' | 'query' | 'header'; required?: boolean; description: string; schema?: object }
interface Route {
  method: 'get' | 'post' | 'put' | 'delete'; path: string; summary: string;
  /** The JSON request body: a named schema, or an inline JSON Schema. */
  request?: SchemaName | { schema: object };
  /** The JSON body of a 200 reply: a named schema, or an inline JSON Schema with its own description. */
  response?: SchemaName | { description: string; schema: object };
  /** Other successful replies (a redirect, a web page), by status. */
  otherReplies?: Record<number, object>;
  params?: Param[]; etag?: boolean; idempotent?: boolean; errors: number[];
  /** false: no token (the caller proves itself otherwise); a scope: that scope rather than the one route-scopes.ts gives. */
  auth?: false | Scope;
  /** What an error status means on this route, when not the usual ERROR_TEXT. */
  errorText?: Record<number, string>;
  /** Also answered with 201 (a new record). */
  created?: boolean;
  /** Request body examples by name. */
  examples?: Record<string, { summary: string; value: unknown }>;
  /** Largest body accepted, when not the usual MAX_BODY_BYTES. */
  maxBodyBytes?: number;
}

const companyId: Param = { name: 'id', in: 'path', required: true, description: 'Company id.' };
const unsyncedId: Param = { name: 'uid', in: 'path', required: true, description: 'Unsynced entity id.' };
const paging: Param[] = [
  { name: 'cursor', in: 'query', description: 'Opaque cursor from the previous page (nextCursor).' },
  { name: 'limit', in: 'query', description: `Page size, 1 to ${api.MAX_PAGE_LIMIT} (default ${api.DEFAULT_PAGE_LIMIT}).`,
    schema: { type: 'integer', minimum: 1, maximum: api.MAX_PAGE_LIMIT, default: api.DEFAULT_PAGE_LIMIT } },
];
const q = (name: string, description: string, schema: object = { type: 'string' }): Param => ({ name, in: 'query', description, schema });
const entityTypeParam: Param = { name: 'entityType', in: 'path', required: true, description: 'The record\'s entity type.', schema: { enum: SYNCED_ENTITY_TYPES } };
const localIdParam: Param = { name: 'localId', in: 'path', required: true, description: 'The job app\'s id for the record: 1 to 64 letters, digits, or . _ : -',
  schema: { type: 'string', pattern: '^[A-Za-z0-9._:-]{1,64}$' } };
const putExamples = Object.fromEntries(SYNCED_ENTITY_TYPES.map((t) => [t, {
  summary: `PUT .../records/${t}/<localId>`,
  value: { record: RECORD_EXAMPLES[t], localUrl: `https://jobs.example.com/${t.toLowerCase()}s/123` },
}]));
const batchExample = {
  mixed: {
    summary: 'A customer, an invoice for it, and a deleted estimate',
    value: { items: [
      { op: 'put', entityType: 'Customer', localId: 'cust-1', record: RECORD_EXAMPLES.Customer },
      { op: 'put', entityType: 'Invoice', localId: 'inv-1043', record: RECORD_EXAMPLES.Invoice, localUrl: 'https://jobs.example.com/invoices/1043' },
      { op: 'delete', entityType: 'Estimate', localId: 'est-208' },
    ] },
  },
};

export const ROUTES: Route[] = [
  { method: 'get', path: '/api/v1/health', summary: 'Liveness check (no token needed): 503 when the database does not answer.', response: 'Health', auth: false, errors: [503] },
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
  { method: 'put', path: '/api/v1/companies/{id}/records/{entityType}/{localId}',
    summary: 'Send the job app\'s current copy of a record: 201 created, 200 updated, restored or unchanged; the change is listed in the Export wizard.',
    request: 'IngestPutRequest', response: 'IngestResult', created: true, examples: putExamples,
    params: [companyId, entityTypeParam, localIdParam], idempotent: true, errors: [400, 401, 403, 404, 413, 422] },
  { method: 'delete', path: '/api/v1/companies/{id}/records/{entityType}/{localId}',
    summary: 'The job app deleted the record: forgotten when QuickBooks never had it, else a delete item in the Export wizard; unknown → unchanged.',
    response: 'IngestResult', params: [companyId, entityTypeParam, localIdParam], idempotent: true, errors: [400, 401, 403, 404, 422] },
  { method: 'post', path: '/api/v1/companies/{id}/records/batch',
    summary: `Up to ${MAX_BATCH_ITEMS} puts and deletes, checked as a whole, then applied in order in one transaction.`,
    request: 'IngestBatchRequest', response: 'IngestBatchResult', examples: batchExample, maxBodyBytes: BATCH_MAX_BODY_BYTES,
    params: [companyId], idempotent: true, errors: [400, 401, 403, 404, 413, 422] },
  { method: 'put', path: '/api/v1/companies/{id}/connector/web-connector-credentials',
    summary: 'Set or change the QuickBooks Web Connector login of a Desktop company (the password is stored scrypt-hashed and never returned).',
    request: { schema: { type: 'object', additionalProperties: false, required: ['userName', 'password'], properties: {
      userName: { type: 'string', minLength: 1, maxLength: 64, description: 'One word; the .qwc file names it and the Web Connector sends it.' },
      password: { type: 'string', minLength: 8, maxLength: 256, description: 'Typed into the Web Connector by the bookkeeper.' } } } },
    response: { description: 'The login now in force (without the password) and the company\'s FileID.',
      schema: { type: 'object', required: ['companyId', 'userName', 'fileId', 'updatedAt'], properties: {
        companyId: { type: 'string' }, userName: { type: 'string' }, fileId: { type: 'string' }, updatedAt: { type: 'string', format: 'date-time' } } } },
    params: [companyId], errors: [400, 401, 403, 404, 409, 422],
    errorText: { 409: 'The company uses QuickBooks Online, or another company has this user name (conflict).' } },
  { method: 'get', path: '/api/v1/companies/{id}/connector/qwc',
    summary: 'Download the .qwc file that adds this Desktop company to the QuickBooks Web Connector (approve or admin scope).',
    params: [companyId],
    otherReplies: { 200: { description: 'The .qwc file, as an attachment.', content: { 'application/xml': { schema: { type: 'string' } } } } },
    errors: [401, 403, 404, 409],
    errorText: { 409: 'The company uses QuickBooks Online, or the server has no https public address for the Web Connector (conflict).' } },
  // The QuickBooks Web Connector's door (server/http/qbwc-routes.ts): SOAP 1.1, protected by the Web Connector's own login.
  { method: 'post', path: '/qbwc', auth: false,
    summary: 'The QuickBooks Web Connector SOAP 1.1 service (document/literal, namespace http://developer.intuit.com/): serverVersion, clientVersion, authenticate, sendRequestXML, receiveResponseXML, connectionError, getLastError, closeConnection. GET /qbwc?wsdl describes it.',
    otherReplies: {
      200: { description: 'The SOAP reply envelope.', content: { 'text/xml': { schema: { type: 'string' } } } },
      413: { description: 'Request over 12 MB: a SOAP fault.', content: { 'text/xml': { schema: { type: 'string' } } } },
      500: { description: 'A SOAP fault with a plain message (malformed request, unknown operation, or a failure on the server).', content: { 'text/xml': { schema: { type: 'string' } } } },
    },
    errors: [] },
  { method: 'get', path: '/qbwc', auth: false, summary: 'With ?wsdl: the Web Connector service\'s WSDL (service QBWebConnectorSvc).',
    params: [q('wsdl', 'Present (no value needed) to get the WSDL.')],
    otherReplies: { 200: { description: 'The WSDL.', content: { 'text/xml': { schema: { type: 'string' } } } } }, errors: [] },
  { method: 'get', path: '/qbwc/support', auth: false, summary: 'The support page the .qwc file names (the Web Connector checks that it answers).',
    otherReplies: { 200: { description: 'A short page about the service.', content: { 'text/html': { schema: { type: 'string' } } } } }, errors: [] },
  // QuickBooks Online's doors (server/http/qbo-routes.ts): outside /api/v1, called by a browser or by Intuit.
  { method: 'get', path: '/connect/qbo/start', auth: 'admin',
    summary: 'Start connecting a QuickBooks Online company (OAuth 2.0): redirects to Intuit\'s consent page; with Accept: application/json, replies with the address instead.',
    params: [{ ...q('companyId', 'The company to connect (a QuickBooks Online company).'), required: true }],
    response: { description: 'The consent page\'s address (Accept: application/json); it is good for 10 minutes.',
      schema: { type: 'object', properties: { authorizeUrl: { type: 'string', format: 'uri' }, expiresInSeconds: { type: 'integer' } }, required: ['authorizeUrl', 'expiresInSeconds'] } },
    otherReplies: { 302: { description: 'Redirect to Intuit\'s consent page.' } },
    errors: [400, 401, 403, 404, 503],
    errorText: { 400: 'The company keeps its books in QuickBooks Desktop (bad-request).', 503: 'QuickBooks Online is not set up on this server (qbo-not-configured).' } },
  { method: 'get', path: '/connect/qbo/callback', auth: false,
    summary: 'Where Intuit sends the browser back after consent: the single-use state proves the request; the tokens are stored encrypted.',
    params: [q('code', 'Authorization code from Intuit.'), q('state', 'The state /connect/qbo/start created.'), q('realmId', 'The QuickBooks Online company id.'),
      q('error', 'Set by Intuit when consent was declined (access_denied) or failed.')],
    otherReplies: { 200: { description: 'A page saying the company is connected.', content: { 'text/html': { schema: { type: 'string' } } } } },
    errors: [400, 409, 502, 503],
    errorText: {
      400: 'Unknown, used or expired state (oauth-state-invalid), consent declined or a bad callback (oauth-failed).',
      409: 'That QuickBooks Online company is already connected to another company here (conflict).',
      502: 'Intuit refused to exchange the code (oauth-failed).',
      503: 'QuickBooks Online is not set up on this server (qbo-not-configured).',
    } },
  { method: 'post', path: '/webhooks/qbo', auth: false,
    summary: 'Intuit\'s change notifications (legacy or CloudEvents format), proven by the intuit-signature header; the changed objects are read after the reply.',
    params: [{ name: 'intuit-signature', in: 'header', required: true, description: 'Base64 HMAC-SHA256 of the raw body with the webhook verifier token.' }],
    response: { description: 'How many events arrived, were queued, had been queued before, or were ignored (entity types not synced).',
      schema: { type: 'object', properties: Object.fromEntries(['received', 'queued', 'repeated', 'ignored'].map((k) => [k, { type: 'integer', minimum: 0 }])),
        required: ['received', 'queued', 'repeated', 'ignored'] } },
    errors: [400, 401, 413, 503],
    errorText: {
      400: 'Not JSON (invalid-json) or not a QuickBooks Online notification (bad-request).',
      401: 'The signature does not match the body (webhook-signature-invalid).',
      413: 'Body over 1 MB (payload-too-large).',
      503: 'Webhooks are not set up on this server (qbo-not-configured).',
    } },
];

const ERROR_TEXT: Record<number, string> = {
  400: 'Bad request: malformed JSON (invalid-json), bad query parameter or cursor (bad-request).',
  401: 'Missing, wrong or revoked token (unauthorized).',
  403: 'The token lacks the scope this route needs (insufficient-scope).',
  404: 'Unknown company or unsynced entity (not-found), or an entity type the server does not sync (unknown-entity-type).',
  413: 'Body too large (payload-too-large).',
  422: 'Body failed validation (validation-failed) or Idempotency-Key reused with another body (idempotency-key-reused).',
};
const megabytes = (bytes: number) => `${bytes / (1024 * 1024)} MB`;

export function buildOpenApi(): object {
  const defs: Record<string, object> = toJsonSchemaDefs(SCHEMAS, { target: 'draft-2020-12', errorMode: 'ignore' });
  for (const t of SYNCED_ENTITY_TYPES) Object.assign(defs[recordSchemaName(t)]!, { examples: [RECORD_EXAMPLES[t]] });
  const ref = (name: SchemaName) => ({ $ref: `#/components/schemas/${name}` });
  const problem = (description: string) => ({ description, content: { 'application/problem+json': { schema: ref('Problem') } } });
  const paths: Record<string, Record<string, object>> = {};
  for (const r of ROUTES) {
    const parameters: object[] = (r.params ?? []).map((p) => ({ name: p.name, in: p.in, required: p.required ?? false, description: p.description, schema: p.schema ?? { type: 'string' } }));
    if (r.etag) parameters.push({ name: 'If-None-Match', in: 'header', required: false, description: 'ETag of a previous reply; 304 when unchanged.', schema: { type: 'string' } });
    if (r.idempotent) parameters.push({ name: 'Idempotency-Key', in: 'header', required: false, description: 'Replaying the same key returns the first reply and changes nothing.', schema: { type: 'string', maxLength: 200 } });
    const body = typeof r.response === 'string'
      ? { description: 'OK', content: { 'application/json': { schema: ref(r.response) } } }
      : r.response && { description: r.response.description, content: { 'application/json': { schema: r.response.schema } } };
    const responses: Record<string, object> = {
      ...(body ? { 200: { ...body, ...(r.etag ? { headers: { ETag: { schema: { type: 'string' } } } } : {}) } } : {}),
      ...r.otherReplies,
    };
    if (r.created) responses[201] = { ...body, description: 'Created' };
    if (r.etag) responses[304] = { description: 'Not modified (If-None-Match matched); empty body.' };
    for (const code of r.errors) {
      const text = r.errorText?.[code] ?? (code === 413 ? `Body over ${megabytes(r.maxBodyBytes ?? MAX_BODY_BYTES)} (payload-too-large).` : ERROR_TEXT[code]!);
      responses[code] = problem(text);
    }
    // Bearer tokens carry scopes; OpenAPI 3.1 lets a non-OAuth scheme list the roles an operation needs.
    // Several entries = any one of the scopes opens the route.
    const scopes: Scope[] = typeof r.auth === 'string' ? [r.auth] : routeScopes(r.method.toUpperCase(), r.path.replace(/\{(\w+)\}/g, 'x'));
    (paths[r.path] ??= {})[r.method] = {
      summary: r.summary, operationId: `${r.method}${r.path.replace('/api/v1', '').replace(/[{}]/g, '').split(/[/-]/).map((s) => s && s[0]!.toUpperCase() + s.slice(1)).join('')}`,
      security: r.auth === false ? [] : scopes.map((scope) => ({ bearer: [scope] })),
      ...(parameters.length ? { parameters } : {}),
      ...(r.request ? { requestBody: { required: true, content: { 'application/json': {
        schema: typeof r.request === 'string' ? ref(r.request) : r.request.schema, ...(r.examples ? { examples: r.examples } : {}) } } } } : {}),
      responses,
    };
  }
  const doc = {
    openapi: '3.1.0',
    info: { title: 'SyncLens Sync API', version: '1.0.0', description: 'Reference sync server for SyncLens. Prose contract: docs/sync-api.md. '
      + 'Every operation names the token scope it needs (read, approve, ingest or admin) under security. '
      + 'Generated by scripts/openapi.ts from lib/api/schema.ts, lib/api/job-records.ts and server/http/ingest-routes.ts; do not edit by hand.' },
    servers: [{ url: 'http://127.0.0.1:8787' }],
    security: [{ bearer: [] }],
    paths,
    components: {
      securitySchemes: { bearer: { type: 'http', scheme: 'bearer', description: 'The server token (every scope) or an API token from `npm run server -- token create --scopes ...`.' } },
      schemas: defs,
    },
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
