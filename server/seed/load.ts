/** Chooses and loads a seed: the built-in demo data or a fixture file. Only an empty database is seeded. */
import { readFileSync } from 'node:fs';
import type { Store } from '../store/store.ts';
import { buildDemoFixture, buildDesktopOnlyDemoFixture, buildSecondDemoFixture, buildWireDemoFixture } from './demo.ts';
import { FixtureError, loadFixture, validateFixture } from './fixture.ts';

const BUILT_IN_SEEDS: Record<string, (now: Date) => unknown> = {
  demo: buildDemoFixture,
  'demo-second': buildSecondDemoFixture,
  // The demo whose QuickBooks Online company is filled over the wire (npm run demo).
  'demo-desktop': buildDesktopOnlyDemoFixture,
  // Both companies empty: npm run demo fills them over the wire (QuickBooks Online and the Web Connector).
  'demo-wire': buildWireDemoFixture,
};

export async function loadSeed(store: Store, seed: string): Promise<void> {
  const hasData = ((await store.db.prepare('SELECT COUNT(*) AS n FROM companies').get()) as { n: number }).n > 0;
  // A file database keeps its data between starts; seeding again would duplicate it.
  if (hasData) return;
  const build = Object.hasOwn(BUILT_IN_SEEDS, seed) ? BUILT_IN_SEEDS[seed] : undefined;
  if (build) {
    await loadFixture(store, validateFixture(build(store.now())));
    return;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(seed, 'utf8'));
  } catch (err) {
    throw new FixtureError(`Cannot read fixture ${seed}: ${(err as Error).message}`);
  }
  await loadFixture(store, validateFixture(raw));
}
