/**
 * A company's QuickBooks Online connection: its realm and OAuth tokens, kept encrypted in
 * qbo_connections, and the discipline for renewing them.
 *
 * Renewal follows what went wrong for others (oauth-jsclient#138, Intuit's MCP server PR #104):
 * refresh only when the access token is (nearly) expired, one refresh at a time per realm, store the
 * new pair before anyone uses it, never let an older refresh overwrite a newer pair (the row's
 * `generation` is compared and bumped in one statement), and when Intuit answers invalid_grant,
 * re-read the row once in case another process already rotated the tokens before declaring the
 * connection dead.
 */
import type { Store } from '../../store/store.ts';
import type { QboAppConfig } from './config.ts';
import { OAuthError, refreshTokens, type QboTokenSet } from './oauth-client.ts';
import type { SecretBox } from './secret-box.ts';

/** Refresh this long before the access token runs out, so a request never starts with a dying token. */
export const REFRESH_MARGIN_MS = 5 * 60_000;

export interface QboConnection {
  companyId: string;
  realmId: string;
  accessToken: string;
  accessExpiresAt: string;
  refreshToken: string;
  refreshExpiresAt: string | null;
  generation: number;
  connectedAt: string;
  updatedAt: string;
}

interface ConnectionRow {
  company_id: string; realm_id: string; access_token_enc: string; access_expires_at: string; refresh_token_enc: string;
  refresh_expires_at: string | null; generation: number; connected_at: string; updated_at: string;
}

/** The connection needs a person: the refresh token was refused. `message` is safe to show. */
export class QboAuthExpired extends Error {
  override readonly name = 'QboAuthExpired';
  constructor(readonly companyId: string, message: string) {
    super(message);
  }
}

export class QboNotConnected extends Error {
  override readonly name = 'QboNotConnected';
  constructor(readonly companyId: string) {
    super(`Company "${companyId}" is not connected to QuickBooks Online yet; an admin has to connect it first.`);
  }
}

export class QboConnectionError extends Error {
  override readonly name = 'QboConnectionError';
}

const REALM_PATTERN = /^[A-Za-z0-9]{1,64}$/;
const context = (companyId: string, which: 'access' | 'refresh') => `qbo:${companyId}:${which}`;

/**
 * Stores the tokens from a completed consent (replacing any earlier pair), records the realm on the
 * company and clears a connector warning such as auth-expired.
 */
export async function saveConnection(
  store: Store, box: SecretBox, companyId: string, realmId: string, tokens: QboTokenSet,
): Promise<QboConnection> {
  if (!REALM_PATTERN.test(realmId)) throw new QboConnectionError('The QuickBooks Online company id (realmId) is missing or malformed.');
  const company = await store.companyRow(companyId);
  if (!company) throw new QboConnectionError(`There is no company "${companyId}" to connect.`);
  if (company.system !== 'qbo') throw new QboConnectionError(`Company "${companyId}" uses QuickBooks Desktop, not QuickBooks Online.`);
  // Sealing first: with no key (and no demo allowance) this throws before anything is written.
  const accessEnc = box.seal(tokens.accessToken, context(companyId, 'access'));
  const refreshEnc = box.seal(tokens.refreshToken, context(companyId, 'refresh'));
  const now = store.nowIso();
  await store.write(async () => {
    const other = (await store.db.prepare('SELECT company_id FROM qbo_connections WHERE realm_id = ? AND company_id <> ?').get(realmId, companyId)) as
      { company_id: string } | undefined;
    if (other) {
      throw new QboConnectionError(
        `This QuickBooks Online company is already connected to the SyncLens company "${other.company_id}"; disconnect it there first.`,
      );
    }
    await store.db.prepare(`INSERT INTO qbo_connections (company_id, realm_id, access_token_enc, access_expires_at, refresh_token_enc,
        refresh_expires_at, generation, connected_at, updated_at) VALUES (?,?,?,?,?,?,1,?,?)
      ON CONFLICT (company_id) DO UPDATE SET realm_id = excluded.realm_id, access_token_enc = excluded.access_token_enc,
        access_expires_at = excluded.access_expires_at, refresh_token_enc = excluded.refresh_token_enc,
        refresh_expires_at = excluded.refresh_expires_at, generation = qbo_connections.generation + 1,
        connected_at = excluded.connected_at, updated_at = excluded.updated_at, cdc_since = NULL`)
      .run(companyId, realmId, accessEnc, tokens.accessExpiresAt, refreshEnc, tokens.refreshExpiresAt, now, now);
    await store.db.prepare('UPDATE companies SET realm_id = ?, connector_override = NULL, connector_message = NULL WHERE id = ?').run(realmId, companyId);
  });
  return (await loadConnection(store, box, companyId))!;
}

export async function loadConnection(store: Store, box: SecretBox, companyId: string): Promise<QboConnection | null> {
  const row = (await store.db.prepare('SELECT * FROM qbo_connections WHERE company_id = ?').get(companyId)) as ConnectionRow | undefined;
  if (!row) return null;
  return {
    companyId: row.company_id,
    realmId: row.realm_id,
    accessToken: box.open(row.access_token_enc, context(companyId, 'access')),
    accessExpiresAt: row.access_expires_at,
    refreshToken: box.open(row.refresh_token_enc, context(companyId, 'refresh')),
    refreshExpiresAt: row.refresh_expires_at,
    generation: row.generation,
    connectedAt: row.connected_at,
    updatedAt: row.updated_at,
  };
}

/** Forgets a company's tokens (after a disconnect). True when there was a connection. */
export async function deleteConnection(store: Store, companyId: string): Promise<boolean> {
  return store.write(async () => (await store.db.prepare('DELETE FROM qbo_connections WHERE company_id = ?').run(companyId)).changes > 0);
}

