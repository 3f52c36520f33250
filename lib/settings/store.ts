/**
 * Settings storage. Kept in the vault (./vault.ts: the extension's own IndexedDB), which no
 * content script can open; never in storage.sync, which would copy API tokens to every browser
 * the user signs into. Tokens never leave the background: pages get `toPublic()`.
 *
 * Each token is stored with the origin it was given for, and is handed out only while the
 * connection's address is still on that origin: whatever changed the address, the token never
 * follows it to another server.
 *
 * Settings hold a list of connections (one per sync service) and one poll period. Settings saved
 * before several services existed (a single URL, token and follow list) are read as one
 * connection with the `primary` id, whose company ids are the plain ones already stored elsewhere.
 */
import * as v from 'valibot';
import { browser } from 'wxt/browser';
import { Id } from '../api/schema';
import { ConnectionId, PRIMARY_CONNECTION_ID } from '../connections/company-key';
import { connectionName } from '../connections/connection';
import { PollMinutes, type PublicSettings, type SettingsInput } from '../messaging/protocol';
import { t } from '../i18n/t';
import { checkApiUrl } from './api-url';
import { AnyPollMinutes, buildDefaults } from './defaults';
import { readVault, updateVault, writeVault } from './vault';

export interface Connection {
  id: string;
  /** The user's label ("Evergreen's books"); empty shows the service's host name. */
  name: string;
  apiUrl: string;
  token: string;
  /** Plain company ids of this service; empty follows every company it lists. */
  followedCompanyIds: string[];
}

export interface Settings {
  connections: Connection[];
  pollMinutes: number;
}

/** The key of the settings in the vault, and where versions before the vault kept them in storage.local. */
export const SETTINGS_KEY = 'settings';
export const MAX_CONNECTIONS = 20;

const StoredConnection = v.object({
  id: ConnectionId,
  name: v.string(),
  apiUrl: v.string(),
  token: v.string(),
  followedCompanyIds: v.array(Id),
});

const StoredSettings = v.object({
  connections: v.array(StoredConnection),
  pollMinutes: AnyPollMinutes,
});

/** What the vault holds: each token with the origin it was given for, and a revision per save. */
const VaultConnection = v.object({ ...StoredConnection.entries, tokenOrigin: v.string() });
const VaultSettings = v.object({
  connections: v.array(VaultConnection),
  pollMinutes: AnyPollMinutes,
  revision: v.number(),
});
type VaultSettings = v.InferOutput<typeof VaultSettings>;

/** What versions before several services stored. */
const LegacySettings = v.object({
  apiUrl: v.string(),
  token: v.string(),
  pollMinutes: AnyPollMinutes,
  followedCompanyIds: v.array(Id),
});

/** Thrown when input cannot be saved; the message is meant for the options page as is. */
export class SettingsError extends Error {
  override name = 'SettingsError';
}

/** Pure: settings from whatever storage holds (current shape, the single-service shape, or nothing). */
export function settingsFromStored(stored: unknown): Settings {
  const current = v.safeParse(StoredSettings, stored);
  if (current.success) return current.output;
  const legacy = v.safeParse(LegacySettings, stored);
  if (legacy.success) {
    const { apiUrl, token, pollMinutes, followedCompanyIds } = legacy.output;
    const connections = apiUrl || token ? [{ id: PRIMARY_CONNECTION_ID, name: '', apiUrl, token, followedCompanyIds }] : [];
    return { connections, pollMinutes };
  }
  const defaults = buildDefaults();
  const connections = defaults.apiUrl
    ? [{ id: PRIMARY_CONNECTION_ID, name: '', apiUrl: defaults.apiUrl, token: defaults.token, followedCompanyIds: [] }]
    : [];
  return { connections, pollMinutes: defaults.pollMinutes };
}

/** The origin of an address, or '' when it is not one. */
export function originOf(apiUrl: string): string {
  try {
    return new URL(apiUrl).origin;
  } catch {
    return '';
  }
}

/** Pure: the vault's record as settings; a token whose origin no longer matches its address is withheld. */
export function settingsFromVault(record: VaultSettings): Settings {
  return {
    pollMinutes: record.pollMinutes,
    connections: record.connections.map(({ tokenOrigin, ...c }) => ({
      ...c,
      token: c.token !== '' && tokenOrigin !== '' && tokenOrigin === originOf(c.apiUrl) ? c.token : '',
    })),
  };
}

function toVault(settings: Settings, revision: number): VaultSettings {
  return {
    pollMinutes: settings.pollMinutes,
    revision,
    connections: settings.connections.map((c) => ({ ...c, tokenOrigin: c.token ? originOf(c.apiUrl) : '' })),
  };
}

