/**
 * Each unit test starts with an empty vault, as a fresh browser profile does: the vault is an
 * IndexedDB database, which WXT's fakeBrowser.reset() does not touch.
 */
import { beforeEach } from 'vitest';
import { clearVault } from '@/lib/settings/vault';

beforeEach(async () => {
  await clearVault();
});
