/**
 * `npm test` must leave a clean clone clean: the real-browser tests take their pictures through
 * one helper (tests/browser/harness.ts `screenshotPath`) that writes to an ignored folder; only
 * `npm run screenshots` (scripts/screenshots.ts) refreshes docs/screenshots, on purpose.
 */
import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { screenshotPath } from '../browser/harness';

const root = resolve(__dirname, '../..');
const browserDir = join(root, 'tests', 'browser');
const browserTests = readdirSync(browserDir).filter((f) => f.endsWith('.test.ts'));

describe('test pictures never change the tree', () => {
  const saved = process.env.SYNCLENS_SCREENSHOTS_DIR;
  afterEach(() => {
    if (saved === undefined) delete process.env.SYNCLENS_SCREENSHOTS_DIR;
    else process.env.SYNCLENS_SCREENSHOTS_DIR = saved;
  });

  it('no browser test writes under docs/ itself', () => {
    for (const file of browserTests) {
      const text = readFileSync(join(browserDir, file), 'utf8');
      expect(text, file).not.toMatch(/docs\/screenshots/);
      // Every picture goes through the helper.
      for (const call of text.match(/\.screenshot\(\{[^}]*\}/g) ?? []) expect(call, file).toMatch(/path: screenshotPath\(/);
    }
  });

  it('by default the helper writes to a folder git ignores', () => {
    delete process.env.SYNCLENS_SCREENSHOTS_DIR;
    const path = screenshotPath('sync-center.png');
    const rel = relative(root, path);
    expect(rel).toBe(join('test-results', 'screenshots', 'sync-center.png'));
    // Exits with an error (and throws) when the path is not ignored.
    expect(execFileSync('git', ['check-ignore', rel], { cwd: root, encoding: 'utf8' }).trim()).toBe(rel);
  });

  it('npm run screenshots points the helper elsewhere', () => {
    process.env.SYNCLENS_SCREENSHOTS_DIR = join(root, 'test-results', 'refresh');
    expect(relative(root, screenshotPath('popup.png'))).toBe(join('test-results', 'refresh', 'popup.png'));
    const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.screenshots).toBe('tsx scripts/screenshots.ts');
    expect(readFileSync(join(root, 'scripts', 'screenshots.ts'), 'utf8')).toMatch(/SYNCLENS_SCREENSHOTS_DIR/);
  });
});
