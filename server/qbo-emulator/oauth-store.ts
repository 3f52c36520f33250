/**
 * Apps, authorization codes and tokens, kept as Intuit keeps them: codes are single-use and short
 * lived; every refresh rotates the refresh token and the used one dies at once; a revoke kills the
 * whole family of tokens issued from one consent. Token values are random and never logged.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { EmulatorClock } from './clock.ts';

export interface AppRegistration {
  clientId: string;
  clientSecret: string;
  redirectUris: string[];
  webhookUrl?: string | null;
  webhookVerifier?: string | null;
}

export interface TokenReply {
  token_type: 'bearer';
  access_token: string;
  expires_in: number;
  refresh_token: string;
  x_refresh_token_expires_in: number;
}

export type GrantResult = { ok: true; realmId: string; reply: TokenReply } | { ok: false; error: 'invalid_grant'; description: string };

const CODE_TTL_MS = 10 * 60_000;
/** Intuit's refresh tokens live 101 days from issue (rolling with each refresh). */
export const REFRESH_TOKEN_SECONDS = 8_726_400;
const SWEEP_EVERY = 200;

interface Family { id: number; clientId: string; realmId: string; revoked: boolean }
interface CodeGrant { clientId: string; redirectUri: string; realmId: string; expiresAt: number; used: boolean }
interface TokenEntry { family: Family; expiresAt: number; used: boolean }

export type NextConsent = { realmId: string } | { deny: true };

