/**
 * QuickBooks Online's per-company limits: at most `perMinute` API requests in any 60 seconds and at
 * most `concurrent` in flight at once. A request past either gets 429 with a Retry-After.
 */
import type { EmulatorClock } from './clock.ts';

export interface LimitSettings {
  perMinute: number;
  concurrent: number;
}

const WINDOW_MS = 60_000;

interface RealmUsage {
  /** Start times (emulator clock) of the requests admitted in the last minute, oldest first. */
  recent: number[];
  inFlight: number;
}

export type Admission = { ok: true; release: () => void } | { ok: false; retryAfterSeconds: number; reason: 'rate' | 'concurrency' };

export class RealmLimiter {
  private readonly settings: LimitSettings;
  private readonly clock: EmulatorClock;
  private readonly usage = new Map<string, RealmUsage>();

  constructor(settings: LimitSettings, clock: EmulatorClock) {
    this.settings = settings;
    this.clock = clock;
  }

  tryEnter(realmId: string): Admission {
    const now = this.clock.nowMs();
    let usage = this.usage.get(realmId);
    if (!usage) {
      usage = { recent: [], inFlight: 0 };
      this.usage.set(realmId, usage);
    }
    while (usage.recent.length && usage.recent[0]! <= now - WINDOW_MS) usage.recent.shift();
    if (usage.recent.length >= this.settings.perMinute) {
      const frees = usage.recent[0]! + WINDOW_MS;
      return { ok: false, reason: 'rate', retryAfterSeconds: Math.max(1, Math.ceil((frees - now) / 1000)) };
    }
    if (usage.inFlight >= this.settings.concurrent) return { ok: false, reason: 'concurrency', retryAfterSeconds: 1 };
    usage.recent.push(now);
    usage.inFlight++;
    const entered = usage;
    let released = false;
    return {
      ok: true,
      release: () => {
        if (released) return;
        released = true;
        entered.inFlight--;
      },
    };
  }
}
