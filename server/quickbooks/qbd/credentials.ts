/**
 * Web Connector logins and session tickets. A Desktop company has one user name and password (the
 * password scrypt-hashed with a random salt); a ticket is random, bound to its company, expiring,
 * and stored only as a hash so any server instance sharing the database can serve it.
 */
import { createHash, randomBytes, randomUUID, scryptSync, timingSafeEqual } from 'node:crypto';
import type { Store } from '../../store/store.ts';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLength: 32 } as const;
export const TICKET_LIFETIME_MS = 60 * 60_000;
export const MIN_PASSWORD_LENGTH = 8;

export interface QbwcCompanyRow {
  company_id: string; user_name: string | null; password_hash: string | null; file_id: string; changes_since: string; updated_at: string;
}

export function hashPassword(password: string): string {
  const salt = randomBytes(16);
  const key = scryptSync(password, salt, SCRYPT.keyLength, { N: SCRYPT.N, r: SCRYPT.r, p: SCRYPT.p });
  return `scrypt$${SCRYPT.N}$${SCRYPT.r}$${SCRYPT.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export function verifyPassword(password: string, stored: string): boolean {
  const [scheme, n, r, p, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = scryptSync(password, Buffer.from(salt, 'base64'), expected.length, { N: Number(n), r: Number(r), p: Number(p) });
  return timingSafeEqual(actual, expected);
}

/** A stored hash nobody's password matches: unknown user names cost the same time as wrong passwords. */
const DECOY_HASH = hashPassword(randomBytes(24).toString('base64'));

/** The company's Web Connector row, created on first use (its FileID is fixed from then on). */
export async function webConnectorRow(store: Store, companyId: string): Promise<QbwcCompanyRow> {
  const existing = (await store.db.prepare('SELECT * FROM qbwc_companies WHERE company_id = ?').get(companyId)) as QbwcCompanyRow | undefined;
  if (existing) return existing;
  const now = store.nowIso();
  await store.write(async () => {
    await store.db.prepare(`INSERT INTO qbwc_companies (company_id, user_name, password_hash, file_id, changes_since, updated_at)
      VALUES (?, NULL, NULL, ?, ?, ?) ON CONFLICT DO NOTHING`).run(companyId, `{${randomUUID().toUpperCase()}}`, now, now);
  });
  return (await store.db.prepare('SELECT * FROM qbwc_companies WHERE company_id = ?').get(companyId)) as QbwcCompanyRow;
}

export class UserNameTaken extends Error {}

export async function setCredentials(store: Store, companyId: string, userName: string, password: string): Promise<void> {
  const hash = hashPassword(password);
  await webConnectorRow(store, companyId);
  await store.write(async () => {
    const owner = (await store.db.prepare('SELECT company_id FROM qbwc_companies WHERE user_name = ? AND company_id != ?').pluck()
      .get(userName, companyId)) as string | undefined;
    if (owner) throw new UserNameTaken(`The Web Connector user name "${userName}" already belongs to another company.`);
    await store.db.prepare('UPDATE qbwc_companies SET user_name = ?, password_hash = ?, updated_at = ? WHERE company_id = ?')
      .run(userName, hash, store.nowIso(), companyId);
  });
}

/** True when the company is driven by the Web Connector (it has a login). */
export async function hasCredentials(store: Store, companyId: string): Promise<boolean> {
  return (await store.db.prepare('SELECT 1 FROM qbwc_companies WHERE company_id = ? AND password_hash IS NOT NULL').get(companyId)) !== undefined;
}

/**
 * Gives every Desktop company without a login the same one (start-up options); a user name can
 * belong to one company only, so the second and later companies get "<user>-<company id>".
 */
export async function provisionCredentials(store: Store, userName: string, password: string): Promise<{ companyId: string; userName: string }[]> {
  const companies = (await store.db.prepare("SELECT id FROM companies WHERE system = 'qbd' ORDER BY sort, id").pluck().all()) as string[];
  const given: { companyId: string; userName: string }[] = [];
  for (const id of companies) {
    if (await hasCredentials(store, id)) continue;
    const taken = (await store.db.prepare('SELECT 1 FROM qbwc_companies WHERE user_name = ?').get(userName)) !== undefined;
    const name = taken ? `${userName}-${id}` : userName;
    await setCredentials(store, id, name, password);
    given.push({ companyId: id, userName: name });
  }
  return given;
}

/** The company whose login this is, or null; the same work is done whether the user exists or not. */
export async function checkLogin(store: Store, userName: string, password: string): Promise<string | null> {
  const row = (await store.db.prepare('SELECT company_id, password_hash FROM qbwc_companies WHERE user_name = ? AND password_hash IS NOT NULL')
    .get(userName)) as { company_id: string; password_hash: string } | undefined;
  const ok = verifyPassword(password, row?.password_hash ?? DECOY_HASH);
  return row && ok ? row.company_id : null;
}

export const ticketHash = (ticket: string) => createHash('sha256').update(ticket).digest('hex');

export function newTicket(): string {
  return randomUUID();
}

export interface SessionRow {
  ticket_hash: string; company_id: string; started_at: string; expires_at: string; ended_at: string | null; rounds: number;
  sent: number; succeeded: number; failed: number; import_queue: string | null; last_error: string | null;
}

/** The live session of a ticket, or null (unknown, ended or expired). */
export async function liveSession(store: Store, ticket: string): Promise<SessionRow | null> {
  const row = (await store.db.prepare('SELECT * FROM qbwc_sessions WHERE ticket_hash = ?').get(ticketHash(ticket))) as SessionRow | undefined;
  if (!row || row.ended_at || row.expires_at <= store.nowIso()) return null;
  return row;
}
