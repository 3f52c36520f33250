import { describe, expect, it } from 'vitest';
import { createApiClient } from '@/lib/api/client';
import { WizardItem } from '@/lib/api/schema';
import { parseItems } from '@/lib/api/tolerant-list';

const item = (over: Record<string, unknown> = {}) => ({
  id: 'w1',
  companyId: 'c1',
  direction: 'export',
  entityType: 'Invoice',
  name: 'Invoice 1001',
  change: 'create',
  detectedAt: '2026-11-26T09:00:00.000Z',
  ...over,
});

describe('list replies read item by item (issue 8 §4)', () => {
  it('shortens an oversized name, leaves out a bad optional field, drops what cannot be read, and counts each', () => {
    const raw = [
      item(),
      item({ id: 'w2', name: 'x'.repeat(100_000) }),
      item({ id: 'w3', docNumber: 'n'.repeat(41), changedFields: ['ok', 'y'.repeat(500)] }),
      item({ id: 'w4', direction: 'sideways' }),
      'not an item',
    ];
    const { items, damage } = parseItems(WizardItem, raw);
    expect(items.map((i) => i.id)).toEqual(['w1', 'w2', 'w3']);
    expect(items[1]!.name).toHaveLength(300);
    expect(items[1]!.name.endsWith('…')).toBe(true);
    expect(items[2]!.docNumber).toHaveLength(40);
    expect(items[2]!.changedFields).toBeUndefined();
    expect(damage).toEqual({ repaired: 2, dropped: 2 });
  });

  it('a javascript: link is left out, never kept', async () => {
    const body = {
      items: [
        {
          id: 'u1', companyId: 'c1', entityType: 'Invoice', localId: 'L1', localUrl: 'javascript:alert(1)', name: 'A', errorCode: '6240',
          errorMessage: 'Duplicate', firstFailedAt: '2026-11-26T09:00:00.000Z', lastAttemptAt: '2026-11-26T09:00:00.000Z', attempts: 1, state: 'failed',
        },
      ],
      nextCursor: null,
    };
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      fetch: (async () => new Response(JSON.stringify(body), { headers: { 'Content-Type': 'application/json' } })) as typeof fetch,
    });
    const page = await client.unsyncedPage('c1');
    expect(page.items).toHaveLength(1);
    expect(page.items[0]!.localUrl).toBeUndefined();
    expect(client.damagedItems()).toEqual({ repaired: 1, dropped: 0 });
  });

  it('a reply whose envelope is wrong is still refused as a whole', async () => {
    const client = createApiClient({
      baseUrl: 'http://127.0.0.1:9',
      token: 't',
      fetch: (async () => new Response(JSON.stringify({ items: 'nope' }), { headers: { 'Content-Type': 'application/json' } })) as typeof fetch,
    });
    await expect(client.wizardPage('c1', 'export')).rejects.toMatchObject({ code: 'bad-reply' });
  });
});