async function readVaultSettings(): Promise<VaultSettings | null> {
  const parsed = v.safeParse(VaultSettings, await readVault(SETTINGS_KEY));
  return parsed.success ? parsed.output : null;
}

/**
 * Settings kept in storage.local by earlier versions move into the vault once, and leave
 * storage.local (the vault is written first, so a worker stopped in between loses nothing).
 */
async function migrateFromStorageLocal(): Promise<VaultSettings | null> {
  const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
  if (stored === undefined) return null;
  const record = toVault(settingsFromStored(stored), 1);
  await writeVault(SETTINGS_KEY, record);
  await browser.storage.local.remove(SETTINGS_KEY);
  return record;
}

export async function loadSettings(): Promise<Settings> {
  const record = (await readVaultSettings()) ?? (await migrateFromStorageLocal());
  return record ? settingsFromVault(record) : settingsFromStored(undefined);
}

/**
 * The settings' revision: it changes with every save, so work started with older settings (a poll
 * in flight) can tell that its results no longer apply.
 */
export async function settingsRevision(): Promise<number> {
  return (await readVaultSettings())?.revision ?? 0;
}

/** True when a connection has both a URL and a token, so it can be polled. */
export function isConnectionConfigured(connection: Pick<Connection, 'apiUrl' | 'token'>): boolean {
  return connection.apiUrl !== '' && connection.token !== '';
}

/** True when at least one connection can be polled. */
export function isConfigured(settings: Settings): boolean {
  return settings.connections.some(isConnectionConfigured);
}

export function configuredConnections(settings: Settings): Connection[] {
  return settings.connections.filter(isConnectionConfigured);
}

export function toPublic(settings: Settings): PublicSettings {
  return {
    pollMinutes: settings.pollMinutes,
    connections: settings.connections.map((c) => ({
      id: c.id,
      name: c.name,
      apiUrl: c.apiUrl,
      hasToken: c.token !== '',
      followedCompanyIds: [...c.followedCompanyIds],
    })),
  };
}

/**
 * Validates and stores new settings: the whole list of connections, in the order given. An
 * omitted or empty token keeps the one stored for that connection id. Saving the same input twice
 * leaves the same result (idempotent; new connections get their id from the page). Returns the
 * previous and the new settings so callers can tell which connections changed or went away.
 */
export async function saveSettings(input: SettingsInput): Promise<{ before: Settings; after: Settings }> {
  const before = await loadSettings();
  const minutes = v.safeParse(PollMinutes, input.pollMinutes);
  if (!minutes.success) throw new SettingsError(t('settingsPollRange'));
  if (input.connections.length > MAX_CONNECTIONS) throw new SettingsError(t('settingsTooManyConnections', String(MAX_CONNECTIONS)));
  const seen = new Set<string>();
  const connections: Connection[] = input.connections.map((c) => {
    if (seen.has(c.id)) throw new SettingsError(t('settingsDuplicateConnection'));
    seen.add(c.id);
    const label = c.name.trim();
    const url = checkApiUrl(c.apiUrl);
    if (!url.ok) {
      // Several services: say which one is wrong.
      throw new SettingsError(input.connections.length > 1 ? t('settingsConnectionProblem', connectionName({ name: label, apiUrl: c.apiUrl }), url.message) : url.message);
    }
    const previous = before.connections.find((p) => p.id === c.id);
    let token = c.token?.trim() ?? '';
    if (!token && previous?.token) {
      // A saved token only ever goes back to the server it was given for.
      if (!sameOrigin(previous.apiUrl, url.url)) throw new SettingsError(t('settingsTokenForNewAddress', connectionName({ name: label, apiUrl: url.url })));
      token = previous.token;
    }
    return { id: c.id, name: label, apiUrl: url.url, token, followedCompanyIds: [...new Set(c.followedCompanyIds)] };
  });
  const after: Settings = { connections, pollMinutes: minutes.output };
  await updateVault(SETTINGS_KEY, (current) => {
    const parsed = v.safeParse(VaultSettings, current);
    return toVault(after, (parsed.success ? parsed.output.revision : 0) + 1);
  });
  return { before, after };
}

/** True when two service addresses are on the same origin (scheme, host and port). */
export function sameOrigin(a: string, b: string): boolean {
  const origin = originOf(a);
  return origin !== '' && origin === originOf(b);
}

/**
 * Connections whose cached data no longer applies: removed ones, and ones whose address or token
 * changed (another service or account under the same id).
 */
export function changedConnections(before: Settings, after: Settings): { removed: string[]; changed: string[] } {
  const removed: string[] = [];
  const changed: string[] = [];
  for (const old of before.connections) {
    const now = after.connections.find((c) => c.id === old.id);
    if (!now) removed.push(old.id);
    else if (now.apiUrl !== old.apiUrl || now.token !== old.token) changed.push(old.id);
  }
  return { removed, changed };
}
