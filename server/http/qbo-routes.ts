/**
 * QuickBooks Online's doors into the sync service: the OAuth 2.0 connect flow (start, callback) and
 * the webhook endpoint. The callback and the webhook are called by Intuit (or the browser Intuit
 * redirects), so they carry no API token: the single-use state and the signature are what protect
 * them. Nothing here ever echoes a token, a code or a secret.
 */
import type { Hono, Context } from 'hono';
import { isSyncedEntityType } from '../../lib/api/job-records.ts';
import { saveConnection } from '../quickbooks/qbo/connection-store.ts';
import { authorizeUrl, exchangeCode, OAuthError } from '../quickbooks/qbo/oauth-client.ts';
import { consumeAuthState, createAuthState } from '../quickbooks/qbo/oauth-states.ts';
import { parseWebhookPayload, verifyIntuitSignature } from '../quickbooks/qbo/webhooks.ts';
import type { QboRuntime } from '../quickbooks/directory.ts';
import type { Store } from '../store/store.ts';
import type { SyncEngine } from '../sync/engine.ts';
import { queueWebhookEvents } from '../sync/webhook-events.ts';
import { ProblemError } from './problem.ts';

/** Intuit's webhook bodies are small; anything far bigger is not from Intuit. */
export const MAX_WEBHOOK_BYTES = 1024 * 1024;

export interface QboRouteOptions {
  store: Store;
  engine: SyncEngine;
  qbo: QboRuntime | null;
  /** Throws a ProblemError unless the request carries a token with the admin scope. */
  requireAdmin: (c: Context) => Promise<void>;
  log?: (line: string) => void;
}

