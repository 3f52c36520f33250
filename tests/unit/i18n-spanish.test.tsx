/**
 * With the Spanish catalog, the popup and the QuickBooks page chip show no English and no raw
 * message keys in a few key states. Data from the sync service (names, codes) is Spanish-neutral
 * here, so any English word found came from our own text.
 */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company, Summary, WizardItem } from '@/lib/api/schema';
import type { CommandName, Reply, Snapshot } from '@/lib/messaging/protocol';
import type { ExplanationView, RecordStatus } from '@/lib/messaging/overlay-commands';
import type { SendCommand } from '@/components/common/client';
import { PopupApp } from '@/components/popup/PopupApp';
import { createPopupStore } from '@/components/popup/store';
import { StatusChip, type ChipProps, type ChipView } from '@/components/overlay/StatusChip';
import { explainFailure } from '@/lib/errors/explanation-view';
import { useLocale } from './setup-i18n';
import { expectSpanishOnly, RAW_KEY } from './spanish-text';

let container: HTMLElement;
beforeEach(() => {
  useLocale('es');
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

// ------------------------------------------------------------------ popup

const NOW = new Date();
const minutesAgo = (m: number) => new Date(NOW.getTime() - m * 60_000).toISOString();

const qbd: Company = {
  id: 'co-1',
  name: 'Arbolista Pérez',
  system: 'qbd',
  connector: { kind: 'web-connector', state: 'stale', lastContactAt: minutesAgo(300), lastRunAt: minutesAgo(300) },
};

function summary(): Summary {
  const zero = { pendingApprovals: { export: 2, import: 0 }, pendingSyncs: 3, failedSyncs: 1 };
  return {
    ...zero,
    unsynced: 4,
    generatedAt: NOW.toISOString(),
    companies: [{ ...zero, unsynced: 4, companyId: qbd.id, companyName: qbd.name, system: 'qbd', connector: qbd.connector, generatedAt: NOW.toISOString() }],
  };
}

const items: WizardItem[] = [
  { id: 'a', companyId: 'co-1', direction: 'export', entityType: 'Invoice', name: 'Jardines Ruiz', docNumber: '1042', change: 'create', amount: 1250.5, detectedAt: minutesAgo(120) },
  { id: 'b', companyId: 'co-1', direction: 'export', entityType: 'Customer', name: 'Poda Gómez', docNumber: null, change: 'update', amount: null, detectedAt: minutesAgo(3000) },
];

function snapshot(state: Snapshot['status']['state']): Snapshot {
  return {
    status: { state, lastSuccessAt: minutesAgo(5), failingSince: null, message: null, nextPollAt: null },
    summary: summary(),
    companies: [qbd],
    settings: { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }], pollMinutes: 5 },
    // One service (`primary`): plain company ids, its status is the combined one.
    connections: [{ ...{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', hasToken: true, followedCompanyIds: [] }, status: { state, lastSuccessAt: minutesAgo(5), failingSince: null, message: null, nextPollAt: null } }],
  };
}

async function mountPopup(handlers: Partial<Record<CommandName, () => Reply<unknown>>>) {
  const send = (async (command: CommandName) => {
    const handler = handlers[command];
    return handler ? handler() : { ok: false, error: { code: 'rejected', message: 'x' } };
  }) as SendCommand;
  const storage = new Map<string, string>();
  const store = createPopupStore({
    send,
    openOptions: () => {},
    storage: { getItem: (k) => storage.get(k) ?? null, setItem: (k, v) => void storage.set(k, v) },
  });
  await act(() => {
    render(<PopupApp store={store} />, container);
  });
  await act(async () => {
    await store.start();
  });
  return store;
}

const ok = <T,>(data: T) => ({ ok: true as const, data });
const wizard = () => ok({ companyId: 'co-1', items, fetchedAt: minutesAgo(1) });

describe('popup in Spanish', () => {
  it('ready, with wizard rows, a stalled Web Connector, counts and the approve bar', async () => {
    await mountPopup({ 'state.get': () => ok(snapshot('ok')), 'state.refresh': () => ok(snapshot('ok')), 'wizard.cached': wizard, 'wizard.load': wizard });
    await vi.waitFor(() => expect(container.querySelectorAll('[data-testid="wizard-row"]')).toHaveLength(2));
    expect(container.querySelector('[data-testid="approve-checked"]')!.textContent).toBe('Aprobar marcados (2)');
    expect(container.querySelector('[data-testid="unsynced-count"]')!.textContent).toBe('4 registros sin sincronizar necesitan atención');
    expect(container.textContent).toContain('Factura n.º 1042');
    expect(container.textContent).toContain('hace 2 h');
    expectSpanishOnly(container);
  });

  it('offline and unconfigured states', async () => {
    const offline = snapshot('unreachable');
    const unreachable = () => ({ ok: false as const, error: { code: 'unreachable' as const, message: 'x' } });
    await mountPopup({ 'state.get': () => ok(offline), 'state.refresh': unreachable, 'wizard.cached': wizard, 'wizard.load': unreachable });
    await vi.waitFor(() => expect(container.querySelector('[data-testid="state-offline"]')).not.toBeNull());
    expect(container.querySelector('[data-testid="state-offline"]')!.textContent).toMatch(/^No se puede conectar/);
    expectSpanishOnly(container);

    render(null, container);
    await mountPopup({ 'state.get': () => ({ ok: false, error: { code: 'unconfigured', message: 'x' } }) });
    expect(container.querySelector('[data-testid="state-unconfigured"]')).not.toBeNull();
    expectSpanishOnly(container);
  });
});

// ------------------------------------------------------------------ chip

function chip(view: ChipView, action: ChipProps['action'] = { kind: 'idle' }) {
  const noop = () => {};
  act(() =>
    render(
      <StatusChip
        view={view}
        action={action}
        collapsed={false}
        onToggleCollapsed={noop}
        onResync={noop}
        onAskClearId={noop}
        onConfirmClearId={noop}
        onCancelClearId={noop}
        onPickCompany={noop}
        onRetry={noop}
      />,
      container,
    ),
  );
}

function recordStatus(link: Partial<RecordStatus['link']>, explanation: ExplanationView | null = null): RecordStatus {
  return {
    companyId: 'co-1',
    system: 'qbd',
    connector: qbd.connector,
    link: { entityType: 'Invoice', qbId: '812', localId: 'L1', name: 'Jardines Ruiz', status: 'synced', lastSyncedAt: minutesAgo(90), ...link },
    explanation,
    fetchedAt: NOW.toISOString(),
  };
}

const ready = (status: RecordStatus): ChipView => ({ kind: 'ready', status, companyName: 'Arbolista Pérez', how: 'only-one', recordVisible: false });

describe('chip in Spanish', () => {
  it.each(['synced', 'awaiting-approval', 'pending', 'not-linked'] as const)('%s', (state) => {
    chip(ready(recordStatus({ status: state })));
    expectSpanishOnly(container);
  });

  it('failed with a catalog explanation, and the Clear ID confirmation', () => {
    // A general explanation (code outside the catalog) is translated through the message catalog.
    const explanation = explainFailure({ errorCode: '9999999' }, 'qbd');
    chip(ready(recordStatus({ status: 'failed', errorCode: '9999999' }, explanation)));
    expect(container.textContent).toContain('Explicación general');
    expectSpanishOnly(container);
    chip(ready(recordStatus({ status: 'failed', errorCode: '9999999' }, explanation)), { kind: 'confirm-clear' });
    expect(container.querySelector('[data-testid="clear-id-confirm"]')!.textContent).toContain('¿Borrar el ID de QuickBooks?');
    expectSpanishOnly(container);
  });

  it('loading, lookup failed and company picker', () => {
    chip({ kind: 'loading' });
    expectSpanishOnly(container);
    chip({ kind: 'lookup-failed', message: '' });
    expectSpanishOnly(container);
    chip({ kind: 'pick-company', candidates: [{ id: 'a', name: 'Arbolista Pérez', realmId: null }] });
    expectSpanishOnly(container);
  });
});

describe('error explanations in Spanish', () => {
  it('takes a catalog entry from the Spanish table, same steps count as English', () => {
    useLocale('en');
    const english = explainFailure({ errorCode: '6240' }, 'qbo');
    useLocale('es');
    const spanish = explainFailure({ errorCode: '6240' }, 'qbo');
    expect(spanish.code).toBe('6240');
    expect(spanish.title).not.toBe(english.title);
    expect(spanish.steps).toHaveLength(english.steps.length);
    expect(`${spanish.title} ${spanish.meaning}`).not.toMatch(/\b(the|and|is)\b/);
  });

  it('keeps English when the UI is English', () => {
    useLocale('en');
    expect(explainFailure({ errorCode: '9999999' }, 'qbd').meaning).toMatch(/^General explanation: code 9999999 is not in our list\./);
  });
});

describe('explanation hints in Spanish', () => {
  const cases: [string, 'qbo' | 'qbd', string, string?][] = [
    ['6240', 'qbo', 'Duplicate Name Exists Error', 'The name supplied already exists. : Another customer, vendor or employee is already using this name "Oak Hollow HOA". Id=58'],
    ['610', 'qbo', 'Object Not Found', 'Something you\'re trying to use has been made inactive.'],
    ['610', 'qbo', 'Object Not Found', 'The record was deleted.'],
    ['610', 'qbo', 'Object Not Found', 'Another user may have changed it.'],
    ['6140', 'qbo', 'Duplicate Document Number Error', 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1042 is assigned to TxnType=Invoice with TxnId=311'],
    ['3100', 'qbd', 'The name "Cedar Court" of the list element is already in use.'],
    ['3231', 'qbd', 'The request has not been processed.'],
    ['99999', 'qbo', 'Something odd'],
    ['3180', 'qbd', 'There was an error when saving a Invoice. QuickBooks error message: The transaction is in a closed period.'],
  ];

  it.each(cases)('%s (%s): every hint is translated and keeps its data', (code, system, message, detail) => {
    useLocale('en');
    const english = explainFailure({ errorCode: code, errorMessage: message, errorDetail: detail ?? null }, system).hints;
    useLocale('es');
    const spanish = explainFailure({ errorCode: code, errorMessage: message, errorDetail: detail ?? null }, system).hints;
    expect(english.length, 'the case produces hints').toBeGreaterThan(0);
    expect(spanish).toHaveLength(english.length);
    spanish.forEach((hint, i) => {
      expect(hint).not.toBe(english[i]);
      expect(hint).not.toMatch(RAW_KEY);
      for (const quoted of english[i]!.match(/"[^"]+"/g) ?? []) expect(hint).toContain(quoted);
    });
  });
});

describe('counts of one in Spanish', () => {
  it('the approval result agrees in number', async () => {
    const { outcomeText } = await import('@/components/popup/ApproveBar');
    expect(outcomeText({ kind: 'success', approved: 1, kept: 2, cleared: 0, skipped: 1 })).toBe(
      '1 aprobado · 2 conservados para la próxima vez · 0 descartados · 1 ya procesado',
    );
  });
});
