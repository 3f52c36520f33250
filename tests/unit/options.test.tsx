/** The options page with a fake background and a fake permission prompt. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company } from '@/lib/api/schema';
import type { CommandName, PublicConnection, PublicSettings, SettingsInput, Snapshot } from '@/lib/messaging/protocol';
import { OptionsApp } from '@/components/options/OptionsApp';
import { createOptionsStore } from '@/components/options/store';
import { checkApiUrl, intervalLabel } from '@/components/options/validate';
import type { SendCommand } from '@/components/common/client';

const company = (id: string, name: string, system: 'qbo' | 'qbd' = 'qbo'): Company => ({
  id,
  name,
  system,
  connector: { kind: system === 'qbd' ? 'web-connector' : 'qbo-api', state: 'ok', lastContactAt: null, lastRunAt: null },
});

const conn = (id: string, apiUrl: string, extra: Partial<PublicConnection> = {}): PublicConnection => ({
  id,
  name: '',
  apiUrl,
  hasToken: true,
  followedCompanyIds: [],
  ...extra,
});

const SAVED: PublicSettings = { connections: [conn('primary', 'https://sync.example.com')], pollMinutes: 5 };
const EVERGREEN = 's1a2b3c';
const TWO: PublicSettings = {
  connections: [conn('primary', 'https://sync.example.com', { name: 'Oak books' }), conn(EVERGREEN, 'https://sync.evergreen.test', { name: 'Evergreen books' })],
  pollMinutes: 5,
};

function snapshotWith(settings: PublicSettings, companies: Company[]): Snapshot {
  const status = { state: 'ok' as const, lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null };
  return { status, connections: settings.connections.map((c) => ({ ...c, status })), summary: null, companies, settings };
}

type Handler = (payload: any) => unknown;

function setup(handlers: Partial<Record<CommandName, Handler>>, permission: (origins: string[]) => Promise<boolean> = async () => true) {
  const calls: { command: CommandName; payload: unknown }[] = [];
  const send = (async (command: CommandName, payload: unknown) => {
    calls.push({ command, payload });
    const h = handlers[command];
    return h ? h(payload) : { ok: false, error: { code: 'rejected', message: 'no handler' } };
  }) as SendCommand;
  const requestPermission = vi.fn(permission);
  const store = createOptionsStore({ send, requestPermission });
  const saves = () => calls.filter((c) => c.command === 'settings.save').map((c) => c.payload as SettingsInput);
  return { store, calls, requestPermission, saves };
}

/** A background that stores like the real one: an omitted token keeps the one saved for that id. */
const defaultHandlers = (settings: PublicSettings = SAVED, companies: Company[] = []): Partial<Record<CommandName, Handler>> => {
  let current = settings;
  return {
    'settings.get': () => ({ ok: true, data: current }),
    'state.get': () => ({ ok: true, data: snapshotWith(settings, companies) }),
    'settings.save': (p: SettingsInput) => {
      current = {
        pollMinutes: p.pollMinutes,
        connections: p.connections.map((c) => ({
          id: c.id,
          name: c.name,
          apiUrl: c.apiUrl,
          hasToken: Boolean(c.token) || (current.connections.find((old) => old.id === c.id)?.hasToken ?? false),
          followedCompanyIds: c.followedCompanyIds,
        })),
      };
      return { ok: true, data: current };
    },
  };
};

let container: HTMLElement;
beforeEach(() => {
  container = document.createElement('div');
  document.body.appendChild(container);
});
afterEach(() => {
  render(null, container);
  container.remove();
});

async function mount(s: ReturnType<typeof setup>) {
  await act(() => {
    render(<OptionsApp store={s.store} />, container);
  });
  await act(async () => {
    await s.store.load();
  });
}

const $ = <T extends HTMLElement = HTMLElement>(id: string) => container.querySelector<T>(`[data-testid="${id}"]`);
const cards = () => [...container.querySelectorAll<HTMLElement>('[data-testid="connection-card"]')];
const inCard = <T extends HTMLElement = HTMLElement>(card: HTMLElement, id: string) => card.querySelector<T>(`[data-testid="${id}"]`);

