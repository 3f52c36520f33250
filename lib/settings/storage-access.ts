/**
 * Chrome opens storage.local to content scripts by default: code running in the content script's
 * world on a QuickBooks page could read or rewrite poll gates, statuses and preferences. The
 * background closes it to everything but the extension's own pages and worker. Chromium keeps the
 * level across restarts; tokens are in the vault regardless (./vault.ts), so a browser without
 * this call loses no secret.
 */

interface AccessLevelArea {
  setAccessLevel?: (details: { accessLevel: 'TRUSTED_CONTEXTS' | 'TRUSTED_AND_UNTRUSTED_CONTEXTS' }) => Promise<void>;
}

/** Restricts storage.local and storage.session to trusted contexts where the browser allows it. */
export async function restrictStorageToExtension(): Promise<void> {
  const storage = (globalThis as { chrome?: { storage?: { local?: AccessLevelArea; session?: AccessLevelArea } } }).chrome?.storage;
  for (const area of [storage?.local, storage?.session]) {
    if (typeof area?.setAccessLevel === 'function') await area.setAccessLevel({ accessLevel: 'TRUSTED_CONTEXTS' });
  }
}
