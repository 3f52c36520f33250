import { createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { MAX_WEBHOOK_EVENTS, parseWebhookPayload, verifyIntuitSignature } from '../../server/quickbooks/qbo/webhooks.ts';

const VERIFIER = 'verifier-token-abc123';
const sign = (body: string | Buffer, key = VERIFIER) => createHmac('sha256', key).update(body).digest('base64');

const LEGACY = {
  eventNotifications: [
    {
      realmId: '9130355377388316',
      dataChangeEvent: {
        entities: [
          { name: 'Customer', id: '58', operation: 'Create', lastUpdated: '2026-02-10T20:52:31.657Z' },
          { name: 'PurchaseOrder', id: '311', operation: 'Update', lastUpdated: '2026-02-10T20:53:00.000Z' },
          { name: 'Invoice', id: '130', operation: 'Void', lastUpdated: '2026-02-10T20:54:00.000Z' },
          { name: 'Customer', id: '61', operation: 'Merge', lastUpdated: '2026-02-10T20:55:00.000Z', deletedId: '59' },
        ],
      },
    },
    {
      realmId: '4620816365181432',
      dataChangeEvent: { entities: [{ name: 'Bill', id: '7', operation: 'Delete', lastUpdated: '2026-02-10T21:00:00.000Z' }] },
    },
  ],
};

const CLOUD = [
  {
    specversion: '1.0', id: '88cd52aa-1b7c-4c8e-9a57-1c1f0e5c0a11', source: 'intuit.dsnBgbseaK9fLm', type: 'qbo.purchaseorder.created.v1',
    datacontenttype: 'application/json', time: '2026-02-10T21:31:25.179851517Z', intuitentityid: '312', intuitaccountid: '9130355377388316', data: {},
  },
  {
    specversion: '1.0', id: '0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b', source: 'intuit.dsnBgbseaK9fLm', type: 'qbo.customer.merged.v1',
    datacontenttype: 'application/json', time: '2026-02-10T21:32:00Z', intuitentityid: '61', intuitaccountid: '4620816365181432',
    data: { deletedid: '59' },
  },
  {
    specversion: '1.0', id: 'a-3', source: 'intuit.x', type: 'qbo.invoice.emailed.v1', time: '2026-02-10T21:33:00Z',
    intuitentityid: '130', intuitaccountid: '9130355377388316',
  },
];

describe('webhook signatures', () => {
  const body = JSON.stringify(LEGACY);

  it('accepts the HMAC-SHA256 of the raw body, as a string or bytes', () => {
    expect(verifyIntuitSignature(body, sign(body), VERIFIER)).toBe(true);
    expect(verifyIntuitSignature(Buffer.from(body), sign(body), VERIFIER)).toBe(true);
  });

  it('refuses a tampered body, another key, and missing or garbled headers', () => {
    expect(verifyIntuitSignature(body.replace('"58"', '"59"'), sign(body), VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, sign(body, 'another-verifier'), VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, undefined, VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, '', VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, 'not base64 at all!', VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, sign(body).slice(0, 20), VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, 'A'.repeat(500), VERIFIER)).toBe(false);
    expect(verifyIntuitSignature(body, sign(body), '')).toBe(false);
  });

  it('signs bytes, not a re-serialised object (whitespace matters)', () => {
    const pretty = JSON.stringify(LEGACY, null, 2);
    expect(verifyIntuitSignature(pretty, sign(body), VERIFIER)).toBe(false);
  });
});

describe('webhook payloads', () => {
  it('reads the legacy eventNotifications format', () => {
    const parsed = parseWebhookPayload(LEGACY);
    expect(parsed).toEqual({
      events: [
        { realmId: '9130355377388316', entityType: 'Customer', qbId: '58', operation: 'create', occurredAt: '2026-02-10T20:52:31.657Z' },
        { realmId: '9130355377388316', entityType: 'PurchaseOrder', qbId: '311', operation: 'update', occurredAt: '2026-02-10T20:53:00.000Z' },
        { realmId: '9130355377388316', entityType: 'Invoice', qbId: '130', operation: 'void', occurredAt: '2026-02-10T20:54:00.000Z' },
        { realmId: '9130355377388316', entityType: 'Customer', qbId: '61', operation: 'merge', occurredAt: '2026-02-10T20:55:00.000Z', deletedId: '59' },
        { realmId: '4620816365181432', entityType: 'Bill', qbId: '7', operation: 'delete', occurredAt: '2026-02-10T21:00:00.000Z' },
      ],
    });
  });

  it('reads the CloudEvents format, one realm per event', () => {
    expect(parseWebhookPayload(CLOUD)).toEqual({
      events: [
        { realmId: '9130355377388316', entityType: 'PurchaseOrder', qbId: '312', operation: 'create', occurredAt: '2026-02-10T21:31:25.179851517Z' },
        { realmId: '4620816365181432', entityType: 'Customer', qbId: '61', operation: 'merge', occurredAt: '2026-02-10T21:32:00Z', deletedId: '59' },
        { realmId: '9130355377388316', entityType: 'Invoice', qbId: '130', operation: 'emailed', occurredAt: '2026-02-10T21:33:00Z' },
      ],
    });
  });

  it('skips operations it does not know instead of refusing the delivery', () => {
    const parsed = parseWebhookPayload([{ ...CLOUD[0], type: 'qbo.invoice.archived.v1' }, CLOUD[2]]);
    expect(parsed).toEqual({ events: [expect.objectContaining({ operation: 'emailed' })] });
  });

  it('refuses malformed payloads with a reason', () => {
    const bad: [unknown, RegExp][] = [
      [null, /eventNotifications/],
      [{ eventNotifications: 'x' }, /must be an array/],
      [{ eventNotifications: [{ realmId: '1 OR 1=1', dataChangeEvent: { entities: [] } }] }, /realmId/],
      [{ eventNotifications: [{ realmId: '1', dataChangeEvent: {} }] }, /entities must be an array/],
      [{ eventNotifications: [{ realmId: '1', dataChangeEvent: { entities: [{ name: 'Customer', id: '../etc', operation: 'Create' }] } }] }, /id must be an entity id/],
      [{ eventNotifications: [{ realmId: '1', dataChangeEvent: { entities: [{ name: 'Customer', id: '1', operation: 'Create', lastUpdated: 'yesterday' }] } }] }, /lastUpdated is not a date-time/],
      [[{ ...CLOUD[0], type: 'com.example.thing' }], /qbo\.<entity>\.<operation>\.v1/],
      [[{ ...CLOUD[0], intuitaccountid: 42 }], /intuitaccountid/],
      [[{ ...CLOUD[0], intuitentityid: '' }], /intuitentityid/],
      [[{ ...CLOUD[1], data: { deletedid: { x: 1 } } }], /deletedid/],
      [['string'], /must be an object/],
    ];
    for (const [payload, reason] of bad) {
      const parsed = parseWebhookPayload(payload);
      expect('error' in parsed && parsed.error, JSON.stringify(payload)).toMatch(reason);
    }
  });

  it('takes at most 1,000 events in one delivery', () => {
    const many = Array.from({ length: MAX_WEBHOOK_EVENTS }, (_, i) => ({ ...CLOUD[0], intuitentityid: String(i + 1) }));
    expect((parseWebhookPayload(many) as { events: unknown[] }).events).toHaveLength(1000);
    expect(parseWebhookPayload([...many, CLOUD[0]])).toEqual({ error: 'more than 1000 events in one delivery.' });
    const legacyMany = { eventNotifications: [{ realmId: '1', dataChangeEvent: { entities: Array.from({ length: 1001 }, (_, i) => ({ name: 'Item', id: String(i), operation: 'Update' })) } }] };
    expect(parseWebhookPayload(legacyMany)).toEqual({ error: 'more than 1000 events in one delivery.' });
  });
});
