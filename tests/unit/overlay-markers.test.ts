import { afterEach, describe, expect, it } from 'vitest';
import type { Link } from '@/lib/api/schema';
import { createMarker, findRowRecords, markerTitle } from '@/lib/overlay/features/list-row-markers';

const PAGE = 'https://qbo.intuit.com/app/invoices';
afterEach(() => document.body.replaceChildren());

function table(rows: string[]) {
  const t = document.createElement('table');
  for (const href of rows) {
    const tr = t.insertRow();
    const a = document.createElement('a');
    a.setAttribute('href', href);
    a.textContent = 'row';
    tr.insertCell().append(a);
  }
  document.body.append(t);
  return t;
}

describe('list row markers', () => {
  it('finds the records that list rows link to, and skips rows already marked', () => {
    table(['/app/invoice?txnId=101', '/app/invoice?txnId=102', '/app/reports', 'https://evil.example.com/app/invoice?txnId=5']);
    const hits = findRowRecords(document, PAGE);
    expect(hits.map((h) => h.ref)).toEqual([
      { entityType: 'Invoice', qbId: '101' },
      { entityType: 'Invoice', qbId: '102' },
    ]);
    const link: Link = { entityType: 'Invoice', qbId: '101', localId: 'L', name: 'x', status: 'failed' };
    hits[0]!.anchor.after(createMarker(document, link));
    expect(findRowRecords(document, PAGE).map((h) => h.ref.qbId)).toEqual(['102']);
  });

  it('puts status and code in the tooltip as text', () => {
    const link: Link = { entityType: 'Invoice', qbId: '7', localId: 'L', name: 'x', status: 'failed', errorCode: '6140', errorMessage: '<img src=x onerror=alert(1)>' };
    const marker = createMarker(document, link);
    expect(marker.dataset.testid).toBe('row-marker');
    expect(marker.dataset.status).toBe('failed');
    expect(marker.title).toBe(markerTitle(link));
    expect(marker.title).toContain('6140');
    expect(marker.children).toHaveLength(0);
    expect(marker.title).toContain('<img src=x onerror=alert(1)>');
  });
});
