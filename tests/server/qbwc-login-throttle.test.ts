/** The Web Connector login throttle on its own: the window, the cap on names followed, long names. */
import { describe, expect, it } from 'vitest';
import { LoginThrottle, MAX_FAILURES, WINDOW_MS } from '../../server/quickbooks/qbd/login-throttle.ts';

function throttle() {
  let now = 1_000_000;
  return { logins: new LoginThrottle(() => now), advance: (ms: number) => void (now += ms) };
}

describe('Web Connector login throttle', () => {
  it('lets a name fail MAX_FAILURES times in a window, then refuses it until the oldest failure leaves the window', () => {
    const { logins, advance } = throttle();
    for (let i = 0; i < MAX_FAILURES; i++) {
      expect(logins.refuses('crew')).toBe(false);
      logins.failed('crew');
      advance(60_000);
    }
    expect(logins.refuses('crew')).toBe(true);
    expect(logins.refuses('office')).toBe(false); // other names are not held back
    advance(WINDOW_MS - MAX_FAILURES * 60_000 - 1); // just short of the window since the first failure
    expect(logins.refuses('crew')).toBe(true);
    advance(1); // a failure counts for WINDOW_MS
    expect(logins.refuses('crew')).toBe(false); // one guess more, one minute after the next
    logins.failed('crew');
    expect(logins.refuses('crew')).toBe(true);
  });

  it('forgets the longest-quiet names beyond 10,000, so a flood of names cannot grow memory', () => {
    const { logins } = throttle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) logins.failed('target'); // the oldest name
    for (let i = 0; i < 9_999; i++) logins.failed(`flood-${i}`);
    logins.failed('target'); // fresh activity: now the newest
    logins.failed('flood-next'); // 10,001 names: the longest-quiet one goes
    expect(logins.refuses('target')).toBe(true);
    for (let i = 0; i < 10_000; i++) logins.failed(`later-${i}`);
    expect(logins.refuses('target')).toBe(false); // pushed out by 10,000 newer names
  });

  it('treats names that agree in their first 128 characters as one', () => {
    const { logins } = throttle();
    const long = 'x'.repeat(128);
    for (let i = 0; i < MAX_FAILURES; i++) logins.failed(`${long}${i}`);
    expect(logins.refuses(`${long}-anything`)).toBe(true);
  });

  it('a good login clears the count', () => {
    const { logins } = throttle();
    for (let i = 0; i < MAX_FAILURES - 1; i++) logins.failed('crew');
    logins.succeeded('crew');
    logins.failed('crew');
    expect(logins.refuses('crew')).toBe(false);
  });
});
