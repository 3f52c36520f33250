/**
 * A throwaway PostgreSQL server for tests and benchmarks, from Debian's `postgresql` package:
 * `initdb` into a temp directory, `pg_ctl` on a random port, removed afterwards. PostgreSQL refuses
 * to run as root, so under root the cluster belongs to the package's `postgres` user (or `nobody`).
 * When it cannot start, the error says why and how to fix it: tests never skip it silently.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { freePort } from './free-port.ts';

export interface PostgresCluster {
  /** postgres://…/postgres on the cluster, as its superuser. */
  adminUrl: string;
  /** A new, empty database on the cluster; returns its URL. */
  createDatabase(): Promise<string>;
  stop(): void;
}

const INSTALL_HINT = 'Install it with `apt-get install -y postgresql` (.ci/run does this on CI).';

/** Where Debian puts the server binaries (initdb and pg_ctl are not on PATH there). */
export function findPostgresBin(): string {
  const fromEnv = process.env.SYNCLENS_PG_BIN;
  if (fromEnv) return fromEnv;
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => /^\d+$/.test(v)).sort((a, b) => Number(b) - Number(a)) : [];
  for (const v of versions) {
    if (existsSync(join(root, v, 'bin', 'initdb'))) return join(root, v, 'bin');
  }
  const which = spawnSync('sh', ['-c', 'command -v initdb'], { encoding: 'utf8' });
  if (which.status === 0 && which.stdout.trim()) return join(which.stdout.trim(), '..');
  throw new Error(`PostgreSQL tests need the PostgreSQL server binaries (initdb, pg_ctl) and none were found. ${INSTALL_HINT}`);
}

function unprivilegedUser(): { name: string; uid: number; gid: number } | null {
  if (process.getuid?.() !== 0) return null;
  for (const name of ['postgres', 'nobody']) {
    const id = spawnSync('id', ['-u', name], { encoding: 'utf8' });
    const gid = spawnSync('id', ['-g', name], { encoding: 'utf8' });
    if (id.status === 0) return { name, uid: Number(id.stdout.trim()), gid: Number(gid.stdout.trim()) };
  }
  throw new Error('Running as root, PostgreSQL needs an unprivileged user to own its cluster, and neither `postgres` nor `nobody` exists.');
}

export async function startPostgresCluster(): Promise<PostgresCluster> {
  const bin = findPostgresBin();
  const user = unprivilegedUser();
  const dir = mkdtempSync(join(tmpdir(), 'synclens-pg-'));
  const data = join(dir, 'data');
  const log = join(dir, 'server.log');
  if (user) chownSync(dir, user.uid, user.gid);
  const run = (cmd: string, args: string[]) => {
    const [file, argv] = user ? ['runuser', ['-u', user.name, '--', join(bin, cmd), ...args]] : [join(bin, cmd), args];
    try {
      return execFileSync(file, argv, { encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], cwd: dir });
    } catch (err) {
      const e = err as { stderr?: string; stdout?: string; message: string };
      const serverLog = existsSync(log) ? `\nserver log:\n${readFileSync(log, 'utf8').slice(-2000)}` : '';
      throw new Error(`PostgreSQL test cluster: \`${cmd}\` failed: ${(e.stderr || e.stdout || e.message).trim()}${serverLog}\n${INSTALL_HINT}`);
    }
  };
  const superuser = 'synclens';
  run('initdb', ['-D', data, '-U', superuser, '-A', 'trust', '-E', 'UTF8', '--locale=C', '--no-sync']);
  const port = await freePort();
  // Durability settings off: a test cluster is thrown away, and fsync on a shared CI disk is slow.
  const serverOptions = [
    `-p ${port}`, '-c listen_addresses=127.0.0.1', `-k ${dir}`, '-c fsync=off', '-c synchronous_commit=off',
    '-c full_page_writes=off', '-c max_connections=200',
  ].join(' ');
  run('pg_ctl', ['-D', data, '-o', serverOptions, '-l', log, '-w', '-t', '30', 'start']);
  const base = `postgres://${superuser}@127.0.0.1:${port}`;
  let stopped = false;
  return {
    adminUrl: `${base}/postgres`,
    createDatabase: () => createDatabaseAt(`${base}/postgres`),
    stop() {
      if (stopped) return;
      stopped = true;
      try {
        run('pg_ctl', ['-D', data, '-m', 'immediate', '-w', 'stop']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

/** Creates a database on a running cluster known only by its admin URL (from a test worker). */
export async function createDatabaseAt(adminUrl: string): Promise<string> {
  const name = `t${process.pid}_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`;
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}
