/**
 * Builds the extension pre-configured for one sync service (API URL, token, optional poll period,
 * and for demos an emulator origin to treat as QuickBooks Online),
 * by running `wxt build` with the build-time variables wxt.config.ts reads. Used by `npm run demo`
 * and by the real-browser tests, which build one extension per server they start.
 */
import { spawn } from 'node:child_process';
import { join } from 'node:path';

export interface BuildOptions {
  apiUrl: string;
  apiToken: string;
  /** Poll period in minutes; tests use fractions of a minute (Chromium allows it unpacked). */
  pollMinutes?: number;
  /** Where WXT writes; the unpacked extension ends up in `<outDir>/chrome-mv3`. */
  outDir?: string;
  /**
   * Demo only: a loopback origin (the QBO emulator's web app, e.g. http://127.0.0.1:8790) the
   * build treats as QuickBooks Online. Leave unset for any build meant for real use.
   */
  demoQboOrigin?: string;
}

export async function buildExtension(opts: BuildOptions): Promise<string> {
  const root = new URL('../..', import.meta.url).pathname;
  const outDir = opts.outDir ?? join(root, '.output');
  const env = {
    ...process.env,
    SYNCLENS_API_URL: opts.apiUrl,
    SYNCLENS_API_TOKEN: opts.apiToken,
    SYNCLENS_POLL_MINUTES: opts.pollMinutes === undefined ? '' : String(opts.pollMinutes),
    SYNCLENS_OUT_DIR: outDir,
    SYNCLENS_DEMO_QBO_ORIGIN: opts.demoQboOrigin ?? '',
  };
  const wxt = join(root, 'node_modules', '.bin', 'wxt');
  await new Promise<void>((resolve, reject) => {
    const child = spawn(wxt, ['build'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let text = '';
    child.stdout.on('data', (d: Buffer) => (text += d.toString()));
    child.stderr.on('data', (d: Buffer) => (text += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`wxt build failed (exit ${code}):\n${text}`))));
  });
  return join(outDir, 'chrome-mv3');
}
