/**
 * What every API request goes through before its handler, in QuickBooks' order: logged, bearer
 * token checked for this company (401/3200), test-injected failures, the company's limits
 * (429/3001), the configured latency; afterwards a "drop" failure cuts the connection unanswered.
 * OAuth token requests get the log and the injected failures only.
 */
import type { HttpBindings } from '@hono/node-server';
import type { Context, MiddlewareHandler } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { EmulatorClock } from './clock.ts';
import type { FaultInjector, ArmedFault } from './fault-injection.ts';
import { faults, type QboFault } from './faults.ts';
import type { RealmLimiter } from './limits.ts';
import type { OAuthStore } from './oauth-store.ts';
import type { LoggedRequest, RequestLog } from './request-log.ts';
import type { EmulatorState } from './state.ts';
import { faultReply } from './wire.ts';

export type Env = { Bindings: HttpBindings; Variables: { logEntry: LoggedRequest } };

export interface GateDeps {
  clock: EmulatorClock;
  state: EmulatorState;
  oauth: OAuthStore;
  limiter: RealmLimiter;
  log: RequestLog;
  injector: FaultInjector;
  latencyMs: number;
}

const REALM_PATH = /^\/v3\/company\/([^/]+)(?:\/|$)/;

function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

function injectedFault(rule: ArmedFault): QboFault {
  const status = rule.status ?? 500;
  if (status === 429) return faults.throttled(rule.retryAfter ?? 60);
  const fault = status === 500 ? faults.systemFailure() : status === 503 ? faults.serviceUnavailable() : faults.statusFault(status);
  if (rule.retryAfter !== undefined) fault.headers['retry-after'] = String(rule.retryAfter);
  return fault;
}

/** Runs the handler, then cuts the connection so the caller never learns the outcome. */
async function runThenDrop(c: Context<Env>, next: () => Promise<void>): Promise<void> {
  await next();
  c.env.incoming.socket?.destroy();
}

export function apiGate(deps: GateDeps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const realmId = REALM_PATH.exec(url.pathname)?.[1] ?? null;
    const entry = deps.log.begin(c.req.method, url, realmId, deps.clock.iso());
    const time = deps.clock.iso();
    let early: Response | null = null;
    try {
      const token = bearerToken(c.req.header('authorization'));
      if (!realmId || !token || !deps.state.realm(realmId) || deps.oauth.accessRealm(token) !== realmId) {
        return (early = faultReply(c, faults.authenticationFailed(), time));
      }
      const rule = deps.injector.take(realmId, c.req.method, url.pathname);
      if (rule?.action === 'status') return (early = faultReply(c, injectedFault(rule), time));
      const admission = deps.limiter.tryEnter(realmId);
      if (!admission.ok) return (early = faultReply(c, faults.throttled(admission.retryAfterSeconds), time));
      deps.log.admit(entry);
      try {
        if (deps.latencyMs > 0) await new Promise((resolve) => setTimeout(resolve, deps.latencyMs));
        if (rule?.action === 'drop-after-apply') await runThenDrop(c, next);
        else await next();
      } finally {
        admission.release();
      }
    } finally {
      deps.log.finish(entry, (early ?? c.res).status);
    }
  };
}

export function oauthGate(deps: GateDeps): MiddlewareHandler<Env> {
  return async (c, next) => {
    const url = new URL(c.req.url);
    const entry = deps.log.begin(c.req.method, url, null, deps.clock.iso());
    // The token endpoint learns the company from the code or token and notes it here.
    c.set('logEntry', entry);
    let early: Response | null = null;
    try {
      const rule = c.req.method === 'POST' ? deps.injector.take(null, c.req.method, url.pathname) : null;
      if (rule?.action === 'status') {
        const status = rule.status ?? 500;
        if (rule.retryAfter !== undefined) c.header('retry-after', String(rule.retryAfter));
        return (early = c.json({
          error: status === 429 ? 'too_many_requests' : 'server_error', error_description: `The emulator answered ${status} as instructed.`,
        }, status as ContentfulStatusCode));
      }
      if (rule?.action === 'drop-after-apply') await runThenDrop(c, next);
      else await next();
    } finally {
      deps.log.finish(entry, (early ?? c.res).status);
    }
  };
}
