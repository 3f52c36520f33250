/** The options page's Notifications section with a fake background and a fake permission prompt. */
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { SendCommand } from '@/components/common/client';
import { NotificationsSection } from '@/components/options/NotificationsSection';
import { createNotificationsStore, toClock } from '@/components/options/notifications-store';
import type { NotificationSettings } from '@/lib/messaging/center-commands';
import type { CommandName } from '@/lib/messaging/protocol';
import { DEFAULT_NOTIFICATION_SETTINGS } from '@/lib/notifications/settings';

function setup(stored: NotificationSettings = DEFAULT_NOTIFICATION_SETTINGS, permission: () => Promise<boolean> = async () => true) {
  const calls: { command: CommandName; payload: unknown }[] = [];
  let saved = stored;
  const send = (async (command: CommandName, payload: unknown) => {
    calls.push({ command, payload });
    if (command === 'notifications.get') return { ok: true, data: saved };
    if (command === 'notifications.save') {
      saved = payload as NotificationSettings;
      return { ok: true, data: saved };
    }
    return { ok: false, error: { code: 'rejected', message: 'no handler' } };
  }) as SendCommand;
  const requestNotifications = vi.fn(permission);
  const store = createNotificationsStore({ send, requestNotifications });
  return { store, calls, requestNotifications, saves: () => calls.filter((c) => c.command === 'notifications.save').map((c) => c.payload) };
}

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
    render(<NotificationsSection store={s.store} />, container);
  });
  await act(async () => {
    await s.store.load();
  });
}
const $ = <T extends HTMLElement = HTMLInputElement>(id: string) => container.querySelector<T>(`[data-testid="${id}"]`)!;
async function click(el: HTMLElement) {
  await act(async () => {
    el.click();
    await new Promise((r) => setTimeout(r, 0));
  });
}
async function type(el: HTMLInputElement, value: string) {
  await act(() => {
    el.value = value;
    el.dispatchEvent(new Event('input', { bubbles: true }));
  });
}

describe('time values', () => {
  it.each([['07:30', '07:30'], ['07:30:00', '07:30'], ['23:59:59.5', '23:59'], ['24:00', null], ['7:30', null], ['', null], ['07:30x', null]])('%j → %j', (input, out) => {
    expect(toClock(input)).toBe(out);
  });
});

describe('Notifications section', () => {
  it('shows the stored settings; off by default with the options disabled, every control named', async () => {
    const s = setup();
    await mount(s);
    expect($('notify-enabled').checked).toBe(false);
    expect($<HTMLFieldSetElement>('notify-options').disabled).toBe(true);
    expect($('notify-digest-at').value).toBe('07:30');
    expect($('notify-quiet-from').value).toBe('20:00');
    expect($('notify-quiet-to').value).toBe('06:30');
    for (const input of container.querySelectorAll('input')) {
      expect(input.id && container.querySelector(`label[for="${input.id}"]`)).toBeTruthy();
    }
  });

  it('asks for the permission in the click; allowed, then saved', async () => {
    const s = setup();
    await mount(s);
    await click($('notify-enabled'));
    expect(s.requestNotifications).toHaveBeenCalledOnce();
    expect($('notify-enabled').checked).toBe(true);
    expect($<HTMLFieldSetElement>('notify-options').disabled).toBe(false);
    await type($('notify-digest-at'), '08:15');
    await click($('notify-failures'));
    await click($('notify-save'));
    expect(s.saves()).toEqual([{ ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true, digestAt: '08:15', newFailures: false }]);
    expect($('notify-result').textContent).toBe('Saved. Notifications are on; the morning digest comes at 08:15.');
  });

  it('refused: says so, stays off, and saves nothing by itself', async () => {
    const s = setup(DEFAULT_NOTIFICATION_SETTINGS, async () => false);
    await mount(s);
    await click($('notify-enabled'));
    expect($('notify-enabled').checked).toBe(false);
    expect($('notify-result').textContent).toMatch(/did not allow notifications, so they stay off/);
    expect(s.saves()).toEqual([]);
  });

  it('a failing prompt is reported, not thrown', async () => {
    const s = setup(DEFAULT_NOTIFICATION_SETTINGS, async () => {
      throw new Error('no gesture');
    });
    await mount(s);
    await click($('notify-enabled'));
    expect($('notify-enabled').checked).toBe(false);
    expect($('notify-result').textContent).toContain('no gesture');
  });

  it('turning off needs no permission; digest and quiet hours can be switched off (null)', async () => {
    const s = setup({ ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true });
    await mount(s);
    await click($('notify-digest'));
    await click($('notify-quiet'));
    expect($('notify-digest-at').disabled).toBe(true);
    await click($('notify-save'));
    expect(s.saves()).toEqual([{ ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true, digestAt: null, quietFrom: null, quietTo: null }]);
    expect($('notify-result').textContent).toBe('Saved. Notifications are on, without a morning digest.');
    await click($('notify-enabled'));
    await click($('notify-save'));
    expect(s.requestNotifications).not.toHaveBeenCalled();
    expect(s.saves()[1]).toMatchObject({ enabled: false });
    expect($('notify-result').textContent).toBe('Saved. Notifications are off.');
  });

  it('refuses an empty time or equal quiet-hour ends, marking the field, and sends nothing', async () => {
    const s = setup({ ...DEFAULT_NOTIFICATION_SETTINGS, enabled: true });
    await mount(s);
    await type($('notify-digest-at'), '');
    await type($('notify-quiet-to'), '20:00');
    await click($('notify-save'));
    expect(s.saves()).toEqual([]);
    expect($('notify-result').textContent).toBe('Not saved: check the marked times.');
    expect($('notify-digest-at').getAttribute('aria-invalid')).toBe('true');
    expect(container.querySelector('#notify-quiet-to-error')?.textContent).toMatch(/another time/);
  });

  it('a refused save keeps the form and says why', async () => {
    const send = vi.fn(async () => ({ ok: false, error: { code: 'rejected', message: 'Invalid "notifications.save" request.' } }));
    const failing = createNotificationsStore({ send: send as unknown as SendCommand, requestNotifications: async () => true });
    failing.enabled.value = true;
    await failing.save();
    expect(failing.notice.value).toEqual({ kind: 'error', text: 'Not saved. Invalid "notifications.save" request.' });
    expect(failing.enabled.value).toBe(true);
  });
});
