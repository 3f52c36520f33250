/**
 * The Sync Center with the Spanish catalog: each tab, an opened explanation and the Clear ID
 * confirmation show no English of ours and no raw message keys; counts use the locale's grouping.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, LogEntry, UnsyncedEntity } from '@/lib/api/schema';
import type { CommandName, Snapshot } from '@/lib/messaging/protocol';
import type { SendCommand } from '@/components/common/client';
import { CenterApp } from '@/components/center/CenterApp';
import { createCenterStore } from '@/components/center/store';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly } from './spanish-text';

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const desk: Company = {
  id: 'desk',
  name: 'Poda Gómez',
  system: 'qbd',
  realmId: null,
  connector: { kind: 'web-connector', state: 'stale', lastContactAt: minutesAgo(300), lastRunAt: minutesAgo(30), intervalMinutes: 15 },
};

const unsynced = (id: string, over: Partial<UnsyncedEntity> = {}): UnsyncedEntity => ({
  id,
  companyId: 'desk',
  entityType: 'Invoice',
  localId: `l-${id}`,
  localUrl: `https://trabajos.example.com/${id}`,
  qbId: `80000-${id}`,
  name: `Jardines ${id}`,
  docNumber: '1042',
  errorCode: '3100',
  errorMessage: 'Nombre duplicado',
  firstFailedAt: minutesAgo(600),
  lastAttemptAt: minutesAgo(60),
  attempts: 2,
  state: 'failed',
  ...over,
});

const entry = (id: string): LogEntry => ({
  id,
  companyId: 'desk',
  direction: 'export',
  entityType: 'Invoice',
  localId: `l-${id}`,
  name: `Poda ${id}`,
  status: 'pending',
  at: minutesAgo(60),
  attempt: 2,
});

const snapshot: Snapshot = {
  status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null },
  summary: null,
  companies: [desk],
  settings: { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }], pollMinutes: 5 },
  // One service (`primary`): plain company ids, its status is the combined one.
  connections: [{ ...{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }, status: { state: 'ok', lastSuccessAt: minutesAgo(1), failingSince: null, message: null, nextPollAt: null } }],
};

const ok = <T,>(data: T) => ({ ok: true as const, data });
const handlers: Partial<Record<CommandName, () => unknown>> = {
  'state.get': () => ok(snapshot),
  'state.refresh': () => ok(snapshot),
  'center.unsyncedCached': () => ok(null),
  'center.unsynced': () => ok({ companyId: 'desk', items: [unsynced('a'), unsynced('b', { errorCode: '3120', docNumber: null })], fetchedAt: NOW.toISOString() }),
  'center.log': () => ok({ items: [entry('p1'), entry('p2')], nextCursor: 'c2', counts: { pending: 2, success: 12_345, failed: 0 } }),
  'center.history': () =>
    ok({ days: Array.from({ length: 10 }, (_, i) => ({ day: `2026-10-${String(i + 1).padStart(2, '0')}`, companyId: 'desk', waiting: 3, failed: 1, unsynced: 10 - i })) }),
};

let root: HTMLElement;
beforeEach(() => {
  useLocale('es');
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

async function mount() {
  const send = (async (command: CommandName) => handlers[command]?.() ?? { ok: false, error: { code: 'rejected', message: 'x' } }) as unknown as SendCommand;
  const store = createCenterStore({ send, openOptions: vi.fn(), link: {} });
  await act(async () => {
    render(<CenterApp store={store} now={NOW} />, root);
    await store.start();
  });
  await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="unsynced-row"]')).toHaveLength(2));
  return store;
}

const click = async (selector: string) => {
  const el = root.querySelector<HTMLElement>(selector);
  expect(el, selector).not.toBeNull();
  await act(async () => el!.click());
};

describe('Sync Center in Spanish', () => {
  it('Unsynced tab, an explanation and the Clear ID confirmation', async () => {
    await mount();
    expect(root.querySelector('[data-testid="tab-unsynced"]')!.textContent).toBe('Sin sincronizar (2)');
    expect(root.querySelector('[data-testid="shown-count"]')!.textContent).toBe('Mostrando 2 de 2');
    expectSpanishOnly(root);
    await click('[data-testid="row-explain"]');
    expect(root.querySelector('[data-testid="row-explanation"]')).not.toBeNull();
    expectSpanishOnly(root);
    await click('[data-testid="row-clear-id"]');
    expect(root.querySelector('[data-testid="clear-id-confirm"]')!.textContent).toContain('¿Borrar el ID de QuickBooks?');
    expectSpanishOnly(root);
  });

  it('Sync log with stuck Pending help, Connector and History tabs', async () => {
    const store = await mount();
    await act(async () => store.setTab('log'));
    await act(async () => store.log.setStatus('pending'));
    await vi.waitFor(() => expect(root.querySelectorAll('[data-testid="log-row"]')).toHaveLength(2));
    expect(root.querySelector('[data-testid="log-tab-success"]')!.textContent).toBe('Correctos 12,345');
    expect(root.querySelector('[data-testid="pending-stuck-help"]')).not.toBeNull();
    expectSpanishOnly(root);

    await act(async () => store.setTab('connector'));
    expect(root.querySelector('[data-testid="connector-card"]')!.textContent).toContain('Atrasado');
    expectSpanishOnly(root);

    await act(async () => store.setTab('history'));
    await vi.waitFor(() => expect(root.querySelector('[data-testid="history-chart"]')).not.toBeNull());
    expect(root.querySelector('[data-testid="history-trend"]')!.textContent).toBe('Sin sincronizar pasó de 8 a 3 en 10 días: va mejorando');
    await click('[data-testid="history-table-toggle"]');
    expectSpanishOnly(root);
  });
});
