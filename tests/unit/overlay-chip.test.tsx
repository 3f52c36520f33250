import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { StatusChip, type ChipProps, type ChipView } from '@/components/overlay/StatusChip';
import type { Link } from '@/lib/api/schema';
import { explainFailure } from '@/lib/errors/explanation-view';
import type { ExplanationView, RecordStatus } from '@/lib/messaging/overlay-commands';

const connector = { kind: 'web-connector' as const, state: 'ok' as const, lastContactAt: new Date().toISOString(), lastRunAt: null };

function status(link: Partial<Link>, explanation: ExplanationView | null = null, system: 'qbo' | 'qbd' = 'qbo'): RecordStatus {
  return {
    companyId: 'co-1',
    system,
    connector,
    link: { entityType: 'Invoice', qbId: '812', localId: 'L1', name: 'Oak Hollow HOA', status: 'synced', ...link },
    explanation,
    fetchedAt: new Date().toISOString(),
  };
}

const duplicateName: ExplanationView = {
  system: 'qbo',
  code: '6240',
  title: 'Name already in use',
  meaning: 'Another customer, vendor or employee already has this display name.',
  likelyCause: 'Two crews entered the same client.',
  steps: ['Rename one of them.', 'Press Resync.'],
  resyncAlone: false,
  clearIdFixes: false,
  category: 'duplicate',
  general: false,
  hints: ['The name "Oak Hollow HOA" is taken.'],
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

function show(view: ChipView, overrides: Partial<ChipProps> = {}) {
  const props: ChipProps = {
    view,
    action: { kind: 'idle' },
    collapsed: false,
    onToggleCollapsed: vi.fn(),
    onResync: vi.fn(),
    onAskClearId: vi.fn(),
    onConfirmClearId: vi.fn(),
    onCancelClearId: vi.fn(),
    onPickCompany: vi.fn(),
    onRetry: vi.fn(),
    ...overrides,
  };
  act(() => render(<StatusChip {...props} />, container));
  return props;
}
const q = (testId: string) => container.querySelector(`[data-testid="${testId}"]`);
const ready = (s: RecordStatus, recordVisible = true): ChipView => ({ kind: 'ready', status: s, companyName: 'Evergreen Tree', how: 'cookie', recordVisible });

describe('status chip states', () => {
  it.each([
    ['synced', 'Synced'],
    ['awaiting-approval', 'Awaiting approval'],
    ['pending', 'Pending'],
    ['not-linked', 'Not linked'],
  ] as const)('shows %s', (linkStatus, label) => {
    show(ready(status({ status: linkStatus, lastSyncedAt: new Date().toISOString() })));
    expect(q('synclens-chip')!.getAttribute('data-status')).toBe(linkStatus);
    expect(q('synclens-chip')!.textContent).toContain(label);
    expect(q('chip-resync')).toBeNull();
    expect(q('chip-clear-id')).toBeNull();
  });

  it('tells a QuickBooks Desktop pending record that the Web Connector must run, and when it last called', () => {
    show(ready(status({ status: 'pending' }, null, 'qbd')));
    expect(q('synclens-chip')!.textContent).toMatch(/Web Connector runs; last contact today/);
    expect(q('synclens-chip')!.textContent).not.toMatch(/stalled/);
    const stale = status({ status: 'pending' }, null, 'qbd');
    stale.connector = { ...stale.connector, state: 'stale' };
    show(ready(stale));
    expect(q('synclens-chip')!.textContent).toMatch(/stalled/);
  });

  it('shows a failed record with its code, explanation and both actions', () => {
    show(ready(status({ status: 'failed', errorCode: '6240', errorMessage: 'Duplicate Name Exists Error', unsyncedId: 'u1' }, duplicateName)));
    expect(q('synclens-chip')!.getAttribute('data-status')).toBe('failed');
    expect(q('chip-error-code')!.textContent).toBe('6240');
    expect(q('chip-explanation')!.textContent).toContain('Another customer, vendor or employee');
    expect(q('chip-explanation')!.querySelectorAll('ol li')).toHaveLength(2);
    expect(q('chip-resync')).not.toBeNull();
    expect(q('chip-clear-id')).not.toBeNull();
  });

  it('says when the company was assumed', () => {
    show({ ...(ready(status({})) as Extract<ChipView, { kind: 'ready' }>), how: 'only-one' });
    expect(q('synclens-chip')!.textContent).toContain('assumed');
  });

  it('renders unknown while loading and a clear state when the lookup failed', () => {
    show({ kind: 'loading' });
    expect(q('synclens-chip')!.getAttribute('data-status')).toBe('unknown');
    const props = show({ kind: 'lookup-failed', message: 'Could not reach the sync service' });
    expect(q('synclens-chip')!.textContent).toContain('Could not reach the sync service');
    act(() => (container.querySelector('button.sl-button') as HTMLButtonElement).click());
    expect(props.onRetry).toHaveBeenCalledOnce();
  });

  it('offers a company picker', () => {
    const props = show({ kind: 'pick-company', candidates: [{ id: 'a', name: 'Evergreen', realmId: '1' }, { id: 'b', name: 'Birch', realmId: '2' }] });
    const picker = q('chip-company-picker') as HTMLSelectElement;
    expect([...picker.options].map((o) => o.textContent)).toEqual(['Choose the company…', 'Evergreen', 'Birch']);
    picker.value = 'b';
    const trusted = new Event('change');
    Object.defineProperty(trusted, 'isTrusted', { value: true });
    act(() => void picker.dispatchEvent(trusted));
    expect(props.onPickCompany).toHaveBeenCalledWith('b');
  });

  it('the company picker acts only on real user input, like the buttons', () => {
    const props = show({ kind: 'pick-company', candidates: [{ id: 'a', name: 'Evergreen', realmId: '1' }, { id: 'b', name: 'Birch', realmId: '2' }] });
    const picker = q('chip-company-picker') as HTMLSelectElement;
    picker.value = 'b';
    act(() => void picker.dispatchEvent(new Event('change', { bubbles: true }))); // what a hostile page could do
    expect(props.onPickCompany).not.toHaveBeenCalled();
  });

  it('renders server strings as text, never as HTML', () => {
    show(ready(status({ status: 'failed', name: '<img src=x onerror=alert(1)>', errorCode: '6240', errorMessage: '<b>bold</b>', unsyncedId: 'u1' })));
    expect(container.querySelector('img')).toBeNull();
    expect(container.querySelector('b')).toBeNull();
    expect(container.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('collapses to the header', () => {
    const props = show(ready(status({ status: 'synced' })), { collapsed: true });
    expect(q('synclens-chip')!.textContent).not.toContain('in sync');
    act(() => (container.querySelector('[aria-expanded]') as HTMLButtonElement).click());
    expect(props.onToggleCollapsed).toHaveBeenCalledOnce();
  });
});

describe('codes as the sync service stored them (issue 8 §6)', () => {
  // The background builds the chip's explanation with explainFailure from the stored Link.
  const failedWith = (link: Partial<Link>) => {
    const full = { status: 'failed' as const, unsyncedId: 'u1', ...link };
    return status(full, explainFailure({ errorCode: full.errorCode!, errorMessage: full.errorMessage, errorDetail: full.errorDetail }, 'qbo'));
  };

  it('shows a zero-padded code as the normalized one', () => {
    show(ready(failedWith({ errorCode: '003200', errorMessage: 'message=AuthenticationFailed; errorCode=003200; statusCode=401' })));
    expect(q('chip-error-code')!.textContent).toBe('3200');
    expect(q('chip-explanation')!.querySelector('.sl-code')!.textContent).toBe('3200');
  });

  it('shows the code QuickBooks put in the message when errorCode is only a name', () => {
    show(ready(failedWith({ errorCode: 'ThrottleExceeded', errorMessage: 'message=ThrottleExceeded; errorCode=003001; statusCode=429' })));
    expect(q('chip-error-code')!.textContent).toBe('3001');
    expect(q('chip-explanation')!.textContent).not.toMatch(/ThrottleExceeded \(/);
  });

  it('links the transaction that already holds the number (6140 detail) to its QuickBooks page, as text', () => {
    show(
      ready(
        failedWith({
          errorCode: '6140',
          errorMessage: 'Duplicate Document Number Error',
          errorDetail: 'Duplicate Document Number Error : You must specify a different number. This number has already been used. DocNumber=1043 is assigned to TxnType=Invoice with TxnId=812',
        }),
      ),
    );
    const link = q('chip-related-record') as HTMLAnchorElement;
    expect(link).not.toBeNull();
    const url = new URL(link.href);
    expect(url.protocol).toBe('https:');
    expect(url.hostname).toMatch(/(^|\.)qbo\.intuit\.com$/);
    expect(url.pathname).toBe('/app/invoice');
    expect(url.searchParams.get('txnId')).toBe('812');
    expect(link.target).toBe('_blank');
    expect(link.rel).toContain('noopener');
    expect(link.textContent).toMatch(/invoice/i);
    expect(link.children).toHaveLength(0);
  });

  it('shows no related link when the detail names nothing', () => {
    show(ready(failedWith({ errorCode: '6140', errorMessage: 'Duplicate Document Number Error' })));
    expect(q('chip-related-record')).toBeNull();
  });
});

describe('chip actions', () => {
  const failed = () => ready(status({ status: 'failed', errorCode: '610', errorMessage: 'Object Not Found', unsyncedId: 'u1' }));
  const trustedClick = (el: Element) => {
    const event = new MouseEvent('click', { bubbles: true });
    Object.defineProperty(event, 'isTrusted', { value: true });
    act(() => void el.dispatchEvent(event));
  };

  it('acts only on trusted clicks', () => {
    const props = show(failed());
    act(() => (q('chip-resync') as HTMLButtonElement).click()); // synthetic: what a hostile page could do
    expect(props.onResync).not.toHaveBeenCalled();
    trustedClick(q('chip-resync')!);
    expect(props.onResync).toHaveBeenCalledOnce();
  });

  it('asks for confirmation before Clear ID and explains the consequence', () => {
    const props = show(failed());
    trustedClick(q('chip-clear-id')!);
    expect(props.onAskClearId).toHaveBeenCalledOnce();
    expect(props.onConfirmClearId).not.toHaveBeenCalled();

    show(failed(), { action: { kind: 'confirm-clear' }, onConfirmClearId: props.onConfirmClearId });
    const confirm = q('clear-id-confirm')!;
    expect(confirm.textContent).toMatch(/next sync creates a new QuickBooks record/);
    expect(confirm.textContent).toMatch(/duplicate/);
    expect(confirm.textContent).toMatch(/still shows the record/);
    trustedClick(confirm.querySelector('.sl-danger')!);
    expect(props.onConfirmClearId).toHaveBeenCalledOnce();
  });

  it('says a record QuickBooks no longer shows fits a deletion', () => {
    show(ready(failed().kind === 'ready' ? (failed() as Extract<ChipView, { kind: 'ready' }>).status : status({}), false), {
      action: { kind: 'confirm-clear' },
    });
    expect(q('clear-id-confirm')!.textContent).toMatch(/fits a deleted record/);
  });

  it('shows progress and the result', () => {
    show(failed(), { action: { kind: 'busy', action: 'resync' } });
    expect((q('chip-resync') as HTMLButtonElement).disabled).toBe(true);
    expect(q('chip-resync')!.textContent).toBe('Resyncing…');
    show(failed(), { action: { kind: 'done', ok: true, message: 'Resync queued' } });
    expect(container.querySelector('[role="status"]')!.textContent).toBe('Resync queued');
  });
});