const newSecret = () => randomBytes(32).toString('base64url');

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export class OAuthStore {
  private readonly clock: EmulatorClock;
  private readonly accessTokenSeconds: number;
  private readonly apps = new Map<string, AppRegistration>();
  private readonly codes = new Map<string, CodeGrant>();
  private readonly accessTokens = new Map<string, TokenEntry>();
  private readonly refreshTokens = new Map<string, TokenEntry>();
  private readonly families: Family[] = [];
  private nextFamily = 1;
  private issued = 0;
  private nextConsent: NextConsent | null = null;

  constructor(clock: EmulatorClock, accessTokenSeconds: number) {
    this.clock = clock;
    this.accessTokenSeconds = accessTokenSeconds;
  }

  upsertApp(app: AppRegistration): void {
    this.apps.set(app.clientId, { ...app, redirectUris: [...app.redirectUris] });
  }

  app(clientId: string): AppRegistration | undefined {
    return this.apps.get(clientId);
  }

  /** The app named by an `Authorization: Basic` header whose secret matches, or null. */
  authenticateClient(header: string | undefined): AppRegistration | null {
    const match = /^Basic\s+([A-Za-z0-9+/=]+)\s*$/i.exec(header ?? '');
    if (!match) return null;
    const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
    const colon = decoded.indexOf(':');
    if (colon < 0) return null;
    const app = this.apps.get(decoded.slice(0, colon));
    return app && sameSecret(decoded.slice(colon + 1), app.clientSecret) ? app : null;
  }

  /** Sets what the next consent does (a chosen company, or a refusal); used once. */
  setNextConsent(next: NextConsent): void {
    this.nextConsent = next;
  }

  takeNextConsent(): NextConsent | null {
    const next = this.nextConsent;
    this.nextConsent = null;
    return next;
  }

  issueCode(clientId: string, redirectUri: string, realmId: string): string {
    const code = newSecret();
    this.codes.set(code, { clientId, redirectUri, realmId, expiresAt: this.clock.nowMs() + CODE_TTL_MS, used: false });
    return code;
  }

  redeemCode(app: AppRegistration, code: string, redirectUri: string): GrantResult {
    const grant = this.codes.get(code);
    const now = this.clock.nowMs();
    if (!grant || grant.clientId !== app.clientId) return { ok: false, error: 'invalid_grant', description: 'Invalid authorization code' };
    if (grant.used) return { ok: false, error: 'invalid_grant', description: 'Authorization code was already used' };
    if (grant.expiresAt <= now) return { ok: false, error: 'invalid_grant', description: 'Authorization code has expired' };
    if (grant.redirectUri !== redirectUri) return { ok: false, error: 'invalid_grant', description: 'redirect_uri does not match the one of the authorization request' };
    grant.used = true;
    const family: Family = { id: this.nextFamily++, clientId: app.clientId, realmId: grant.realmId, revoked: false };
    this.families.push(family);
    return { ok: true, realmId: grant.realmId, reply: this.issuePair(family) };
  }

  /** Rotates: a new refresh token each time; the one presented is dead from now on. */
  refresh(app: AppRegistration, refreshToken: string): GrantResult {
    const entry = this.refreshTokens.get(refreshToken);
    const refused: GrantResult = { ok: false, error: 'invalid_grant', description: 'Incorrect or invalid refresh token' };
    if (!entry || entry.used || entry.family.revoked || entry.family.clientId !== app.clientId) return refused;
    if (entry.expiresAt <= this.clock.nowMs()) return refused;
    entry.used = true;
    return { ok: true, realmId: entry.family.realmId, reply: this.issuePair(entry.family) };
  }

  /** Kills the family of the given access or refresh token (only the app's own). */
  revoke(app: AppRegistration, token: string): void {
    const entry = this.refreshTokens.get(token) ?? this.accessTokens.get(token);
    if (entry && entry.family.clientId === app.clientId) entry.family.revoked = true;
  }

  /** Someone disconnects the app(s) inside QuickBooks: every token of the company's connections dies. */
  revokeRealm(realmId: string, clientId?: string): number {
    let revoked = 0;
    for (const family of this.families) {
      if (family.realmId !== realmId || family.revoked || (clientId !== undefined && family.clientId !== clientId)) continue;
      family.revoked = true;
      revoked++;
    }
    return revoked;
  }

  /** The realm an access token may use, if it is live; null otherwise. */
  accessRealm(token: string): string | null {
    const entry = this.accessTokens.get(token);
    if (!entry || entry.family.revoked || entry.expiresAt <= this.clock.nowMs()) return null;
    return entry.family.realmId;
  }

  /** Apps holding a live (not revoked) connection to the company: the ones its webhooks go to. */
  connectedApps(realmId: string): AppRegistration[] {
    const ids = new Set(this.families.filter((f) => f.realmId === realmId && !f.revoked).map((f) => f.clientId));
    return [...ids].map((id) => this.apps.get(id)).filter((a): a is AppRegistration => a !== undefined);
  }

  private issuePair(family: Family): TokenReply {
    const now = this.clock.nowMs();
    const access = newSecret();
    const refresh = newSecret();
    this.accessTokens.set(access, { family, expiresAt: now + this.accessTokenSeconds * 1000, used: false });
    this.refreshTokens.set(refresh, { family, expiresAt: now + REFRESH_TOKEN_SECONDS * 1000, used: false });
    if (++this.issued % SWEEP_EVERY === 0) this.sweep(now);
    return {
      token_type: 'bearer', access_token: access, expires_in: this.accessTokenSeconds,
      refresh_token: refresh, x_refresh_token_expires_in: REFRESH_TOKEN_SECONDS,
    };
  }

  /** Forgets what can never be used again, so a long demo does not grow without bound. */
  private sweep(now: number): void {
    for (const [key, grant] of this.codes) if (grant.used || grant.expiresAt <= now) this.codes.delete(key);
    for (const [key, entry] of this.accessTokens) if (entry.family.revoked || entry.expiresAt <= now) this.accessTokens.delete(key);
    // A forgotten refresh token is refused with invalid_grant just like a used one.
    for (const [key, entry] of this.refreshTokens) if (entry.used || entry.family.revoked || entry.expiresAt <= now) this.refreshTokens.delete(key);
  }
}
