/**
 * `npm run screenshots`: refreshes the pictures under docs/screenshots on purpose.
 *
 * The real-browser tests take every picture through `screenshotPath()` (tests/browser/harness.ts),
 * which writes to the ignored test-results/screenshots, so `npm test` never changes the tree. This
 * script runs the browser tests with SYNCLENS_SCREENSHOTS_DIR pointing at a fresh temporary folder
 * and, only when every test passed, copies the pictures docs/screenshots already has and says which
 * changed. Pictures the tests take only for their own record are left out unless `--new` is given.
 *
 * Other arguments are passed to Vitest, e.g. `npm run screenshots -- tests/browser/center.test.ts`
 * refreshes only that file's pictures.
 */
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;
const target = join(root, 'docs', 'screenshots');
const shots = mkdtempSync(join(tmpdir(), 'synclens-screenshots-'));
const args = process.argv.slice(2);
const addNew = args.includes('--new');
const vitestArgs = args.filter((a) => a !== '--new');

try {
  const vitest = join(root, 'node_modules', '.bin', 'vitest');
  const run = spawnSync(vitest, ['run', '--project', 'browser', ...vitestArgs], {
    cwd: root,
    stdio: 'inherit',
    env: { ...process.env, SYNCLENS_SCREENSHOTS_DIR: shots },
  });
  if (run.status !== 0) {
    console.error('\nThe browser tests failed: docs/screenshots was left as it was.');
    process.exitCode = run.status ?? 1;
  } else {
    const pictures = readdirSync(shots).filter((f) => f.endsWith('.png')).sort();
    if (pictures.length === 0) {
      console.error('\nThe tests took no pictures: docs/screenshots was left as it was.');
      process.exitCode = 1;
    } else {
      mkdirSync(target, { recursive: true });
      const lines: string[] = [];
      for (const name of pictures) {
        const from = join(shots, name);
        const to = join(target, name);
        const before = existsSync(to) ? readFileSync(to) : null;
        if (before === null && !addNew) {
          lines.push(`  left out  ${name} (not in docs/screenshots; --new adds it)`);
          continue;
        }
        copyFileSync(from, to);
        lines.push(`  ${before === null ? 'new      ' : before.equals(readFileSync(from)) ? 'unchanged' : 'updated  '} docs/screenshots/${name}`);
      }
      console.log(`\n${lines.join('\n')}\n\nReview them (git diff --stat docs/screenshots) and commit the ones you meant to change.`);
    }
  }
} finally {
  rmSync(shots, { recursive: true, force: true });
}
