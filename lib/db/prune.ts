/** Keeping a table from growing forever: by age on an indexed field, then by count, oldest first. */
import type { IndexableType, Table } from 'dexie';

/** Any Dexie table, whatever its row and key types: pruning only reads indexes and deletes by key. */
type AnyTable = Table<any, any, any>;

/**
 * Deletes the rows whose `index` is below `olderThan`, then the oldest beyond `maxRows`, in one
 * transaction. Returns how many rows went.
 */
export function pruneTable(table: AnyTable, index: string, olderThan: IndexableType, maxRows: number): Promise<number> {
  return table.db.transaction('rw', table, async () => {
    let removed = await table.where(index).below(olderThan).delete();
    const extra = (await table.count()) - maxRows;
    if (extra > 0) {
      const oldest = await table.orderBy(index).limit(extra).primaryKeys();
      await table.bulkDelete(oldest);
      removed += oldest.length;
    }
    return removed;
  });
}
