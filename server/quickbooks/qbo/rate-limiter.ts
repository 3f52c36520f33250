/**
 * QuickBooks Online's limits per company (realm), kept on our side so we rarely meet Intuit's 429:
 * at most 500 requests in any rolling minute and at most 10 in flight (Intuit's pages disagree on
 * whether the 10 is per second or concurrent; holding both keeps us under either). Callers queue in
 * order. After a 429 the realm is marked throttled until the wait Intuit asked for has passed, so
 * queued calls give up at once instead of spending the quota on more refusals.
 */

export interface RealmLimits {
  perMinute: number;
  concurrent: number;
  /** The rolling window; a minute unless a test shortens it. */
  windowMs: number;
}

export const QBO_LIMITS: RealmLimits = { perMinute: 500, concurrent: 10, windowMs: 60_000 };

export interface LimiterStats {
  inFlight: number;
  maxInFlight: number;
  queued: number;
  startedInWindow: number;
  total: number;
}

export class RealmLimiter {
  readonly limits: RealmLimits;
  private readonly now: () => number;
  private readonly starts: number[] = [];
  private readonly waiting: (() => void)[] = [];
  private inFlight = 0;
  private maxInFlight = 0;
  private total = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private throttledUntil = 0;

  constructor(limits: Partial<RealmLimits> = {}, now: () => number = () => performance.now()) {
    this.limits = { ...QBO_LIMITS, ...limits };
    if (!(this.limits.perMinute >= 1 && this.limits.concurrent >= 1 && this.limits.windowMs > 0)) {
      throw new RangeError('Rate limits must allow at least one request.');
    }
    this.now = now;
  }

  /** Waits for a slot; call the returned function exactly once when the request is over. */
  acquire(): Promise<() => void> {
    return new Promise((resolve) => {
      this.waiting.push(() => {
        let released = false;
        resolve(() => {
          if (released) return;
          released = true;
          this.inFlight--;
          this.pump();
        });
      });
      this.pump();
    });
  }

  async run<T>(fn: () => Promise<T>): Promise<T> {
    const release = await this.acquire();
    try {
      return await fn();
    } finally {
      release();
    }
  }

  /** Intuit said to wait `ms`: calls that get a slot before then should not be sent. */
  throttleFor(ms: number): void {
    this.throttledUntil = Math.max(this.throttledUntil, this.now() + Math.max(0, ms));
  }

  /** How much longer Intuit asked us to wait (0 when not throttled). */
  throttledRemainingMs(): number {
    return Math.max(0, Math.ceil(this.throttledUntil - this.now()));
  }

  get stats(): LimiterStats {
    this.prune(this.now());
    return { inFlight: this.inFlight, maxInFlight: this.maxInFlight, queued: this.waiting.length, startedInWindow: this.starts.length, total: this.total };
  }

  private prune(now: number): void {
    while (this.starts.length && this.starts[0]! <= now - this.limits.windowMs) this.starts.shift();
  }

  private pump(): void {
    while (this.waiting.length) {
      if (this.inFlight >= this.limits.concurrent) return; // a release pumps again
      const now = this.now();
      this.prune(now);
      if (this.starts.length >= this.limits.perMinute) {
        if (!this.timer) {
          const wait = Math.max(1, Math.ceil(this.starts[0]! + this.limits.windowMs - now));
          this.timer = setTimeout(() => {
            this.timer = null;
            this.pump();
          }, wait);
        }
        return;
      }
      this.starts.push(now);
      this.inFlight++;
      this.total++;
      this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
      this.waiting.shift()!();
    }
  }
}

const shared = new Map<string, RealmLimiter>();

/** The process-wide limiter of one realm: every client of that company shares its budget. */
export function realmLimiter(realmId: string): RealmLimiter {
  let limiter = shared.get(realmId);
  if (!limiter) {
    limiter = new RealmLimiter();
    shared.set(realmId, limiter);
  }
  return limiter;
}
