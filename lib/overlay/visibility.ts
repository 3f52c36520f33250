/**
 * Clickjacking guard for the chip. The QuickBooks page shares the DOM with our shadow host: it can
 * fade it, cover it with a translucent or click-through layer, or hide it under a decoy, so that a
 * real (trusted) click lands on Resync or Clear ID without the user having seen them. `isTrusted`
 * proves a person clicked, not what they saw.
 *
 * The browser can say what the user sees: an IntersectionObserver with `trackVisibility: true`
 * (IntersectionObserver v2) reports `isVisible` only when the element is on screen, fully opaque,
 * not filtered or skewed, and no other content covers any of it. A data-changing action from the
 * chip goes ahead only when the chip has been reported visible without interruption for
 * `minVisibleMs` (so a decoy cannot be pulled away just before the click). A browser without
 * IntersectionObserver v2 never acts from the page: the Sync Center (an extension page) has the
 * same actions.
 */

export type VisibilityState = 'visible' | 'obscured' | 'unsupported';

export interface VisibilityGuard {
  /** Watches this element (the chip's root); a new element (the chip re-mounted) replaces the old one. */
  watch(element: Element | null): void;
  /** Whether the user can be taken to have seen the element, now. */
  state(): VisibilityState;
  stop(): void;
}

/** How long the chip must have been fully visible before a click on it may change data. */
export const MIN_VISIBLE_MS = 500;
/** The smallest delay IntersectionObserver v2 accepts with trackVisibility. */
export const VISIBILITY_DELAY_MS = 100;

interface GuardOptions {
  Observer?: typeof IntersectionObserver;
  now?: () => number;
  minVisibleMs?: number;
}

/** True when this browser's IntersectionObserver reports `isVisible` (v2). */
export function supportsVisibilityTracking(Observer: typeof IntersectionObserver | undefined = globalThis.IntersectionObserver): boolean {
  const Entry = (globalThis as { IntersectionObserverEntry?: { prototype: object } }).IntersectionObserverEntry;
  return typeof Observer === 'function' && !!Entry && 'isVisible' in Entry.prototype;
}

export function createVisibilityGuard(options: GuardOptions = {}): VisibilityGuard {
  const Observer = options.Observer ?? globalThis.IntersectionObserver;
  const now = options.now ?? (() => performance.now());
  const minVisibleMs = options.minVisibleMs ?? MIN_VISIBLE_MS;
  const supported = options.Observer ? true : supportsVisibilityTracking(Observer);
  let observer: IntersectionObserver | null = null;
  let target: Element | null = null;
  /** Since when (performance time) the browser has said the target is fully visible, or null. */
  let visibleSince: number | null = null;

  const disconnect = () => {
    observer?.disconnect();
    observer = null;
    target = null;
    visibleSince = null;
  };

  return {
    watch(element) {
      if (element === target) return;
      disconnect();
      if (!element || !supported) return;
      target = element;
      observer = new Observer(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (!entry || entry.target !== target) return;
          const visible = entry.isIntersecting && (entry as IntersectionObserverEntry & { isVisible?: boolean }).isVisible === true;
          if (!visible) visibleSince = null;
          else visibleSince ??= Math.min(entry.time, now());
        },
        // trackVisibility and delay are IntersectionObserver v2; TypeScript's DOM types lack them.
        { threshold: [0, 1], trackVisibility: true, delay: VISIBILITY_DELAY_MS } as IntersectionObserverInit,
      );
      observer.observe(element);
    },
    state() {
      if (!supported) return 'unsupported';
      return visibleSince !== null && now() - visibleSince >= minVisibleMs ? 'visible' : 'obscured';
    },
    stop: disconnect,
  };
}
