import { describe, expect, it, vi } from 'vitest';
import { createDomWatch } from '@/lib/overlay/dom-watch';
import { createFeatureRegistry, type OverlayFeature } from '@/lib/overlay/feature-registry';
import { detectPage } from '@/lib/qbo/page-detect';

const INVOICE = 'https://qbo.intuit.com/app/invoice?txnId=812';
const CUSTOMER = 'https://qbo.intuit.com/app/customerdetail?nameId=57';
const INVOICES = 'https://qbo.intuit.com/app/invoices';

function recordingFeature(id: string, kind: 'record' | 'list') {
  const runs: { url: string; signal: AbortSignal }[] = [];
  const feature: OverlayFeature = {
    id,
    appliesTo: (page) => page.kind === kind,
    run: ({ url, signal }) => void runs.push({ url, signal }),
  };
  return { feature, runs };
}

describe('feature registry', () => {
  it('runs only the features that fit the page, and again on every route change', () => {
    const chip = recordingFeature('chip', 'record');
    const markers = recordingFeature('markers', 'list');
    const registry = createFeatureRegistry([chip.feature, markers.feature], detectPage);

    registry.show(INVOICE);
    expect(chip.runs.map((r) => r.url)).toEqual([INVOICE]);
    expect(markers.runs).toHaveLength(0);

    registry.show(CUSTOMER);
    expect(chip.runs.map((r) => r.url)).toEqual([INVOICE, CUSTOMER]);
    expect(chip.runs[0]!.signal.aborted).toBe(true); // the invoice's chip is torn down
    expect(chip.runs[1]!.signal.aborted).toBe(false);

    registry.show(INVOICES);
    expect(chip.runs[1]!.signal.aborted).toBe(true);
    expect(markers.runs.map((r) => r.url)).toEqual([INVOICES]);
  });

  it('does not re-run for the same URL, and stops everything on an unknown route', () => {
    const chip = recordingFeature('chip', 'record');
    const registry = createFeatureRegistry([chip.feature], detectPage);
    registry.show(INVOICE);
    registry.show(INVOICE);
    expect(chip.runs).toHaveLength(1);
    registry.show('https://qbo.intuit.com/app/somethingnew?x=1');
    expect(chip.runs[0]!.signal.aborted).toBe(true);
    expect(chip.runs).toHaveLength(1);
  });

  it('shows nothing for a new, unsaved transaction', () => {
    const chip = recordingFeature('chip', 'record');
    createFeatureRegistry([chip.feature], detectPage).show('https://qbo.intuit.com/app/invoice');
    expect(chip.runs).toHaveLength(0);
  });

  it('refuses two features with the same id, and reports a failing feature without stopping others', () => {
    const a = recordingFeature('same', 'record');
    expect(() => createFeatureRegistry([a.feature, a.feature], detectPage)).toThrow(/same/);
    const onError = vi.fn();
    const broken: OverlayFeature = { id: 'broken', appliesTo: () => true, run: () => { throw new Error('boom'); } };
    const fine = recordingFeature('fine', 'record');
    createFeatureRegistry([broken, fine.feature], detectPage, onError).show(INVOICE);
    expect(onError).toHaveBeenCalledWith(broken, expect.any(Error));
    expect(fine.runs).toHaveLength(1);
  });
});

describe('shared DOM watch', () => {
  it('uses one observer for every listener, debounces, and disconnects when nobody listens', async () => {
    const watch = createDomWatch(document.body, 10);
    const first = new AbortController();
    const second = new AbortController();
    const a = vi.fn();
    const b = vi.fn();
    watch.subscribe(a, first.signal);
    watch.subscribe(b, second.signal);
    expect(watch.active).toBe(true);
    for (let i = 0; i < 5; i++) document.body.append(document.createElement('span'));
    await vi.waitFor(() => expect(a).toHaveBeenCalledTimes(1));
    expect(b).toHaveBeenCalledTimes(1);
    first.abort();
    expect(watch.active).toBe(true);
    second.abort();
    expect(watch.active).toBe(false);
  });
});
