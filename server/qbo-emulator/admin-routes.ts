/**
 * The emulator's own control API under /admin (tests and the demo drive it; no auth, so it is only
 * served when the emulator listens on a loopback address): companies, apps, the next consent,
 * objects as stored, "someone changed it in QuickBooks" edits, disconnecting apps from a company (each announced by webhook unless
 * ?webhook=false), injected failures, the clock, and the request and webhook logs.
 */
import type { Context, Hono } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import * as v from 'valibot';
import { entityNamed, type EntityName } from './entities.ts';
import type { FaultInjector } from './fault-injection.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { Operations, WriteOutcome } from './operations.ts';
import type { Env } from './request-gate.ts';
import type { RequestLog } from './request-log.ts';
import { adminView, type EmulatorState, type Realm } from './state.ts';
import type { WebhookFormat, WebhookSender } from './webhooks.ts';

export interface AdminDeps {
  state: EmulatorState;
  ops: Operations;
  oauth: OAuthStore;
  injector: FaultInjector;
  log: RequestLog;
  webhooks: WebhookSender;
  /** False when the emulator listens beyond loopback: the admin API then refuses every call. */
  enabled: boolean;
}

const IsoDate = v.pipe(v.string(), v.isoDate('must be a date like 2026-01-31'));
const RealmId = v.pipe(v.string(), v.regex(/^\d{1,20}$/, 'must be digits (a QuickBooks company id)'));
const Name = v.pipe(v.string(), v.trim(), v.minLength(1, 'must not be empty'), v.maxLength(255, 'must be at most 255 characters'));
const HttpUrl = v.pipe(v.string(), v.maxLength(2000), v.url('must be a URL'), v.regex(/^https?:\/\//i, 'must be an http(s) URL'));
const Secret = v.pipe(v.string(), v.minLength(1, 'must not be empty'), v.maxLength(500, 'must be at most 500 characters'));

const RealmBody = v.strictObject({ realmId: RealmId, companyName: Name, closedBooksDate: v.optional(v.nullable(IsoDate)) });
const RealmPatch = v.strictObject({ closedBooksDate: v.optional(v.nullable(IsoDate)), companyName: v.optional(Name) });
const AppBody = v.strictObject({
  clientId: v.pipe(v.string(), v.regex(/^[\x21-\x7e]{1,200}$/, 'must be 1-200 visible characters'), v.check((s) => !s.includes(':'), 'must not contain ":"')),
  clientSecret: Secret,
  redirectUris: v.pipe(v.array(HttpUrl), v.minLength(1, 'must list at least one URI'), v.maxLength(20)),
  webhookUrl: v.optional(v.nullable(HttpUrl)),
  webhookVerifier: v.optional(v.nullable(Secret)),
});
const ConsentBody = v.union([
  v.strictObject({ realmId: RealmId }),
  v.strictObject({ deny: v.literal(true) }),
], 'give either {"realmId": "..."} or {"deny": true}');
const FaultBody = v.strictObject({
  realmId: v.optional(RealmId),
  match: v.strictObject({
    method: v.optional(v.picklist(['GET', 'POST', 'PUT', 'PATCH', 'DELETE'])),
    pathContains: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(500))),
  }),
  action: v.picklist(['drop-after-apply', 'status']),
  status: v.optional(v.pipe(v.number(), v.integer(), v.minValue(400), v.maxValue(599))),
  retryAfter: v.optional(v.pipe(v.number(), v.integer(), v.minValue(0), v.maxValue(86_400))),
  times: v.optional(v.pipe(v.number(), v.integer(), v.minValue(1), v.maxValue(10_000)), 1),
});
const RevokeBody = v.strictObject({ clientId: v.optional(v.pipe(v.string(), v.minLength(1), v.maxLength(200))) });
const ClockBody = v.strictObject({ advanceSeconds: v.pipe(v.number(), v.finite(), v.minValue(0, 'the clock only moves forward')) });
const Format = v.optional(v.picklist(['legacy', 'cloudevents']));

