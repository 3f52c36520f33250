/**
 * One debounced MutationObserver for the whole QuickBooks page, shared by every overlay feature.
 * QuickBooks re-renders often (for seconds after a save): features subscribe here instead of
 * each observing the body themselves.
 */
type Listener = () => void;

export interface DomWatch {
  /** Calls `listener` (debounced) after DOM changes until `signal` aborts. */
  subscribe(listener: Listener, signal: AbortSignal): void;
  /** Whether the one MutationObserver is connected (only while someone listens). */
  readonly active: boolean;
}

export function createDomWatch(root: Node, debounceMs = 150): DomWatch {
  const listeners = new Set<Listener>();
  let observer: MutationObserver | null = null;
  let timer: ReturnType<typeof setTimeout> | null = null;

  const flush = () => {
    timer = null;
    for (const listener of [...listeners]) listener();
  };
  const ensureObserver = () => {
    if (observer) return;
    observer = new MutationObserver(() => {
      if (timer === null) timer = setTimeout(flush, debounceMs);
    });
    observer.observe(root, { childList: true, subtree: true });
  };
  const releaseObserverIfIdle = () => {
    if (listeners.size || !observer) return;
    observer.disconnect();
    observer = null;
    if (timer !== null) clearTimeout(timer);
    timer = null;
  };

  return {
    subscribe(listener, signal) {
      if (signal.aborted) return;
      listeners.add(listener);
      ensureObserver();
      signal.addEventListener('abort', () => {
        listeners.delete(listener);
        releaseObserverIfIdle();
      });
    },
    get active() {
      return observer !== null;
    },
  };
}
