/**
 * The clickjacking guard's logic with a scripted IntersectionObserver (the real one, with
 * trackVisibility, is exercised in tests/browser/overlay.test.ts).
 */
import { describe, expect, it } from 'vitest';
import { createVisibilityGuard, MIN_VISIBLE_MS, supportsVisibilityTracking, VISIBILITY_DELAY_MS } from '@/lib/overlay/visibility';

type Callback = (entries: Partial<IntersectionObserverEntry & { isVisible: boolean }>[]) => void;

function scriptedObserver() {
  const made: { callback: Callback; options: Record<string, unknown>; observed: Element[]; disconnected: boolean }[] = [];
  class Observer {
    record: (typeof made)[number];
    constructor(callback: Callback, options: Record<string, unknown>) {
      this.record = { callback, options, observed: [], disconnected: false };
      made.push(this.record);
    }
    observe(el: Element) {
      this.record.observed.push(el);
    }
    disconnect() {
      this.record.disconnected = true;
    }
  }
  return { Observer: Observer as unknown as typeof IntersectionObserver, made };
}

describe('clickjacking guard', () => {
  it('asks the browser for visibility (IntersectionObserver v2) and needs the chip seen for a while', () => {
    let now = 1_000;
    const { Observer, made } = scriptedObserver();
    const guard = createVisibilityGuard({ Observer, now: () => now });
    const chip = document.createElement('section');
    guard.watch(chip);
    expect(made[0]!.options).toMatchObject({ trackVisibility: true, delay: VISIBILITY_DELAY_MS });
    expect(made[0]!.observed).toEqual([chip]);
    expect(guard.state()).toBe('obscured'); // nothing reported yet

    made[0]!.callback([{ target: chip, isIntersecting: true, isVisible: true, time: now }]);
    expect(guard.state()).toBe('obscured'); // just revealed: a decoy may have been pulled away
    now += MIN_VISIBLE_MS;
    expect(guard.state()).toBe('visible');

    // The page covers it (or fades it): refused at once.
    made[0]!.callback([{ target: chip, isIntersecting: true, isVisible: false, time: now }]);
    expect(guard.state()).toBe('obscured');
    now += 5_000;
    expect(guard.state()).toBe('obscured');
    made[0]!.callback([{ target: chip, isIntersecting: false, isVisible: false, time: now }]);
    expect(guard.state()).toBe('obscured');
  });

  it('starts over for a re-mounted chip and stops watching the old one', () => {
    let now = 0;
    const { Observer, made } = scriptedObserver();
    const guard = createVisibilityGuard({ Observer, now: () => now });
    const first = document.createElement('section');
    guard.watch(first);
    made[0]!.callback([{ target: first, isIntersecting: true, isVisible: true, time: 0 }]);
    now = 2_000;
    expect(guard.state()).toBe('visible');
    const second = document.createElement('section');
    guard.watch(second);
    expect(made[0]!.disconnected).toBe(true);
    expect(guard.state()).toBe('obscured');
    guard.watch(null);
    expect(made[1]!.disconnected).toBe(true);
  });

  it('a browser without IntersectionObserver v2 never reports the chip as seen', () => {
    expect(supportsVisibilityTracking(undefined)).toBe(false);
    // happy-dom has no isVisible on its entries: unsupported, so nothing is done from the page.
    expect(createVisibilityGuard().state()).toBe('unsupported');
  });
});
