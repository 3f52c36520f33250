/**
 * Who is calling and what they may do. A request is authenticated once (authenticateRequest) and
 * its principal kept on the Hono context; each route family then requires one scope (requireScope).
 *
 * Two kinds of credentials: the server's own token (--token, every scope, compared in constant time)
 * and scoped API tokens created with `npm run server -- token create` (server/auth/api-tokens.ts).
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { findToken } from '../auth/api-tokens.ts';
import { SCOPES, type Scope } from '../auth/scopes.ts';
import type { Store } from '../store/store.ts';
import { ProblemError } from './problem.ts';

export interface Principal {
  /** 'server-token' for --token; else the API token's id (never the token). */
  tokenId: string;
  scopes: ReadonlySet<Scope>;
}

declare module 'hono' {
  interface ContextVariableMap {
    principal: Principal;
  }
}

const digest = (s: string) => createHash('sha256').update(s, 'utf8').digest();

/** The token of an "Authorization: Bearer <token>" header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

export function tokenMatches(header: string | undefined, token: string): boolean {
  const given = bearerToken(header);
  // Always compare, even for a missing header, so timing says nothing about the token.
  return timingSafeEqual(digest(given ?? ''), digest(token)) && given !== null;
}

export interface AuthConfig {
  store: Store;
  /** The server's own token (StartOptions.token): every scope. */
  serverToken: string;
}

/** The principal behind an Authorization header, or null when it names no live token. */
export async function authenticateRequest(authorization: string | undefined, config: AuthConfig): Promise<Principal | null> {
  if (tokenMatches(authorization, config.serverToken)) return { tokenId: 'server-token', scopes: new Set(SCOPES) };
  const presented = bearerToken(authorization);
  if (!presented) return null;
  const found = await findToken(config.store, presented);
  return found ? { tokenId: found.id, scopes: new Set(found.scopes) } : null;
}

export const unauthorized = () =>
  new ProblemError(401, 'unauthorized', 'Send the server token or an API token as "Authorization: Bearer <token>".');

/** Throws 403 insufficient-scope unless the principal holds `scope`. The detail names the scope, never the token. */
export function assertScope(principal: Principal | undefined, scope: Scope): void {
  if (!principal) throw unauthorized();
  if (!principal.scopes.has(scope)) {
    throw new ProblemError(403, 'insufficient-scope',
      `This token lacks the "${scope}" scope needed here. Create a token with it: npm run server -- token create --scopes ${scope}`);
  }
}

/** Authenticates the request and keeps the principal for requireScope; 401 when no live token is sent. */
export function authenticate(config: AuthConfig): MiddlewareHandler {
  return async (c, next) => {
    const principal = await authenticateRequest(c.req.header('authorization'), config);
    if (!principal) throw unauthorized();
    c.set('principal', principal);
    await next();
  };
}

/**
 * Route middleware: the request must come from a token with `scope` (e.g. `requireScope('admin')`).
 * It relies on `authenticate` having run first (it does for everything under /api/v1); without a
 * principal it answers 401, so a route mounted elsewhere by mistake stays closed.
 */
export function requireScope(scope: Scope): MiddlewareHandler {
  return async (c, next) => {
    assertScope(c.get('principal'), scope);
    await next();
  };
}
