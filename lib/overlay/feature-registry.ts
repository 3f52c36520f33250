/**
 * Overlay features, refined-github style: each feature lives in its own file and says which pages
 * it applies to; the registry runs the matching ones for the current page and, on every route
 * change, tears the previous run down (its AbortSignal fires) before running them again.
 */
import type { PageInfo } from '../qbo/page-detect';

export interface FeatureRun {
  page: PageInfo;
  url: string;
  /** Aborted when the route changes or the script stops: remove UI, observers and timers. */
  signal: AbortSignal;
}

export interface OverlayFeature {
  id: string;
  appliesTo(page: PageInfo): boolean;
  run(run: FeatureRun): void | Promise<void>;
}

export interface FeatureRegistry {
  /** Runs the features for `url`, after stopping whatever ran for the previous URL. */
  show(url: string): void;
  /** Runs the current URL's features again from the start (what they depend on changed). */
  refresh(): void;
  stop(): void;
}

export function createFeatureRegistry(
  features: readonly OverlayFeature[],
  detect: (url: string) => PageInfo,
  onError: (feature: OverlayFeature, error: unknown) => void = () => {},
): FeatureRegistry {
  const ids = new Set<string>();
  for (const f of features) {
    if (ids.has(f.id)) throw new Error(`Two overlay features are called "${f.id}"`);
    ids.add(f.id);
  }
  let current: { url: string; controller: AbortController } | null = null;

  const stop = () => {
    current?.controller.abort();
    current = null;
  };

  const registry: FeatureRegistry = {
    show(url) {
      if (current?.url === url) return;
      stop();
      const controller = new AbortController();
      current = { url, controller };
      const page = detect(url);
      for (const feature of features) {
        if (!feature.appliesTo(page)) continue;
        try {
          const result = feature.run({ page, url, signal: controller.signal });
          if (result instanceof Promise) result.catch((error) => onError(feature, error));
        } catch (error) {
          onError(feature, error);
        }
      }
    },
    refresh() {
      const url = current?.url;
      if (url === undefined) return;
      stop();
      registry.show(url);
    },
    stop,
  };
  return registry;
}
