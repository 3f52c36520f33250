/**
 * The QuickBooks Online emulator: a separate HTTP server that answers like Intuit's OAuth 2.0 and
 * Accounting API v3 endpoints (a connector only swaps the base URLs), sends signed webhooks, and
 * offers an /admin API to set up companies, play "someone changed it in QuickBooks", inject
 * failures and move the clock. All state is in memory.
 */
import { serve, type HttpBindings } from '@hono/node-server';
import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AddressInfo } from 'node:net';
import { AdminError, registerAdminRoutes } from './admin-routes.ts';
import { EmulatorClock } from './clock.ts';
import { FaultInjector } from './fault-injection.ts';
import { faults, QboFault } from './faults.ts';
import { RealmLimiter } from './limits.ts';
import { registerOAuthRoutes } from './oauth-routes.ts';
import { OAuthStore, type AppRegistration } from './oauth-store.ts';
import { Operations } from './operations.ts';
import { apiGate, oauthGate, type Env } from './request-gate.ts';
import { RequestIdStore } from './request-ids.ts';
import { RequestLog } from './request-log.ts';
import { EmulatorState, type RealmSpec } from './state.ts';
import { registerV3Routes } from './v3-routes.ts';
import { WebhookSender, type WebhookFormat } from './webhooks.ts';
import { faultReply, MAX_BODY_BYTES, newTid } from './wire.ts';

export interface QboEmulatorOptions {
  /** 0 = a random free port. */
  port?: number;
  /** Default 127.0.0.1. The admin API is served only on a loopback address. */
  host?: string;
  apps?: AppRegistration[];
  /** Each company starts with a default chart of accounts ("Services" income is Id 1). */
  realms?: RealmSpec[];
  /** Injectable clock for tests; POST /admin/clock moves it further. */
  now?: () => Date;
  /** Artificial delay per v3 request (default 0): makes the concurrency limit observable. */
  latencyMs?: number;
  /** Per company: requests per rolling minute and at once (default 500 and 10). */
  limits?: { perMinute?: number; concurrent?: number };
  /** Access token lifetime (default 3600). */
  accessTokenSeconds?: number;
  /** Default 'cloudevents'; an admin call may ask for the other with ?format=. */
  webhookFormat?: WebhookFormat;
  /** Hold webhook events this long and send them together (default 0 = right away). */
  webhookDelayMs?: number;
  /** Waits before retrying a failed webhook delivery (default 200 ms, then 1 s). */
  webhookRetryDelaysMs?: number[];
  /** Lets another module mount more routes (e.g. a QuickBooks-like web app) on the same server and state. */
  extraRoutes?: (app: Hono<Env>, state: EmulatorState) => void;
}

export interface RunningQboEmulator {
  /** http://127.0.0.1:PORT */
  url: string;
  /** Where a connector points: v3 lives under apiBase + /v3/company/...; OAuth under oauthBase + /connect/oauth2, /oauth2/v1/tokens/bearer, /v2/oauth2/tokens/revoke. */
  apiBase: string;
  oauthBase: string;
  close(): Promise<void>;
}

/** How long requests under way may finish when the emulator stops. */
const CLOSE_GRACE_MS = 2_000;
const LOOPBACK = /^(127\.\d+\.\d+\.\d+|::1|localhost)$/i;

export async function startQboEmulator(opts: QboEmulatorOptions = {}): Promise<RunningQboEmulator> {
  const clock = new EmulatorClock(opts.now);
  const state = new EmulatorState(clock);
  for (const realm of opts.realms ?? []) state.addRealm(realm);
  const oauth = new OAuthStore(clock, opts.accessTokenSeconds ?? 3600);
  for (const registration of opts.apps ?? []) oauth.upsertApp(registration);
  const ops = new Operations(state);
  const log = new RequestLog();
  const injector = new FaultInjector();
  const limiter = new RealmLimiter({ perMinute: opts.limits?.perMinute ?? 500, concurrent: opts.limits?.concurrent ?? 10 }, clock);
  const webhooks = new WebhookSender({
    clock,
    delayMs: opts.webhookDelayMs ?? 0,
    defaultFormat: opts.webhookFormat ?? 'cloudevents',
    retryDelaysMs: opts.webhookRetryDelaysMs ?? [200, 1000],
    appsFor: (realmId) => oauth.connectedApps(realmId),
  });
  const host = opts.host ?? '127.0.0.1';

  const app = new Hono<Env>();
  app.use('*', async (c, next) => {
    c.header('intuit_tid', newTid());
    await next();
    if (!c.res.headers.has('intuit_tid')) c.res.headers.set('intuit_tid', newTid());
  });
  const tooLarge = bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => faultReply(c, faults.tooLarge(), clock.iso()) });
  const gateDeps = { clock, state, oauth, limiter, log, injector, latencyMs: opts.latencyMs ?? 0 };
  app.use('/v3/*', tooLarge, apiGate(gateDeps));
  app.use('/oauth2/*', tooLarge, oauthGate(gateDeps));
  app.use('/v2/oauth2/*', tooLarge, oauthGate(gateDeps));
  app.use('/connect/*', oauthGate(gateDeps));
  app.use('/admin/*', bodyLimit({ maxSize: MAX_BODY_BYTES, onError: (c) => c.json({ error: 'The body is larger than 4 MB.' }, 413) }));

  registerOAuthRoutes(app, { oauth, state });
  registerV3Routes(app, { state, ops, requestIds: new RequestIdStore(), webhooks });
  registerAdminRoutes(app, { state, ops, oauth, injector, log, webhooks, enabled: LOOPBACK.test(host) });
  opts.extraRoutes?.(app, state);

  app.notFound((c) => (c.req.path.startsWith('/v3/')
    ? faultReply(c, faults.notFoundRoute(), clock.iso())
    : c.json({ error: `Nothing at ${c.req.method} ${c.req.path}.` }, 404)));
  app.onError((err, c) => {
    if (err instanceof AdminError) return c.json({ error: err.message }, err.status);
    // The message is ours, never a request's content; the stack helps whoever runs the emulator.
    console.error(`qbo-emulator: internal error on ${c.req.method} ${c.req.path}:`, err);
    return faultReply(c, err instanceof QboFault ? err : faults.internalError(), clock.iso());
  });

  const server = await new Promise<ReturnType<typeof serve>>((resolve, reject) => {
    const s = serve({ fetch: app.fetch, port: opts.port ?? 0, hostname: host }, () => resolve(s));
    s.once('error', reject);
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  let closed: Promise<void> | null = null;
  return {
    url,
    apiBase: url,
    oauthBase: url,
    close() {
      closed ??= (async () => {
        await webhooks.close();
        await new Promise<void>((resolve) => {
          // A keep-alive socket busy now would hold close() open for good once it turns idle:
          // requests under way get a short grace, then every socket is closed.
          const http = server as { closeAllConnections?: () => void; closeIdleConnections?: () => void };
          const force = setTimeout(() => http.closeAllConnections?.(), CLOSE_GRACE_MS);
          server.close(() => {
            clearTimeout(force);
            resolve();
          });
          http.closeIdleConnections?.();
        });
      })();
      return closed;
    },
  };
}

export type { HttpBindings };
