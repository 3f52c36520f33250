/**
 * Changes made in QuickBooks Desktop coming back through the Web Connector: modified-date queries
 * (iterators for big sets) turn them into Import wizard items, and approved imports bring
 * QuickBooks' copy into the sync service.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { QBD, startQbwcWorld, type QbwcWorld } from './helpers/qbwc-world.ts';

let w: QbwcWorld;
beforeEach(async () => {
  w = await startQbwcWorld();
});
afterEach(async () => {
  await w.close();
});

async function importItems() {
  const items: any[] = [];
  let cursor: string | null = null;
  do {
    const r = await w.t.get(`/companies/${QBD}/wizard?direction=import&limit=500${cursor ? `&cursor=${cursor}` : ''}`);
    items.push(...r.json.items);
    cursor = r.json.nextCursor;
  } while (cursor);
  return items;
}

async function sessionDone() {
  const result = await w.session();
  expect(result.outcome, result.lastError).toBe('done');
  return result;
}

describe('changes made in QuickBooks Desktop', () => {
  it('an edited linked customer and a new one become Import items; approving them brings QuickBooks\' copy in', async () => {
    const put = await w.ingest('Customer', 'c-1', { displayName: 'Maple Street HOA', email: 'office@example.com' });
    expect(put.status, put.text).toBeLessThan(300);
    await w.approveAll('export', ['c-1']);
    await sessionDone();
    const listId = String(w.file.list('Customer')[0]!.ListID);

    w.t.clock.advance(5 * 60_000);
    w.file.modify('Customer', listId, { Phone: '555-0142' });
    w.file.add('Customer', { Name: 'Walk-in Client' });
    // Within the schedule nothing is due: the Web Connector hears "none", and such runs do not push the check back.
    expect((await w.session()).outcome).toBe('none');
    w.t.clock.advance(30 * 60_000);
    expect((await w.session()).outcome).toBe('none');

    w.t.clock.advance(25 * 60_000);
    await sessionDone();
    const items = await importItems();
    expect(items.find((i) => i.localId === 'c-1')).toMatchObject({ change: 'update', qbId: listId, changedFields: ['phone'] });
    expect(items.find((i) => i.name === 'Walk-in Client')).toMatchObject({ change: 'create', localId: null });

    // Our own write echoing back is not listed; a second sweep lists nothing new.
    w.t.clock.advance(61 * 60_000);
    await sessionDone();
    expect(await importItems()).toHaveLength(items.length);

    const approved = await w.approveAll('import');
    expect(approved.status, approved.text).toBe(200);
    await sessionDone();
    const log = await w.t.get(`/companies/${QBD}/log?direction=import&status=success`);
    expect(log.json.items.map((e: { qbId: string }) => e.qbId)).toEqual(expect.arrayContaining([listId]));
    expect(log.json.items).toHaveLength(2);
  });

  it('a big set of changes is read page by page through an iterator within one session', async () => {
    for (let i = 0; i < 230; i++) w.file.add('Customer', { Name: `QuickBooks customer ${i}` });
    w.t.clock.advance(61 * 60_000);
    const result = await sessionDone();
    expect(result.sendRequestCount).toBeGreaterThanOrEqual(3);
    expect((await importItems()).filter((i) => i.change === 'create')).toHaveLength(230);
  });
});
