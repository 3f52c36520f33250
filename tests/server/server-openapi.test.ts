import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { createApi } from '../../server/http/routes.ts';
import { openSqlite } from '../../server/db/open.ts';
import { Store } from '../../server/store/store.ts';
import { renderOpenApi } from '../../scripts/openapi.ts';

describe('docs/openapi.json', () => {
  const committed = readFileSync(new URL('../../docs/openapi.json', import.meta.url), 'utf8');

  it('is up to date with the generator (run: npx tsx scripts/openapi.ts)', () => {
    expect(committed).toBe(renderOpenApi());
  });

  it('documents exactly the routes the server serves', () => {
    const app = createApi({ store: new Store(openSqlite(':memory:')), token: 't', pollIntervalSeconds: 60, isClosing: () => false });
    const served = new Set(
      app.routes.filter((r) => r.method !== 'ALL').map((r) => `${r.method.toLowerCase()} ${r.path.replace(/:(\w+)/g, '{$1}')}`),
    );
    const doc = JSON.parse(committed) as { openapi: string; paths: Record<string, Record<string, unknown>> };
    expect(doc.openapi).toBe('3.1.0');
    const documented = new Set(Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m} ${path}`)));
    expect([...documented].sort()).toEqual([...served].sort());
  });
});