/** A refused admin call; app.ts turns it into `{ error }` with its status. */
export class AdminError extends Error {
  readonly status: ContentfulStatusCode;
  constructor(status: ContentfulStatusCode, message: string) {
    super(message);
    this.status = status;
  }
}

async function parseBody<S extends v.GenericSchema>(c: Context, schema: S): Promise<v.InferOutput<S>> {
  let raw: unknown;
  try {
    raw = JSON.parse(await c.req.text());
  } catch {
    throw new AdminError(400, 'The body must be JSON.');
  }
  const result = v.safeParse(schema, raw);
  if (!result.success) {
    const issue = result.issues[0];
    const path = issue.path?.map((p) => String(p.key)).join('.') ?? '';
    throw new AdminError(400, `Invalid body${path ? ` at ${path}` : ''}: ${issue.message}`);
  }
  return result.output;
}

export function registerAdminRoutes(app: Hono<Env>, deps: AdminDeps): void {
  app.use('/admin/*', async (c, next) => {
    if (!deps.enabled) return c.json({ error: 'The admin API is only served when the emulator listens on a loopback address.' }, 403);
    await next();
  });

  const realmOf = (c: Context): Realm => {
    const realm = deps.state.realm(c.req.param('realm') ?? '');
    if (!realm) throw new AdminError(404, `No company with realmId ${c.req.param('realm')}.`);
    return realm;
  };
  const entityOf = (c: Context): EntityName => {
    const entity = entityNamed(c.req.param('entity') ?? '');
    if (!entity) throw new AdminError(404, `No entity called ${c.req.param('entity')}.`);
    return entity;
  };
  const realmJson = (r: Realm) => ({ realmId: r.realmId, companyName: r.companyName, closedBooksDate: r.closedBooksDate });

  /** Answers an admin change and announces it by webhook (unless ?webhook=false). */
  const changed = (c: Context, outcome: WriteOutcome, status: ContentfulStatusCode = 200) => {
    if (!outcome.ok) return c.json(outcome.fault.body(deps.state.clock.iso()), outcome.fault.status as ContentfulStatusCode);
    const format = v.safeParse(Format, c.req.query('format'));
    if (!format.success) throw new AdminError(400, 'format must be legacy or cloudevents.');
    if (c.req.query('webhook') !== 'false') deps.webhooks.publish(outcome.events, format.output as WebhookFormat | undefined);
    return c.json({ [outcome.stored.entity]: adminView(outcome.stored) }, status);
  };

  app.get('/admin/realms', (c) => c.json({ realms: deps.state.realmList().map(realmJson) }));
  app.post('/admin/realms', async (c) => {
    const body = await parseBody(c, RealmBody);
    if (deps.state.realm(body.realmId)) throw new AdminError(409, `A company with realmId ${body.realmId} exists already.`);
    return c.json(realmJson(deps.state.addRealm(body)), 201);
  });
  app.patch('/admin/realms/:realm', async (c) => {
    const realm = realmOf(c);
    const body = await parseBody(c, RealmPatch);
    if (body.closedBooksDate !== undefined) realm.closedBooksDate = body.closedBooksDate;
    if (body.companyName !== undefined) realm.companyName = body.companyName;
    return c.json(realmJson(realm));
  });

  app.post('/admin/apps', async (c) => {
    const body = await parseBody(c, AppBody);
    deps.oauth.upsertApp(body);
    return c.json({ clientId: body.clientId, redirectUris: body.redirectUris, webhookUrl: body.webhookUrl ?? null, webhookVerifierSet: Boolean(body.webhookVerifier) });
  });
  app.post('/admin/consent', async (c) => {
    const body = await parseBody(c, ConsentBody);
    if ('realmId' in body && !deps.state.realm(body.realmId)) throw new AdminError(404, `No company with realmId ${body.realmId}.`);
    deps.oauth.setNextConsent(body);
    return c.json({ next: body });
  });

  // Registered before the entity routes so "revoke-all" is never taken for an entity name.
  app.post('/admin/realms/:realm/revoke-all', async (c) => {
    const realm = realmOf(c);
    const body = await parseBody(c, RevokeBody);
    return c.json({ revokedConnections: deps.oauth.revokeRealm(realm.realmId, body.clientId) });
  });

  app.get('/admin/realms/:realm/:entity', (c) => {
    const realm = realmOf(c);
    return c.json({ items: deps.state.list(realm.realmId, entityOf(c)).map(adminView) });
  });
  app.get('/admin/realms/:realm/:entity/:id', (c) => {
    const realm = realmOf(c);
    const entity = entityOf(c);
    const stored = deps.state.get(realm.realmId, entity, c.req.param('id'));
    if (!stored) throw new AdminError(404, `No ${entity} with Id ${c.req.param('id')}.`);
    return c.json({ [entity]: adminView(stored) });
  });
  app.post('/admin/realms/:realm/:entity', async (c) => {
    const realm = realmOf(c);
    const entity = entityOf(c);
    const body = await parseBody(c, v.record(v.string(), v.unknown()));
    if ('Id' in body) throw new AdminError(400, 'Creating takes no Id; PATCH /admin/realms/:realm/:entity/:id changes an object.');
    return changed(c, deps.ops.save(realm, entity, body, { source: 'admin', allowDuplicateDocNumber: c.req.query('allowDuplicateDocNumber') === 'true' }), 201);
  });
  app.patch('/admin/realms/:realm/:entity/:id', async (c) => {
    const realm = realmOf(c);
    const entity = entityOf(c);
    const body = await parseBody(c, v.record(v.string(), v.unknown()));
    const { Id: _id, SyncToken: _token, sparse: _sparse, ...fields } = body;
    return changed(c, deps.ops.patch(realm, entity, c.req.param('id'), fields));
  });
  app.post('/admin/realms/:realm/:entity/:id/deactivate', (c) => {
    const realm = realmOf(c);
    return changed(c, deps.ops.deactivate(realm, entityOf(c), c.req.param('id')));
  });
  app.delete('/admin/realms/:realm/:entity/:id', (c) => {
    const realm = realmOf(c);
    return changed(c, deps.ops.adminDelete(realm, entityOf(c), c.req.param('id')));
  });

  app.get('/admin/faults', (c) => c.json({ faults: deps.injector.list() }));
  app.post('/admin/faults', async (c) => {
    const body = await parseBody(c, FaultBody);
    if (body.action === 'status' && body.status === undefined) throw new AdminError(400, 'A "status" fault needs a status (e.g. 500, 503 or 429).');
    return c.json({ fault: deps.injector.add(body) }, 201);
  });
  app.delete('/admin/faults', (c) => {
    deps.injector.clear();
    return c.json({ faults: [] });
  });

  app.get('/admin/clock', (c) => c.json({ now: deps.state.clock.iso() }));
  app.post('/admin/clock', async (c) => {
    const body = await parseBody(c, ClockBody);
    deps.state.clock.advance(body.advanceSeconds);
    return c.json({ now: deps.state.clock.iso() });
  });

  app.get('/admin/requests', (c) => {
    const requests = deps.log.list();
    return c.json({ requests, inFlightPeak: requests.reduce((max, r) => Math.max(max, r.inFlightPeak), 0) });
  });
  app.delete('/admin/requests', (c) => {
    deps.log.clear();
    return c.json({ requests: [] });
  });

  app.get('/admin/webhooks', (c) => c.json({ deliveries: deps.webhooks.deliveries() }));
  app.delete('/admin/webhooks', (c) => {
    deps.webhooks.clearDeliveries();
    return c.json({ deliveries: [] });
  });
}
