/** Dexie-backed store for the overlay's record-link cache (the LinkStore of lib/records). */
import { pruneTable } from './prune';
import type { LinkRow, SyncLensDb } from './schema';

export function createLinkStore(db: SyncLensDb) {
  return {
    getMany: (keys: string[]): Promise<(LinkRow | undefined)[]> => db.links.bulkGet(keys),
    putMany: async (rows: LinkRow[]): Promise<void> => {
      await db.links.bulkPut(rows);
    },
    deleteByPrefix: async (prefix: string): Promise<void> => {
      await db.links.where('key').startsWith(prefix).delete();
    },
    /** By age on the `fetchedAt` index, then the oldest beyond `maxRows`, in one transaction. */
    prune: (olderThan: number, maxRows: number): Promise<number> => pruneTable(db.links, 'fetchedAt', olderThan, maxRows),
  };
}