async function type(el: HTMLInputElement | null, value: string) {
  await act(() => {
    el!.value = value;
    el!.dispatchEvent(new Event('input', { bubbles: true }));
  });
}
async function click(el: HTMLElement | null) {
  expect(el).not.toBeNull();
  await act(() => {
    el!.click();
  });
}
async function settle() {
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
}

describe('address validation', () => {
  it.each([
    ['https://sync.example.com/', true],
    ['  https://sync.example.com  ', true],
    ['http://localhost:8787', true],
    ['http://127.0.0.1:3000/', true],
    ['http://sync.example.com', false],
    ['ftp://sync.example.com', false],
    ['javascript:alert(1)', false],
    ['sync.example.com', false],
    ['', false],
    ['https://user:pw@sync.example.com', false],
  ])('%j → ok=%s', (input, valid) => {
    expect(checkApiUrl(input).ok).toBe(valid);
  });

  it('normalises and names the origin', () => {
    expect(checkApiUrl(' https://sync.example.com:8443/base/ ')).toEqual({
      ok: true,
      url: 'https://sync.example.com:8443/base',
      origin: 'https://sync.example.com:8443',
    });
  });

  it('explains why plain http is refused', () => {
    const r = checkApiUrl('http://sync.example.com');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.message).toMatch(/https:\/\/.*localhost/);
  });

  it('labels poll intervals', () => {
    expect(intervalLabel(1)).toBe('1 minute');
    expect(intervalLabel(15)).toBe('15 minutes');
    expect(intervalLabel(0.5)).toBe('30 seconds');
  });
});

