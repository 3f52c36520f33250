import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Link } from '@/lib/api/schema';
import { forgetOverlayContext } from '@/lib/overlay/company';
import { createDomWatch } from '@/lib/overlay/dom-watch';
import { createMarker, findRowRecords, listRowMarkers, markerRetryDelayMs, markerTitle } from '@/lib/overlay/features/list-row-markers';
import type { OverlayServices } from '@/lib/overlay/overlay-services';
import { detectPage } from '@/lib/qbo/page-detect';

const PAGE = 'https://qbo.intuit.com/app/invoices';
afterEach(() => {
  document.body.replaceChildren();
  vi.useRealTimers();
});

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

describe('list row markers after a failed lookup', () => {
  it('back off exponentially, and as long as a Retry-After asks (capped)', () => {
    expect([1, 2, 3, 4].map((n) => markerRetryDelayMs(n))).toEqual([5_000, 10_000, 20_000, 40_000]);
    expect(markerRetryDelayMs(20)).toBe(5 * 60_000);
    expect(markerRetryDelayMs(1, 120)).toBe(120_000);
    expect(markerRetryDelayMs(4, 2)).toBe(40_000); // the longer of the two
    expect(markerRetryDelayMs(1, 999_999_999)).toBe(60 * 60_000);
  });

  it('do not ask again on every page mutation while backing off, then try once the wait is over', async () => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    forgetOverlayContext();
    const before = location.href;
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(PAGE);
    table(['/app/invoice?txnId=101', '/app/invoice?txnId=102']);
    let fail = true;
    const asks: unknown[] = [];
    const services = {
      ctx: { isValid: true },
      domWatch: createDomWatch(document.body, 10),
      async ask(command: string) {
        if (command === 'overlay.context') {
          return { ok: true, data: { configured: true, loading: false, companies: [{ id: 'co', name: 'Co', realmId: '1' }], choice: { kind: 'company', companyId: 'co', how: 'cookie' } } };
        }
        asks.push(command);
        if (fail) return { ok: false, error: { code: 'paused', message: 'wait', retryAfterSeconds: 60 } };
        return { ok: true, data: { links: [{ entityType: 'Invoice', qbId: '101', localId: 'L', name: 'x', status: 'failed' }] } };
      },
    } as unknown as OverlayServices;
    const controller = new AbortController();
    await listRowMarkers(services).run({ page: detectPage(PAGE), url: PAGE, signal: controller.signal });
    expect(asks).toHaveLength(1);
    // QuickBooks keeps re-rendering: 20 mutations over 20 seconds ask nothing more.
    for (let i = 0; i < 20; i++) {
      document.body.append(document.createElement('span'));
      await vi.advanceTimersByTimeAsync(1_000);
    }
    expect(asks).toHaveLength(1);
    // Retry-After: 60 s. Once it is over, one more lookup, which now answers.
    fail = false;
    await vi.advanceTimersByTimeAsync(41_000);
    expect(asks).toHaveLength(2);
    expect(document.querySelectorAll('[data-testid="row-marker"]')).toHaveLength(1);
    controller.abort();
    (window as unknown as { happyDOM: { setURL(url: string): void } }).happyDOM.setURL(before);
  });
});