const SIGN_IN_REFUSED = 'QuickBooks Online refused the saved sign-in (it expired or was revoked).';

/** The plain sentences the connector shows when the connection needs an admin: what happened, then how to reconnect. */
export function reconnectMessage(companyId: string, publicUrl: string | null, what = SIGN_IN_REFUSED): string {
  const path = `/connect/qbo/start?companyId=${encodeURIComponent(companyId)}`;
  const where = publicUrl ? `${publicUrl.replace(/\/+$/, '')}${path}` : `${path} on the sync service`;
  return `${what} Reconnect the company: open ${where} as an admin.`;
}

export interface QboTokenManagerOptions {
  store: Store;
  box: SecretBox;
  config: QboAppConfig;
  fetchImpl?: typeof fetch;
  /** The sync service's address as admins reach it, for the reconnect sentence. */
  publicUrl?: string | null;
  refreshMarginMs?: number;
  oauthTimeoutMs?: number;
}

/** Hands out valid access tokens, refreshing them as described at the top of this file. */
export class QboTokenManager {
  private readonly inflight = new Map<string, Promise<string>>();
  private readonly opts: QboTokenManagerOptions;
  /** Token refreshes sent to Intuit by this manager (tests and diagnostics). */
  refreshCount = 0;

  constructor(opts: QboTokenManagerOptions) {
    this.opts = opts;
  }

  private async load(companyId: string): Promise<QboConnection> {
    const conn = await loadConnection(this.opts.store, this.opts.box, companyId);
    if (!conn) throw new QboNotConnected(companyId);
    return conn;
  }

  private fresh(conn: QboConnection): boolean {
    return Date.parse(conn.accessExpiresAt) - this.opts.store.now().getTime() > (this.opts.refreshMarginMs ?? REFRESH_MARGIN_MS);
  }

  /** A usable access token, refreshed first when it expires within the margin. */
  async accessToken(companyId: string): Promise<string> {
    const conn = await this.load(companyId);
    if (this.fresh(conn)) return conn.accessToken;
    return this.refreshOnce(conn, (c) => this.fresh(c));
  }

  /** After QuickBooks answered 401 to `failedAccessToken`: a newer token, refreshing unless someone already did. */
  async forceRefresh(companyId: string, failedAccessToken: string): Promise<string> {
    const conn = await this.load(companyId);
    if (conn.accessToken !== failedAccessToken && this.fresh(conn)) return conn.accessToken;
    return this.refreshOnce(conn, (c) => c.accessToken !== failedAccessToken && this.fresh(c));
  }

  /**
   * Marks the connector as needing an admin and returns the error to throw. `what` says what
   * happened in one sentence (default: the saved sign-in was refused); the reconnect advice follows.
   */
  async markAuthExpired(companyId: string, what?: string): Promise<QboAuthExpired> {
    const { store } = this.opts;
    const message = reconnectMessage(companyId, this.opts.publicUrl ?? null, what);
    await store.write(async () => {
      await store.db.prepare("UPDATE companies SET connector_override = 'auth-expired', connector_message = ? WHERE id = ?").run(message, companyId);
    });
    return new QboAuthExpired(companyId, message);
  }

  /** One refresh per realm at a time: later callers join the running one. */
  private refreshOnce(conn: QboConnection, usable: (c: QboConnection) => boolean): Promise<string> {
    const running = this.inflight.get(conn.realmId);
    if (running) return running;
    const promise = this.refresh(conn.companyId, usable).finally(() => this.inflight.delete(conn.realmId));
    this.inflight.set(conn.realmId, promise);
    return promise;
  }

  private async refresh(companyId: string, usable: (c: QboConnection) => boolean): Promise<string> {
    const { store, config } = this.opts;
    // Another process may have refreshed since the caller looked.
    const before = await this.load(companyId);
    if (usable(before)) return before.accessToken;
    let tokens: QboTokenSet;
    try {
      this.refreshCount++;
      tokens = await refreshTokens(config, before.refreshToken, {
        fetchImpl: this.opts.fetchImpl, now: store.now, timeoutMs: this.opts.oauthTimeoutMs,
      });
    } catch (err) {
      if (err instanceof OAuthError && err.code === 'invalid_grant') {
        const after = await loadConnection(store, this.opts.box, companyId);
        if (after && after.generation !== before.generation) return after.accessToken;
        throw await this.markAuthExpired(companyId);
      }
      throw err;
    }
    const stored = await this.storeRefreshed(companyId, before.generation, tokens);
    if (stored) return tokens.accessToken;
    // A newer pair landed while this refresh ran: it wins, ours is dropped.
    return (await this.load(companyId)).accessToken;
  }

  /** Compare-and-set on `generation`: false when the row moved on (or vanished) meanwhile. */
  private async storeRefreshed(companyId: string, generation: number, tokens: QboTokenSet): Promise<boolean> {
    const { store, box } = this.opts;
    const accessEnc = box.seal(tokens.accessToken, context(companyId, 'access'));
    const refreshEnc = box.seal(tokens.refreshToken, context(companyId, 'refresh'));
    // Not store.write: token rotation changes nothing the Sync API reports.
    const result = await store.db.prepare(`UPDATE qbo_connections SET access_token_enc = ?, access_expires_at = ?, refresh_token_enc = ?,
        refresh_expires_at = COALESCE(?, refresh_expires_at), generation = generation + 1, updated_at = ?
      WHERE company_id = ? AND generation = ?`)
      .run(accessEnc, tokens.accessExpiresAt, refreshEnc, tokens.refreshExpiresAt, store.nowIso(), companyId, generation);
    return result.changes === 1;
  }
}
