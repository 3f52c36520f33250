/** The options page with a fake background and a fake permission prompt. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Company } from '@/lib/api/schema';
import type { CommandName, PublicSettings, Snapshot } from '@/lib/messaging/protocol';
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

const SAVED: PublicSettings = { apiUrl: 'https://sync.example.com', hasToken: true, pollMinutes: 5, followedCompanyIds: [] };

function snapshotWith(companies: Company[]): Snapshot {
  return {
    status: { state: 'ok', lastSuccessAt: null, failingSince: null, message: null, nextPollAt: null },
    summary: null,
    companies,
    settings: SAVED,
  };
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
  return { store, calls, requestPermission };
}

const defaultHandlers = (settings: PublicSettings = SAVED, companies: Company[] = []): Partial<Record<CommandName, Handler>> => ({
  'settings.get': () => ({ ok: true, data: settings }),
  'state.get': () => ({ ok: true, data: snapshotWith(companies) }),
  'settings.save': (p) => ({
    ok: true,
    data: { apiUrl: p.apiUrl, hasToken: settings.hasToken || Boolean(p.token), pollMinutes: p.pollMinutes, followedCompanyIds: p.followedCompanyIds },
  }),
});

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

describe('options page', () => {
  it('loads the saved settings; the token field stays empty with a "saved" placeholder', async () => {
    const s = setup(defaultHandlers({ ...SAVED, pollMinutes: 15 }));
    await mount(s);
    expect($<HTMLInputElement>('settings-api-url')!.value).toBe('https://sync.example.com');
    const token = $<HTMLInputElement>('settings-token')!;
    expect(token.type).toBe('password');
    expect(token.value).toBe('');
    expect(token.placeholder).toBe('•••• saved');
    expect($<HTMLSelectElement>('settings-interval')!.value).toBe('15');
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
    expect(s.calls.some((c) => c.command === 'settings.save')).toBe(false);
  });

  it('asks for the origin permission in the click itself, then saves without an empty token', async () => {
    const companies = [company('c1', 'Oak & Elm'), company('c2', 'Greenway Lawn', 'qbd')];
    const s = setup(defaultHandlers(SAVED, companies));
    await mount(s);
    await type($('settings-api-url') as HTMLInputElement, 'http://127.0.0.1:8787/');
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
    const save = s.calls.find((c) => c.command === 'settings.save');
    expect(save?.payload).toEqual({ apiUrl: 'http://127.0.0.1:8787', pollMinutes: 30, followedCompanyIds: ['c2'] });
    expect(save?.payload).not.toHaveProperty('token');
    expect($('settings-save-result')!.textContent).toBe('Settings saved.');
  });

  it('sends a new token, then clears the field and shows it as saved', async () => {
    const s = setup(defaultHandlers({ ...SAVED, hasToken: false }));
    await mount(s);
    expect($<HTMLInputElement>('settings-token')!.placeholder).not.toBe('•••• saved');
    await type($('settings-token') as HTMLInputElement, '  tok-123  ');
    await click($('settings-save'));
    await settle();
    const save = s.calls.find((c) => c.command === 'settings.save');
    expect(save?.payload).toMatchObject({ apiUrl: 'https://sync.example.com', token: 'tok-123' });
    expect($<HTMLInputElement>('settings-token')!.value).toBe('');
    expect($<HTMLInputElement>('settings-token')!.placeholder).toBe('•••• saved');
  });

  it('does not save when the permission is refused, and says why', async () => {
    const s = setup(defaultHandlers(), async () => false);
    await mount(s);
    await click($('settings-save'));
    await settle();
    expect(s.calls.some((c) => c.command === 'settings.save')).toBe(false);
    expect($('settings-save-result')!.textContent).toMatch(/permission to contact https:\/\/sync\.example\.com.*Nothing was saved/);
  });

  it('shows a save error from the background', async () => {
    const s = setup({ ...defaultHandlers(), 'settings.save': () => ({ ok: false, error: { code: 'rejected', message: 'pollMinutes: too small' } }) });
    await mount(s);
    await click($('settings-save'));
    await settle();
    expect($('settings-save-result')!.textContent).toBe('Not saved. pollMinutes: too small');
  });

  it('says that no checked company means following all', async () => {
    const s = setup(defaultHandlers(SAVED, [company('c1', 'Oak & Elm')]));
    await mount(s);
    expect($('settings-companies-hint')!.textContent).toMatch(/None checked.*every company/);
    await click(container.querySelector<HTMLInputElement>('[data-company-id="c1"]'));
    expect($('settings-companies-hint')!.textContent).toBe('Following 1 company.');
  });

  it('Test connection shows the company count and lists them', async () => {
    const s = setup({
      ...defaultHandlers(),
      'settings.test': () => ({ ok: true, data: { ok: true, message: 'ok', companies: [company('c1', 'Oak & Elm'), company('c2', '<b>Greenway</b>')] } }),
    });
    await mount(s);
    await type($('settings-token') as HTMLInputElement, 'new-token');
    await click($('settings-test'));
    await settle();
    expect(s.requestPermission).toHaveBeenCalledWith(['https://sync.example.com/*']);
    expect(s.calls.find((c) => c.command === 'settings.test')?.payload).toEqual({ apiUrl: 'https://sync.example.com', token: 'new-token' });
    expect($('settings-test-result')!.textContent).toBe('Connected: 2 companies');
    expect(container.querySelectorAll('[data-testid="settings-company"]')).toHaveLength(2);
    expect(container.querySelector('b')).toBeNull();
    expect($('settings-companies')!.textContent).toContain('<b>Greenway</b>');
    // Testing never saves.
    expect(s.calls.some((c) => c.command === 'settings.save')).toBe(false);
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