describe('options page, one service', () => {
  it('loads the saved settings; the token field stays empty with a "saved" placeholder', async () => {
    const s = setup(defaultHandlers({ ...SAVED, pollMinutes: 15 }));
    await mount(s);
    expect(cards()).toHaveLength(1);
    expect(cards()[0]!.dataset.connectionId).toBe('primary');
    expect($('connection-name')!.textContent).toBe('sync.example.com');
    expect($<HTMLInputElement>('settings-api-url')!.value).toBe('https://sync.example.com');
    const token = $<HTMLInputElement>('settings-token')!;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('•••• saved');
    expect($<HTMLSelectElement>('settings-interval')!.value).toBe('15');
  });

  it('first setup: no service at all shows one empty card, with nothing to remove', async () => {
    const s = setup(defaultHandlers({ connections: [], pollMinutes: 5 }));
    await mount(s);
    expect(cards()).toHaveLength(1);
    expect(cards()[0]!.dataset.connectionId).toBe('primary');
    expect($('connection-name')!.textContent).toBe('New sync service');
    expect($<HTMLInputElement>('settings-api-url')!.value).toBe('');
    expect($('remove-connection')).toBeNull();
    await type($('settings-api-url') as HTMLInputElement, 'https://sync.example.com');
    await type($('settings-token') as HTMLInputElement, 'tok-1');
    await click($('settings-save'));
    await settle();
    expect(s.saves()).toEqual([
      { connections: [{ id: 'primary', name: '', apiUrl: 'https://sync.example.com', token: 'tok-1', followedCompanyIds: [] }], pollMinutes: 5 },
    ]);
    expect($('connection-name')!.textContent).toBe('sync.example.com');
  });

  it('keeps an unusual stored interval selectable', async () => {
    const s = setup(defaultHandlers({ ...SAVED, pollMinutes: 0.5 }));
    await mount(s);
    const select = $<HTMLSelectElement>('settings-interval')!;
    expect([...select.options].map((o) => o.value)).toEqual(['0.5', '1', '5', '15', '30', '60']);
    expect(select.value).toBe('0.5');
  });

  it('refuses a plain-http address for a non-local host before asking anything', async () => {
    const s = setup(defaultHandlers());
    await mount(s);
    await type($('settings-api-url') as HTMLInputElement, 'http://sync.example.com');
    await click($('settings-save'));
    await settle();
    expect($('settings-url-error')!.textContent).toMatch(/https:\/\//);
    expect($<HTMLInputElement>('settings-api-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(s.requestPermission).not.toHaveBeenCalled();
    expect(s.saves()).toEqual([]);
  });

  it('asks for the origin permission in the click itself, then saves without an empty token', async () => {
    const companies = [company('c1', 'Oak & Elm'), company('c2', 'Greenway Lawn', 'qbd')];
    const s = setup(defaultHandlers(SAVED, companies));
    await mount(s);
    await type($('settings-api-url') as HTMLInputElement, 'http://127.0.0.1:8787/');
    await type($('settings-name') as HTMLInputElement, '  Oak books ');
    await act(() => {
      const select = $<HTMLSelectElement>('settings-interval')!;
      select.value = '30';
      select.dispatchEvent(new Event('change', { bubbles: true }));
    });
    await click(container.querySelector<HTMLInputElement>('[data-company-id="c2"]'));

    // The prompt must be requested synchronously within the click (user gesture).
    await act(() => {
      $('settings-save')!.click();
      expect(s.requestPermission).toHaveBeenCalledWith(['http://127.0.0.1:8787/*']);
    });
    await settle();
    expect(s.saves()).toEqual([
      { connections: [{ id: 'primary', name: 'Oak books', apiUrl: 'http://127.0.0.1:8787', followedCompanyIds: ['c2'] }], pollMinutes: 30 },
    ]);
    expect(s.saves()[0]!.connections[0]).not.toHaveProperty('token');
    expect($('settings-save-result')!.textContent).toBe('Settings saved.');
    expect($('connection-name')!.textContent).toBe('Oak books');
  });

  it('sends a new token, then clears the field and shows it as saved', async () => {
    const s = setup(defaultHandlers({ connections: [conn('primary', 'https://sync.example.com', { hasToken: false })], pollMinutes: 5 }));
    await mount(s);
    expect($<HTMLInputElement>('settings-token')!.placeholder).not.toBe('•••• saved');
    await type($('settings-token') as HTMLInputElement, '  tok-123  ');
    await click($('settings-save'));
    await settle();
    expect(s.saves()[0]!.connections[0]).toMatchObject({ id: 'primary', apiUrl: 'https://sync.example.com', token: 'tok-123' });
    expect($<HTMLInputElement>('settings-token')!.value).toBe('');
    expect($<HTMLInputElement>('settings-token')!.placeholder).toBe('•••• saved');
  });

  it('does not save when the permission is refused, and says why', async () => {
    const s = setup(defaultHandlers(), async () => false);
    await mount(s);
    await click($('settings-save'));
    await settle();
    expect(s.saves()).toEqual([]);
    expect($('settings-save-result')!.textContent).toMatch(/permission to contact https:\/\/sync\.example\.com.*Nothing was saved/);
    expect($<HTMLButtonElement>('settings-save')!.disabled).toBe(false);
  });

  it('shows a save error from the background and keeps what was typed', async () => {
    const s = setup({ ...defaultHandlers(), 'settings.save': () => ({ ok: false, error: { code: 'rejected', message: 'pollMinutes: too small' } }) });
    await mount(s);
    await type($('settings-token') as HTMLInputElement, 'tok-9');
    await click($('settings-save'));
    await settle();
    expect($('settings-save-result')!.textContent).toBe('Not saved. pollMinutes: too small');
    expect($<HTMLInputElement>('settings-token')!.value).toBe('tok-9');
  });

  it('cannot save after the saved settings failed to load (that would remove every service); Try again reloads', async () => {
    let fail = true;
    const handlers = defaultHandlers();
    const s = setup({ ...handlers, 'settings.get': (p) => (fail ? { ok: false, error: { code: 'unreachable', message: 'gone' } } : handlers['settings.get']!(p)) });
    await mount(s);
    expect($('settings-save-result')!.textContent).toBe('Could not read the saved settings. gone');
    expect(cards()).toHaveLength(0);
    expect($<HTMLButtonElement>('settings-save')!.disabled).toBe(true);
    await act(async () => {
      await s.store.save();
    });
    expect(s.saves()).toEqual([]);
    fail = false;
    await click($('settings-retry'));
    await settle();
    expect(cards()).toHaveLength(1);
    expect($<HTMLButtonElement>('settings-save')!.disabled).toBe(false);
  });

  it('says that no checked company means following all', async () => {
    const s = setup(defaultHandlers(SAVED, [company('c1', 'Oak & Elm')]));
    await mount(s);
    expect($('settings-companies-hint')!.textContent).toMatch(/None checked.*every company/);
    await click(container.querySelector<HTMLInputElement>('[data-company-id="c1"]'));
    expect($('settings-companies-hint')!.textContent).toBe('Following 1 company.');
  });

  it('Test connection sends the connection id, shows the company count and lists them', async () => {
    const s = setup({
      ...defaultHandlers(),
      'settings.test': () => ({ ok: true, data: { ok: true, message: 'ok', companies: [company('c1', 'Oak & Elm'), company('c2', '<b>Greenway</b>')] } }),
    });
    await mount(s);
    await type($('settings-token') as HTMLInputElement, 'new-token');
    await click($('settings-test'));
    await settle();
    expect(s.requestPermission).toHaveBeenCalledWith(['https://sync.example.com/*']);
    expect(s.calls.find((c) => c.command === 'settings.test')?.payload).toEqual({ apiUrl: 'https://sync.example.com', token: 'new-token', connectionId: 'primary' });
    expect($('settings-test-result')!.textContent).toBe('Connected: 2 companies');
    expect(container.querySelectorAll('[data-testid="settings-company"]')).toHaveLength(2);
    expect(container.querySelector('b')).toBeNull();
    expect($('settings-companies')!.textContent).toContain('<b>Greenway</b>');
    // Testing never saves.
    expect(s.saves()).toEqual([]);
  });

  it('Test connection shows the failure message from the service or the background', async () => {
    const s = setup({
      ...defaultHandlers(),
      'settings.test': () => ({ ok: true, data: { ok: false, message: 'The service refused the token (401).', companies: [] } }),
    });
    await mount(s);
    await click($('settings-test'));
    await settle();
    expect($('settings-test-result')!.textContent).toBe('The service refused the token (401).');
    expect($('settings-test-result')!.className).toContain('error');

    const s2 = setup({ ...defaultHandlers(), 'settings.test': () => ({ ok: false, error: { code: 'unreachable', message: 'No answer from sync.example.com' } }) });
    render(null, container);
    await mount(s2);
    await click($('settings-test'));
    await settle();
    expect($('settings-test-result')!.textContent).toBe('No answer from sync.example.com');
  });
});

describe('options page, several services', () => {
  const companies = [company('c1', 'Oak & Elm'), company(`${EVERGREEN}~c9`, 'Evergreen Landscaping'), company(`${EVERGREEN}~c10`, 'Evergreen Snow', 'qbd')];

  it('shows every service from settings.get as its own card, with its own companies under plain ids', async () => {
    const s = setup(defaultHandlers(TWO, companies));
    await mount(s);
    const [oak, evergreen] = cards();
    expect(cards().map((c) => c.dataset.connectionId)).toEqual(['primary', EVERGREEN]);
    expect(inCard(oak!, 'connection-name')!.textContent).toBe('Oak books');
    expect(inCard(evergreen!, 'connection-name')!.textContent).toBe('Evergreen books');
    expect(inCard<HTMLInputElement>(evergreen!, 'settings-api-url')!.value).toBe('https://sync.evergreen.test');
    expect(inCard<HTMLInputElement>(evergreen!, 'settings-name')!.value).toBe('Evergreen books');
    const ids = (card: HTMLElement) => [...card.querySelectorAll<HTMLElement>('[data-testid="settings-company"]')].map((el) => el.dataset.companyId);
    expect(ids(oak!)).toEqual(['c1']);
    expect(ids(evergreen!)).toEqual(['c9', 'c10']);
    // Fields keep unique ids, so each label names its own field.
    const fieldIds = [...container.querySelectorAll('input[id]')].map((el) => el.id);
    expect(new Set(fieldIds).size).toBe(fieldIds.length);
    for (const id of fieldIds) expect(container.querySelector(`label[for="${id}"]`), id).not.toBeNull();
  });

  it('asks before the page is left with unsaved changes, and not once they are saved', async () => {
    const s = setup(defaultHandlers(TWO, companies));
    await mount(s);
    const leave = () => {
      const e = new Event('beforeunload', { cancelable: true });
      window.dispatchEvent(e);
      return e.defaultPrevented;
    };
    expect(s.store.hasUnsavedChanges.value).toBe(false);
    expect(leave()).toBe(false);
    await click(cards()[1]!.querySelector<HTMLInputElement>('[data-company-id="c10"]'));
    expect(leave()).toBe(true);
    await click(cards()[1]!.querySelector<HTMLInputElement>('[data-company-id="c10"]'));
    expect(leave()).toBe(false); // back as saved
    await click($('add-connection'));
    expect(leave()).toBe(true);
    await type(inCard<HTMLInputElement>(cards()[2]!, 'settings-api-url'), 'https://sync.third.test');
    await click($('settings-save'));
    await settle();
    expect(s.saves()).toHaveLength(1);
    expect(leave()).toBe(false);
    await type(inCard<HTMLInputElement>(cards()[0]!, 'settings-token'), 'new-token');
    expect(leave()).toBe(true);
  });

  it('follow checkboxes are per service and send plain ids', async () => {
    const s = setup(defaultHandlers(TWO, companies));
    await mount(s);
    const [oak, evergreen] = cards();
    await click(oak!.querySelector<HTMLInputElement>('[data-company-id="c1"]'));
    await click(evergreen!.querySelector<HTMLInputElement>('[data-company-id="c10"]'));
    expect(inCard(oak!, 'settings-companies-hint')!.textContent).toBe('Following 1 company.');
    expect(inCard(evergreen!, 'settings-companies-hint')!.textContent).toBe('Following 1 company.');
    await click($('settings-save'));
    await settle();
    const [saved] = s.saves();
    expect(saved!.connections.map((c) => [c.id, c.followedCompanyIds])).toEqual([
      ['primary', ['c1']],
      [EVERGREEN, ['c10']],
    ]);
  });

  it('a followed id the service no longer lists is still shown on its card, to be unchecked', async () => {
    const settings = { ...TWO, connections: [TWO.connections[0]!, { ...TWO.connections[1]!, followedCompanyIds: ['c9', 'gone'] }] };
    const s = setup(defaultHandlers(settings, companies));
    await mount(s);
    const evergreen = cards()[1]!;
    const gone = evergreen.querySelector<HTMLInputElement>('[data-company-id="gone"]')!;
    expect(gone.checked).toBe(true);
    expect(gone.closest('label')!.textContent).toContain('not listed by the service now');
    expect(cards()[0]!.querySelector('[data-company-id="gone"]')).toBeNull();
    await click(gone);
    await click($('settings-save'));
    await settle();
    expect(s.saves()[0]!.connections[1]!.followedCompanyIds).toEqual(['c9']);
  });

  it('Add another sync service: a card with a fresh id, focused address; the save lists both, and saving again adds nothing', async () => {
    const s = setup(defaultHandlers(SAVED, [company('c1', 'Oak & Elm')]));
    await mount(s);
    await click($('add-connection'));
    expect(cards()).toHaveLength(2);
    const added = cards()[1]!;
    const newId = added.dataset.connectionId!;
    expect(newId).toMatch(/^s[0-9a-z]{6}$/);
    expect(inCard(added, 'connection-name')!.textContent).toBe('New sync service');
    expect(document.activeElement).toBe(inCard(added, 'settings-api-url'));

    await type(inCard(added, 'settings-name'), 'Evergreen books');
    await type(inCard(added, 'settings-api-url'), 'https://sync.evergreen.test/');
    await type(inCard(added, 'settings-token'), 'tok-evergreen');
    expect(inCard(added, 'connection-name')!.textContent).toBe('Evergreen books');
    await click($('settings-save'));
    await settle();
    expect(s.saves()[0]).toEqual({
      connections: [
        { id: 'primary', name: '', apiUrl: 'https://sync.example.com', followedCompanyIds: [] },
        { id: newId, name: 'Evergreen books', apiUrl: 'https://sync.evergreen.test', token: 'tok-evergreen', followedCompanyIds: [] },
      ],
      pollMinutes: 5,
    });
    // The reply is the truth: the token field is cleared and shown as saved.
    const savedCard = cards()[1]!;
    expect(savedCard.dataset.connectionId).toBe(newId);
    expect(inCard<HTMLInputElement>(savedCard, 'settings-token')!.value).toBe('');
    expect(inCard<HTMLInputElement>(savedCard, 'settings-token')!.placeholder).toBe('•••• saved');

    await click($('settings-save'));
    await settle();
    expect(s.saves()[1]!.connections.map((c) => c.id)).toEqual(['primary', newId]);
    expect(cards()).toHaveLength(2);
  });

  it('a card added and not saved goes at once, without the question; focus returns to Add', async () => {
    const s = setup(defaultHandlers(SAVED));
    await mount(s);
    await click($('add-connection'));
    const added = cards()[1]!;
    await click(inCard(added, 'remove-connection'));
    expect(cards()).toHaveLength(1);
    expect($('remove-question')).toBeNull();
    expect(document.activeElement).toBe($('add-connection'));
  });

  it('editing one card’s address and saving keeps the other’s token (omitted)', async () => {
    const s = setup(defaultHandlers(TWO));
    await mount(s);
    await type(inCard(cards()[1]!, 'settings-api-url'), 'https://books.evergreen.test');
    await click($('settings-save'));
    await settle();
    const [saved] = s.saves();
    expect(saved!.connections).toEqual([
      { id: 'primary', name: 'Oak books', apiUrl: 'https://sync.example.com', followedCompanyIds: [] },
      { id: EVERGREEN, name: 'Evergreen books', apiUrl: 'https://books.evergreen.test', followedCompanyIds: [] },
    ]);
    for (const c of saved!.connections) expect(c).not.toHaveProperty('token');
    expect(inCard<HTMLInputElement>(cards()[0]!, 'settings-token')!.placeholder).toBe('•••• saved');
  });

  it('Remove asks in the page, applies only on Save, and the save drops the service', async () => {
    const s = setup(defaultHandlers(TWO, companies));
    await mount(s);
    const confirmSpy = vi.fn(() => true);
    vi.stubGlobal('confirm', confirmSpy);
    const remove = inCard(cards()[1]!, 'remove-connection')!;
    expect(remove.tagName).toBe('BUTTON');
    expect(remove.getAttribute('aria-label')).toBe('Remove Evergreen books');
    expect(inCard(cards()[0]!, 'remove-connection')!.getAttribute('aria-label')).toBe('Remove Oak books');
    await click(remove);
    expect(confirmSpy).not.toHaveBeenCalled();
    const question = inCard(cards()[1]!, 'remove-question')!;
    expect(question.textContent).toMatch(/Remove Evergreen books\?.*data.*actions still waiting/);
    expect(document.activeElement).toBe(inCard(cards()[1]!, 'confirm-remove'));
    expect(s.saves()).toEqual([]);

    // Keep it: nothing changes.
    await click(inCard(cards()[1]!, 'cancel-remove'));
    expect(inCard(cards()[1]!, 'remove-question')).toBeNull();
    expect(document.activeElement).toBe(inCard(cards()[1]!, 'remove-connection'));

    await click(inCard(cards()[1]!, 'remove-connection'));
    await click(inCard(cards()[1]!, 'confirm-remove'));
    expect(cards()).toHaveLength(2);
    expect(inCard(cards()[1]!, 'removed-note')!.textContent).toContain('Evergreen books will be removed when you save');
    expect(inCard(cards()[1]!, 'settings-api-url')).toBeNull();
    expect(document.activeElement).toBe(inCard(cards()[1]!, 'undo-remove'));
    expect(s.saves()).toEqual([]);

    await click($('settings-save'));
    await settle();
    expect(s.requestPermission).toHaveBeenCalledWith(['https://sync.example.com/*']);
    expect(s.saves()[0]!.connections.map((c) => c.id)).toEqual(['primary']);
    expect(cards().map((c) => c.dataset.connectionId)).toEqual(['primary']);
    vi.unstubAllGlobals();
  });

  it('Undo keeps a service marked for removal', async () => {
    const s = setup(defaultHandlers(TWO));
    await mount(s);
    await click(inCard(cards()[1]!, 'remove-connection'));
    await click(inCard(cards()[1]!, 'confirm-remove'));
    await click(inCard(cards()[1]!, 'undo-remove'));
    await click($('settings-save'));
    await settle();
    expect(s.saves()[0]!.connections.map((c) => c.id)).toEqual(['primary', EVERGREEN]);
  });

  it('a bad address on the second card blocks the save, shows the error there, focuses it and sends nothing', async () => {
    const s = setup(defaultHandlers(TWO));
    await mount(s);
    const [oak, evergreen] = cards();
    await type(inCard(evergreen!, 'settings-api-url'), 'http://sync.evergreen.test');
    await click($('settings-save'));
    await settle();
    expect(inCard(evergreen!, 'settings-url-error')!.textContent).toMatch(/https:\/\//);
    expect(inCard(evergreen!, 'settings-api-url')!.getAttribute('aria-invalid')).toBe('true');
    expect(inCard(oak!, 'settings-url-error')).toBeNull();
    expect(document.activeElement).toBe(inCard(evergreen!, 'settings-api-url'));
    expect(s.requestPermission).not.toHaveBeenCalled();
    expect(s.saves()).toEqual([]);
    expect($('settings-save-result')!.textContent).toBe('Not saved: correct the marked address first.');

    // Corrected, the same save goes through and the error disappears.
    await type(inCard(evergreen!, 'settings-api-url'), 'https://sync.evergreen.test');
    await click($('settings-save'));
    await settle();
    expect(s.saves()).toHaveLength(1);
    expect($('settings-url-error')).toBeNull();
  });

  it('asks for every card’s origin in one permission request, inside the click', async () => {
    const s = setup(defaultHandlers(TWO));
    await mount(s);
    await type(inCard(cards()[1]!, 'settings-api-url'), 'https://sync.evergreen.test:8443/v1');
    await act(() => {
      $('settings-save')!.click();
      expect(s.requestPermission).toHaveBeenCalledTimes(1);
      expect(s.requestPermission).toHaveBeenCalledWith(['https://sync.example.com/*', 'https://sync.evergreen.test:8443/*']);
    });
    await settle();
    expect(s.saves()).toHaveLength(1);
  });

  it('a refused permission for several services names them all and saves nothing', async () => {
    const s = setup(defaultHandlers(TWO), async () => false);
    await mount(s);
    await click($('settings-save'));
    await settle();
    expect(s.saves()).toEqual([]);
    expect($('settings-save-result')!.textContent).toContain('https://sync.example.com, https://sync.evergreen.test');
  });

  it('Test connection on card 2 sends its connection id (stored token) and lists companies on that card only', async () => {
    const s = setup({
      ...defaultHandlers(TWO),
      'settings.test': () => ({ ok: true, data: { ok: true, message: 'ok', companies: [company('c9', 'Evergreen Landscaping')] } }),
    });
    await mount(s);
    const [oak, evergreen] = cards();
    await click(inCard(evergreen!, 'settings-test'));
    await settle();
    expect(s.requestPermission).toHaveBeenCalledWith(['https://sync.evergreen.test/*']);
    expect(s.calls.filter((c) => c.command === 'settings.test').map((c) => c.payload)).toEqual([
      { apiUrl: 'https://sync.evergreen.test', connectionId: EVERGREEN },
    ]);
    expect(inCard(evergreen!, 'settings-test-result')!.textContent).toBe('Connected: 1 company');
    expect(inCard(oak!, 'settings-test-result')!.textContent).toBe('');
    expect(evergreen!.querySelector('[data-company-id="c9"]')).not.toBeNull();
    expect(oak!.querySelector('[data-company-id="c9"]')).toBeNull();
  });

  it('keyboard: each card’s controls come in reading order, all reachable', async () => {
    const s = setup(defaultHandlers(TWO, companies));
    await mount(s);
    const evergreen = cards()[1]!;
    const order = [...evergreen.querySelectorAll<HTMLElement>('input, button, select')].map((el) => el.dataset.testid);
    expect(order).toEqual(['settings-name', 'settings-api-url', 'settings-token', 'settings-test', 'settings-company', 'settings-company', 'remove-connection']);
    expect(container.querySelectorAll('[tabindex="-1"]')).toHaveLength(0);
    // Add comes after the cards, Save after the interval.
    const all = [...container.querySelectorAll<HTMLElement>('input, button, select')].map((el) => el.dataset.testid);
    expect(all.indexOf('add-connection')).toBeGreaterThan(all.lastIndexOf('remove-connection'));
    expect(all.at(-1)).toBe('settings-save');
  });
});
