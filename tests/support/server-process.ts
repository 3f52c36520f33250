/** The sync server as its own process (`server/cli.ts`), for tests that stop it for real (SIGTERM, SIGKILL). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('../..', import.meta.url));

export interface ServerProcess {
  child: ReturnType<typeof spawn>;
  /** Resolves with the exit code. */
  exited: Promise<number | null>;
  /** Resolves with the listening URL once the server printed it; rejects if it exits first. */
  url: Promise<string>;
  output(): { out: string; err: string };
}

export function runServerProcess(args: string[], env: Record<string, string> = {}): ServerProcess {
  // One node process with the tsx loader (not the tsx wrapper), so SIGKILL leaves no orphan behind.
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/cli.ts', ...args], {
    cwd: root, env: { ...process.env, SYNCLENS_TOKEN: '', SYNCLENS_TOKEN_FILE: '', ...env },
  });
  let out = '';
  let err = '';
  child.stdout.on('data', (d) => { out += String(d); });
  child.stderr.on('data', (d) => { err += String(d); });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      const m = /listening on (http:\/\/\S+?) /.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', () => reject(new Error(`exited: ${err}`)));
  });
  url.catch(() => { /* awaited only by tests that expect a start */ });
  return { child, exited, url, output: () => ({ out, err }) };
}