export function mountQboRoutes(app: Hono, opts: QboRouteOptions): void {
  const { store } = opts;
  const log = opts.log ?? ((line: string) => console.log(line));
  const runtime = (): QboRuntime => {
    if (!opts.qbo) {
      throw new ProblemError(503, 'qbo-not-configured',
        'QuickBooks Online is not set up on this server: start it with --qbo-client-id, --qbo-client-secret and --qbo-redirect-uri (see docs/quickbooks-online.md).');
    }
    return opts.qbo;
  };

  // Starts the connection of one company. A browser is redirected to Intuit's consent page; a
  // script asking for JSON gets the address to open.
  app.get('/connect/qbo/start', async (c) => {
    await opts.requireAdmin(c);
    const qbo = runtime();
    const companyId = c.req.query('companyId') ?? '';
    const company = await store.companyRow(companyId);
    if (!company) throw new ProblemError(404, 'not-found', `No company with id "${companyId.slice(0, 128)}".`);
    if (company.system !== 'qbo') {
      throw new ProblemError(400, 'bad-request', `Company "${company.id}" keeps its books in QuickBooks Desktop; it connects through the Web Connector, not OAuth.`);
    }
    const state = await store.write(async () => createAuthState(store, company.id));
    const url = authorizeUrl(qbo.config, state);
    if ((c.req.header('accept') ?? '').includes('application/json')) return c.json({ authorizeUrl: url, expiresInSeconds: 600 });
    return c.redirect(url, 302);
  });

  app.get('/connect/qbo/callback', async (c) => {
    const qbo = runtime();
    const q = c.req.query();
    const consumed = await store.write(async () => consumeAuthState(store, q.state));
    if (!consumed.ok) {
      const why = { unknown: 'is not one this server started', used: 'was already used (a callback can be used once)', expired: 'has expired (it lasts 10 minutes)' }[consumed.reason];
      throw new ProblemError(400, 'oauth-state-invalid', `This sign-in attempt ${why}. Start again from /connect/qbo/start.`);
    }
    if (q.error) {
      const denied = q.error === 'access_denied';
      throw new ProblemError(400, 'oauth-failed', denied
        ? 'The QuickBooks Online administrator declined the connection; nothing was changed.'
        : `QuickBooks Online ended the sign-in with "${String(q.error).slice(0, 64)}"; nothing was changed.`);
    }
    const code = q.code ?? '';
    const realmId = q.realmId ?? '';
    if (!code || code.length > 512 || !/^\d{1,32}$/.test(realmId)) {
      throw new ProblemError(400, 'oauth-failed', 'The callback lacks a valid code or realmId; start again from /connect/qbo/start.');
    }
    let tokens;
    try {
      tokens = await exchangeCode(qbo.config, code);
    } catch (err) {
      const why = err instanceof OAuthError ? err.code : 'network';
      log(`synclens server: exchanging the QuickBooks Online code for company "${consumed.companyId}" failed (${why})`);
      throw new ProblemError(502, 'oauth-failed',
        `QuickBooks Online did not accept the sign-in (${why}). Start again from /connect/qbo/start; if it keeps failing, check the app's keys and redirect URI.`);
    }
    const other = (await store.db.prepare('SELECT company_id FROM qbo_connections WHERE realm_id = ? AND company_id != ?').pluck()
      .get(realmId, consumed.companyId)) as string | undefined;
    if (other) {
      throw new ProblemError(409, 'conflict', `QuickBooks Online company ${realmId} is already connected to "${other}"; one QuickBooks company syncs with one company here.`);
    }
    await store.write(async () => saveConnection(store, qbo.box, consumed.companyId, realmId, tokens));
    opts.engine.forget(consumed.companyId);
    log(`synclens server: company "${consumed.companyId}" connected to QuickBooks Online company ${realmId}`);
    const name = (await store.companyRow(consumed.companyId))!.name;
    return c.html(connectedPage(name, realmId));
  });

  app.post('/webhooks/qbo', async (c) => {
    const qbo = runtime();
    if (!qbo.config.webhookVerifier) {
      throw new ProblemError(503, 'qbo-not-configured', 'Webhooks are not set up: start the server with --qbo-webhook-verifier <token>.');
    }
    const declared = Number(c.req.header('content-length') ?? '0');
    if (declared > MAX_WEBHOOK_BYTES) throw new ProblemError(413, 'payload-too-large', `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes.`);
    const raw = Buffer.from(await c.req.arrayBuffer());
    if (raw.length > MAX_WEBHOOK_BYTES) throw new ProblemError(413, 'payload-too-large', `Webhook bodies are limited to ${MAX_WEBHOOK_BYTES} bytes.`);
    // The signature is checked on the raw bytes, before anything is parsed.
    if (!verifyIntuitSignature(raw, c.req.header('intuit-signature'), qbo.config.webhookVerifier)) {
      throw new ProblemError(401, 'webhook-signature-invalid', 'The intuit-signature header does not match this body.');
    }
    let json: unknown;
    try {
      json = JSON.parse(raw.toString('utf8'));
    } catch {
      throw new ProblemError(400, 'invalid-json', 'The webhook body is not valid JSON.');
    }
    const parsed = parseWebhookPayload(json);
    if ('error' in parsed) throw new ProblemError(400, 'bad-request', `The webhook body is not a QuickBooks Online notification: ${parsed.error}`);
    const queued = await queueWebhookEvents(store, parsed.events.filter((e) => isSyncedEntityType(e.entityType)).map((e) => ({
      realmId: e.realmId, entityType: e.entityType, qbId: e.qbId, operation: e.operation, occurredAt: e.occurredAt,
    })));
    // Intuit wants the answer within seconds: the objects are read after replying.
    setImmediate(() => {
      for (const companyId of queued.companyIds) {
        opts.engine.drainWebhooks(companyId).catch((err: Error) =>
          log(`synclens server: reading QuickBooks Online changes for company "${companyId}" failed (${err.message.slice(0, 200)}); the next run tries again`));
      }
    });
    return c.json({ received: parsed.events.length, queued: queued.stored, repeated: queued.repeated, ignored: parsed.events.length - queued.stored - queued.repeated });
  });
}

function connectedPage(companyName: string, realmId: string): string {
  const esc = (s: string) => s.replace(/[&<>"']/g, (ch) => `&#${ch.charCodeAt(0)};`);
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Connected to QuickBooks Online</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:36rem;margin:4rem auto;padding:0 1rem;color:#1f2933}h1{font-size:1.4rem}</style></head>
<body><h1>${esc(companyName)} is connected to QuickBooks Online</h1>
<p>QuickBooks Online company ${esc(realmId)} now syncs with ${esc(companyName)}. Approved changes travel on the next sync run; you can close this tab.</p></body></html>`;
}
