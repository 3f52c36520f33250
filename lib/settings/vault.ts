/**
 * The vault: where the background keeps what must never reach a web page (the sync services'
 * addresses and API tokens). It is the extension's own IndexedDB, which lives at the extension's
 * origin: a content script runs at the QuickBooks page's origin and cannot open it, whatever the
 * browser's rules for extension storage areas are (storage.local is readable by content scripts
 * unless the browser honours an access level, see ./storage-access.ts).
 */
import { Dexie, type EntityTable } from 'dexie';

export const VAULT_DB_NAME = 'synclens-vault';

interface VaultEntry {
  key: string;
  value: unknown;
}

type VaultDb = Dexie & { entries: EntityTable<VaultEntry, 'key'> };

let opened: VaultDb | null = null;

function vault(): VaultDb {
  if (!opened) {
    const db = new Dexie(VAULT_DB_NAME) as VaultDb;
    db.version(1).stores({ entries: 'key' });
    opened = db;
  }
  return opened;
}

export async function readVault(key: string): Promise<unknown> {
  return (await vault().entries.get(key))?.value;
}

export async function writeVault(key: string, value: unknown): Promise<void> {
  await vault().entries.put({ key, value });
}

/**
 * Reads `key` and writes what `change` returns in one transaction, so two saves in flight never
 * lose each other's change (the revision counter relies on it).
 */
export async function updateVault<T>(key: string, change: (current: unknown) => T): Promise<T> {
  const db = vault();
  return db.transaction('rw', db.entries, async () => {
    const next = change((await db.entries.get(key))?.value);
    await db.entries.put({ key, value: next });
    return next;
  });
}

/** Empties the vault (unit tests start each test from nothing, as a fresh browser profile does). */
export async function clearVault(): Promise<void> {
  await vault().entries.clear();
}
