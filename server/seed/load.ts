/** Chooses and loads a seed: the built-in demo data or a fixture file. Only an empty database is seeded. */
import { readFileSync } from 'node:fs';
import type { Store } from '../store/store.ts';
import { buildDemoFixture, buildSecondDemoFixture } from './demo.ts';
import { FixtureError, loadFixture, validateFixture } from './fixture.ts';

export function loadSeed(store: Store, seed: string): void {
  const hasData = (store.db.prepare('SELECT COUNT(*) AS n FROM companies').get() as { n: number }).n > 0;
  // A file database keeps its data between starts; seeding again would duplicate it.
  if (hasData) return;
  if (seed === 'demo' || seed === 'demo-second') {
    const build = seed === 'demo' ? buildDemoFixture : buildSecondDemoFixture;
    loadFixture(store, validateFixture(build(store.now())));
    return;
  }
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(seed, 'utf8'));
  } catch (err) {
    throw new FixtureError(`Cannot read fixture ${seed}: ${(err as Error).message}`);
  }
  loadFixture(store, validateFixture(raw));
}
